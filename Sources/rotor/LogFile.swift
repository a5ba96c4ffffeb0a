import Foundation
import RotorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dashboard's log: nothing may be printed while the screen is up, so events go
/// to `$XDG_STATE_HOME/rotor/rotor.log` (default `~/.local/state/rotor/`). Bounded,
/// for a dashboard left running for weeks: past 1 MB, at start or while running, it is
/// moved to `rotor.log.1`, replacing the previous one, so the two never pass 2 MB.
/// Logging never fails the dashboard: without a writable folder it is silent.
///
/// Several dashboards may share the folder. Each line is one `write(2)` on a file
/// opened with O_APPEND, so lines from two processes never interleave (the kernel
/// appends each write whole). Rotation is done under an exclusive `flock` on the
/// file being rotated, and only if it is still the one at `rotor.log`; a writer whose
/// file was rotated by another process notices (its file is no longer at the path)
/// and reopens `rotor.log` before its next line. So a second process never rotates
/// the fresh file away, and its lines land in `rotor.log.1` at worst for the one line
/// written while the rename happened. Messages have their control characters escaped
/// (a log line is one line) and are cut at `lineLimit` bytes.
final class LogFile: @unchecked Sendable {
    // @unchecked: writes from the UI loop and the poller's tasks go through `lock`.
    private var fd: Int32 = -1
    private let lock = NSLock()
    private let path: String
    /// Used under `lock` only (a formatter is not thread-safe, and costly to make).
    private let stamps = ISO8601DateFormatter()
    static let limit = 1_000_000
    /// The longest message kept, in bytes; an HTTP body quoted in full would not help.
    static let lineLimit = 4_000

    private init(path: String) {
        self.path = path
    }

    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> LogFile {
        let folder = StateFolder.path(environment: environment)
        // A folder that cannot be made leaves the log closed: the dashboard runs on.
        _ = StateFolder.create(folder)
        let log = LogFile(path: folder + "/rotor.log")
        log.lock.lock()
        log.reopen()
        if log.currentSize() > limit { log.rotate() }
        log.lock.unlock()
        return log
    }

    func write(_ message: String) {
        var text = message.escapingControlCharacters
        if text.utf8.count > Self.lineLimit {
            text = String(decoding: text.utf8.prefix(Self.lineLimit), as: UTF8.self) + "…"
        }
        lock.lock()
        defer { lock.unlock() }
        let line = Array("\(stamps.string(from: Date())) \(text)\n".utf8)
        if !isStillAtPath() { reopen() }
        guard fd >= 0 else { return }
        if currentSize() + line.count > LogFile.limit { rotate() }
        // One write(2) per line: with O_APPEND the kernel appends it whole, even when
        // another process appends to the same file at the same time.
        _ = line.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }

    /// Opens `rotor.log` for appending, creating it. Called under `lock`.
    private func reopen() {
        if fd >= 0 { close(fd) }
        fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }

    /// The size of the open file (another process's lines included).
    private func currentSize() -> Int {
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    /// Whether the open file is still the one at `rotor.log`, i.e. no other process
    /// has rotated it away.
    private func isStillAtPath() -> Bool {
        var open = stat(), named = stat()
        guard fd >= 0, fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Moves the file to `rotor.log.1` and starts a new one. Called under `lock`; the
    /// flock makes two processes that both find the file full rotate it once.
    private func rotate() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_EX)
        if isStillAtPath(), currentSize() > 0 {
            _ = rename(path, path + ".1") // replaces the previous rotor.log.1
        }
        _ = flock(fd, LOCK_UN)
        reopen()
    }

    deinit { if fd >= 0 { close(fd) } }
}
