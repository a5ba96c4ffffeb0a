import Foundation

/// Reads a whole file that a user named (a CSV, a config, a theme) without letting
/// the file decide how long that takes or how much memory it needs.
///
/// - Only regular files are read. A FIFO, a device (`/dev/zero`, a terminal) or a
///   socket, also behind a symbolic link, is refused: one of them could block
///   forever or never end. The file is opened with `O_NONBLOCK`, so even opening a
///   FIFO with no writer returns at once, and the opened descriptor is checked with
///   `fstat`, so a file swapped for a FIFO after a `stat` is still caught.
/// - A file bigger than `limit` bytes is refused before it is read, and reading
///   stops at `limit + 1` bytes even when the file grows while it is read.
///
/// Failures are short reasons for a message that starts with the path.
public enum RegularFile {
    public struct Failure: Error, Sendable, Equatable {
        /// Why, e.g. "not a regular file (a FIFO)" or "cannot read file (Permission denied)".
        public let reason: String
    }

    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            // A socket cannot be opened (ENXIO): say what it is rather than the errno.
            var info = stat()
            if stat(path, &info) == 0, let kind = specialKind(UInt32(info.st_mode)) { throw Failure(reason: notRegular(kind)) }
            throw Failure(reason: cannotRead(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: cannotRead(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: cannotRead(EISDIR)) }
        if let kind = specialKind(UInt32(info.st_mode)) { throw Failure(reason: notRegular(kind)) }
        let size = max(Int(info.st_size), 0)
        if size > limit { throw Failure(reason: tooBig(size, limit)) }

        // One more byte than the size, so a file that grew is noticed; it is read
        // whole as long as it stays within the limit.
        var capacity = size + 1
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        while failure == 0 {
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = buffer.initialize(fromContentsOf: previous)
                while count < buffer.count {
                    let r = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if r < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if r == 0 { return }
                    count += r
                }
            }
            if bytes.count < capacity { break } // reached the end
            if bytes.count > limit { throw Failure(reason: tooBig(bytes.count, limit, grew: true)) }
            capacity = min(capacity * 2, limit + 1)
        }
        if failure != 0 { throw Failure(reason: cannotRead(failure)) }
        return bytes
    }

    /// "a FIFO", "a character device", ... for a file that is neither regular nor a
    /// folder; nil for those two.
    public static func specialKind(_ mode: UInt32) -> String? {
        switch mode_t(truncatingIfNeeded: mode) & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "an unknown kind of file"
        }
    }

    public static func notRegular(_ kind: String) -> String { "not a regular file (\(kind))" }

    static func cannotRead(_ code: Int32) -> String { "cannot read file (\(String(cString: strerror(code))))" }

    /// "the file is 2 MB; rotor reads files of at most 1 MB here": also for a text
    /// that came some other way and is over a limit.
    public static func tooBig(_ size: Int, _ limit: Int, grew: Bool = false) -> String {
        // Just over the limit reads as the limit when rounded: then the exact size.
        let shown = megabytes(size) == megabytes(limit) ? "\(size) bytes" : megabytes(size)
        let what = grew ? "grew past \(megabytes(limit)) while it was read" : "is \(shown)"
        return "the file \(what); rotor reads files of at most \(megabytes(limit)) here"
    }

    /// 256 MB, 1 MB, 1.5 MB, 300 bytes.
    static func megabytes(_ bytes: Int) -> String {
        let mb = 1 << 20
        if bytes < mb { return bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) bytes" }
        let tenths = (bytes * 10 + mb / 2) / mb
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
