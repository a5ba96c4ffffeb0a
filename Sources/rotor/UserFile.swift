import Foundation
import RotorCore

/// The small files a command reads that the user named (the config, a universe's
/// member list), through RotorCore's bounded reader of regular files only (a FIFO
/// would block the command for ever, /dev/zero fill memory), as a usage error that
/// names the file and what it was for.
enum UserFile {
    /// The bytes of `path`, at most `limit`; `what` says what the file is for ("the
    /// config file"), for the message.
    static func read(_ path: String, what: String, limit: Int) throws(CommandFailure) -> Data {
        do {
            return Data(try RegularFile.read(path, limit: limit))
        } catch {
            // "cannot read file (No such file or directory)" after "cannot read the
            // config file" would say it twice: keep the system's reason alone.
            var reason = Substring(error.reason)
            if reason.hasPrefix("cannot read file ("), reason.hasSuffix(")") { reason = reason.dropFirst(18).dropLast() }
            throw .usage("\(path): cannot read \(what): \(reason)")
        }
    }
}
