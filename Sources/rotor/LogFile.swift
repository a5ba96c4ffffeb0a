import Foundation

/// The dashboard's log: nothing may be printed while the screen is up, so events go
/// to `$XDG_STATE_HOME/rotor/rotor.log` (default `~/.local/state/rotor/`). Bounded,
/// for a dashboard left running for weeks: past 1 MB, at start or while running, it is
/// moved to `rotor.log.1`, replacing the previous one, so the two never pass 2 MB.
/// Logging never fails the dashboard: without a writable folder it is silent.
final class LogFile: @unchecked Sendable {
    // @unchecked: writes from the UI loop and the poller's tasks go through `lock`.
    private var handle: FileHandle?
    private let lock = NSLock()
    private let path: String
    private var size: Int
    static let limit = 1_000_000

    private init(handle: FileHandle?, path: String, size: Int) {
        self.handle = handle
        self.path = path
        self.size = size
    }

    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> LogFile {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        let folder = base + "/rotor", path = folder + "/rotor.log"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let log = LogFile(handle: nil, path: path, size: size)
        log.lock.lock()
        if size > limit { log.rotate() } else { log.reopen() }
        log.lock.unlock()
        return log
    }

    /// Opens the file for appending (creating it). Called under `lock`.
    private func reopen() {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        handle = FileHandle(forWritingAtPath: path)
        size = Int((try? handle?.seekToEnd()) ?? 0)
    }

    /// Moves the file to `rotor.log.1` and starts a new one. Called under `lock`.
    private func rotate() {
        try? handle?.close()
        try? FileManager.default.removeItem(atPath: path + ".1")
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        reopen()
    }

    func write(_ message: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line = Data("\(stamp) \(message)\n".utf8)
        lock.lock()
        defer { lock.unlock() }
        if size + line.count > LogFile.limit { rotate() }
        try? handle?.write(contentsOf: line)
        size += line.count
    }

    deinit { try? handle?.close() }
}
