import Foundation

/// Saves the screen text as `rotor-YYYYMMDD-HHMMSS.txt` (local time) in a folder,
/// never overwriting: a second snapshot in the same second gets `-1`, `-2`, ...
enum SnapshotFile {
    static func save(_ lines: [String], in folder: String, at date: Date = Date()) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "rotor-" + formatter.string(from: date)
        let text = Data((lines.joined(separator: "\n") + "\n").utf8)
        for attempt in 0..<1000 {
            let name = stem + (attempt == 0 ? "" : "-\(attempt)") + ".txt"
            let path = (folder as NSString).appendingPathComponent(name)
            // O_EXCL: creating fails if the file exists, even if another process races us.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CommandFailure.runtime("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(fd) }
            let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == text.count else {
                throw CommandFailure.runtime("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return path
        }
        throw CommandFailure.runtime("cannot write a snapshot in \(folder): too many files named \(stem)")
    }
}
