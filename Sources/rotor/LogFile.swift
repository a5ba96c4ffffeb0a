import Foundation

/// The dashboard's log: nothing may be printed while the screen is up, so events go
/// to `$XDG_STATE_HOME/rotor/rotor.log` (default `~/.local/state/rotor/`). Bounded:
/// past 1 MB at start it is moved to `rotor.log.1`, replacing the previous one.
/// Logging never fails the dashboard: without a writable folder it is silent.
final class LogFile: @unchecked Sendable {
    // @unchecked: writes from the UI loop and the poller's tasks go through `lock`.
    private let handle: FileHandle?
    private let lock = NSLock()

    private init(handle: FileHandle?) { self.handle = handle }

    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> LogFile {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        let folder = base + "/rotor", path = folder + "/rotor.log"
        let fm = FileManager.default
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let size = (try? fm.attributesOfItem(atPath: path))?[.size] as? Int, size > 1_000_000 {
            try? fm.removeItem(atPath: path + ".1")
            try? fm.moveItem(atPath: path, toPath: path + ".1")
        }
        if !fm.fileExists(atPath: path) { fm.createFile(atPath: path, contents: nil) }
        let handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
        return LogFile(handle: handle)
    }

    func write(_ message: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        lock.lock()
        defer { lock.unlock() }
        try? handle?.write(contentsOf: Data("\(stamp) \(message)\n".utf8))
    }

    deinit { try? handle?.close() }
}
