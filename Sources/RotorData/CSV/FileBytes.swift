import Foundation

/// Reads a whole file with POSIX calls, so a failure has a short reason
/// ("No such file or directory", "Permission denied") for the user.
enum FileBytes {
    static func read(_ path: String) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(path, EISDIR) }
        // One more byte than the size, so a file that grew is noticed and read whole.
        var capacity = max(Int(info.st_size), 0) + 1
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
            capacity *= 2
        }
        if failure != 0 { throw Self.failure(path, failure) }
        return bytes
    }

    private static func failure(_ path: String, _ code: Int32) -> DataError {
        DataError("\(path): cannot read file (\(String(cString: strerror(code))))")
    }
}
