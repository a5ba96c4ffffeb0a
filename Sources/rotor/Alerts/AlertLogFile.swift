import Foundation
import RotorCore
import RotorUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `alerts.jsonl` in the state folder: every firing a dashboard delivers, one JSON
/// object a line, for a user's scripts (`tail -f | jq`) and for the record:
///
///     {"date":"2024-03-15","name":"rotation-extreme","expression":"zscore(ratio(RTY, ES), 60)","value":-2.0431,
///      "condition":"zscore(ratio(RTY, ES), 60) <= -2","severity":"alert","time":"2026-12-01T22:50:04Z","mode":"live"}
///
/// (one line in the file). `date` is the data date of the row it fired on, `time`
/// the wall time it was delivered, `mode` `replay` or `live`.
///
/// Several dashboards may append at once: each line is one `write(2)` on a file
/// opened with `O_APPEND`, so the kernel appends it whole and two processes' lines
/// never interleave. The file is opened for each line (firings are rare), so no
/// process keeps writing to a file that another one has rotated away.
///
/// Bounded, for a dashboard left running for weeks: a line that would take the file
/// past `limit` (10 MB, some 30 000 firings) first moves it to `alerts.jsonl.1`,
/// replacing the previous one, so the two never pass 20 MB. The move is done under
/// an exclusive `flock` and only if the file is still the one at the path, so two
/// processes that find it full rotate it once; a line written by a process that
/// opened the file just before the move lands, whole, in `alerts.jsonl.1`.
///
/// A failure is returned as a reason, never thrown: the dashboard logs it and goes on.
struct AlertLogFile: Sendable {
    /// The path of `alerts.jsonl`.
    let path: String
    /// The size past which the file is rotated, in bytes.
    let limit: Int

    static let fileName = "alerts.jsonl"
    static let standardLimit = 10_000_000

    init(folder: String, limit: Int = AlertLogFile.standardLimit) {
        self.path = folder + "/" + Self.fileName
        self.limit = limit
    }

    /// The file in the state folder of `environment` (`$XDG_STATE_HOME/rotor`).
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AlertLogFile {
        AlertLogFile(folder: StateFolder.path(environment: environment))
    }

    /// The line of a firing: its JSON object with the wall time and the mode after
    /// the firing's own fields, and a line feed.
    static func line(_ firing: AlertFiring, mode: String, time: Date) -> String {
        firing.jsonObject([("time", AlertWallTime.string(time)), ("mode", mode)]) + "\n"
    }

    /// Appends the firing's line, creating the folder (0700) and the file (0600) if
    /// they are missing. Returns why it could not, or nil.
    @discardableResult
    func append(_ firing: AlertFiring, mode: String, time: Date) -> String? {
        append(line: Self.line(firing, mode: mode, time: time))
    }

    /// Appends `line` (which ends with its line feed) in one write.
    func append(line: String) -> String? {
        var fd = open()
        if fd < 0, errno == ENOENT || errno == ENOTDIR {
            if let failure = StateFolder.create((path as NSString).deletingLastPathComponent) { return failure }
            fd = open()
        }
        guard fd >= 0 else { return "cannot open \(path) (\(Self.reason(errno)))" }
        let bytes = Array(line.utf8)
        let size = Self.size(of: fd)
        if size > 0, size + bytes.count > limit {
            rotate(fd)
            close(fd)
            fd = open()
            guard fd >= 0 else { return "cannot open \(path) after rotating it (\(Self.reason(errno)))" }
        }
        defer { close(fd) }
        // One write(2): with O_APPEND the kernel appends the line whole, even while
        // another process appends to the same file.
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        if written < 0 { return "cannot write to \(path) (\(Self.reason(errno)))" }
        if written < bytes.count { return "wrote \(written) of \(bytes.count) bytes to \(path) (the disk may be full)" }
        return nil
    }

    private func open() -> Int32 {
        Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }

    /// Moves the file open on `fd` to `alerts.jsonl.1` if it is still the one at the
    /// path (another process may have rotated it already). The flock makes two
    /// processes that both find it full rotate it once.
    private func rotate(_ fd: Int32) {
        _ = flock(fd, LOCK_EX)
        defer { _ = flock(fd, LOCK_UN) }
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0,
              open.st_dev == named.st_dev, open.st_ino == named.st_ino, open.st_size > 0 else { return }
        _ = rename(path, path + ".1") // replaces the previous alerts.jsonl.1
    }

    private static func size(of fd: Int32) -> Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
