import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small file the user named (the config, a universe's member list) only if
/// it is a regular file of sensible size: a FIFO would block the command for ever,
/// and /dev/zero or a symlink to it would fill memory. The open is non-blocking, so
/// even opening a FIFO with no writer returns at once.
enum RegularFile {
    /// The largest such file read, in bytes.
    static let limit = 16 << 20

    /// The bytes of `path`, or a usage error naming it and what it is (`what`: "the
    /// config file").
    static func read(_ path: String, what: String) throws(CommandFailure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .usage("\(path): cannot read \(what): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .usage("\(path): cannot read \(what): \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .usage("\(path): cannot read \(what): not a regular file (a FIFO, device or folder)")
        }
        guard info.st_size <= limit else { throw .usage("\(path): cannot read \(what): larger than 16 MB") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break } // the file shrank while read: keep what was there
            done += n
        }
        return Data(bytes[0..<done])
    }
}
