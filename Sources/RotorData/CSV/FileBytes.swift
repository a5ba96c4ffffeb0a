import RotorCore

/// Reads a whole CSV file with POSIX calls (RegularFile), so a failure has a short
/// reason ("No such file or directory", "not a regular file (a FIFO)") for the user.
enum FileBytes {
    /// The biggest CSV file rotor reads: 256 MB is some ten million daily rows, far
    /// beyond any download, and small enough to hold in memory with its parse.
    static let limit = 256 << 20

    static func read(_ path: String, limit: Int = FileBytes.limit) throws(DataError) -> [UInt8] {
        do {
            return try RegularFile.read(path, limit: limit)
        } catch {
            throw DataError("\(path): \(error.reason)")
        }
    }
}
