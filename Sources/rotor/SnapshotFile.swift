import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves the screen text as `rotor-YYYYMMDD-HHMMSS.txt` (local time) in a folder,
/// never overwriting: a second snapshot in the same second gets `-1`, `-2`, ...
///
/// The text goes to a hidden temporary file in the same folder first and is linked
/// to its name only when every byte is written, so a full disk (or any failed
/// write) leaves no file at all, never an empty or cut one.
enum SnapshotFile {
    /// write(2), or a stand-in in tests: returns the bytes written, or -1 with errno.
    typealias Writer = (Int32, UnsafeRawBufferPointer) -> Int

    static func save(_ lines: [String], in folder: String, at date: Date = Date(),
                     writer: Writer = { fd, bytes in Foundation.write(fd, bytes.baseAddress, bytes.count) }) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "rotor-" + formatter.string(from: date)
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        let temporary = (folder as NSString).appendingPathComponent(".\(stem)-\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(folder) }
        defer { unlink(temporary) } // after the link below, or after a failure
        var done = 0
        while done < text.count {
            let n = text.withUnsafeBytes { writer(fd, UnsafeRawBufferPointer(rebasing: $0[done...])) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure(folder, errno: n == 0 ? ENOSPC : errno)
                close(fd)
                throw error
            }
            done += n
        }
        // close can report a deferred write error (NFS, some full disks).
        guard close(fd) == 0 else { throw failure(folder) }
        for attempt in 0..<1000 {
            let name = stem + (attempt == 0 ? "" : "-\(attempt)") + ".txt"
            let path = (folder as NSString).appendingPathComponent(name)
            // link fails if the name exists, even if another process races us.
            if link(temporary, path) == 0 { return path }
            if errno == EEXIST { continue }
            // A file system without hard links (FAT, some network mounts): rename,
            // after checking the name is free (a race here only loses a snapshot name).
            if errno == EPERM || errno == EOPNOTSUPP || errno == ENOTSUP {
                if access(path, F_OK) == 0 { continue }
                if rename(temporary, path) == 0 { return path }
            }
            throw failure(folder)
        }
        throw CommandFailure.runtime("cannot write a snapshot in \(folder): too many files named \(stem)")
    }

    private static func failure(_ folder: String, errno code: Int32 = errno) -> CommandFailure {
        CommandFailure.runtime("cannot write a snapshot in \(folder): \(String(cString: strerror(code)))")
    }
}
