import Foundation
import RotorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every line the commands print goes through here, so two rules hold everywhere:
// text from outside (file names, config values, HTTP bodies) reaches stderr with its
// control characters escaped, and a failed write to stdout (a full disk, a closed
// stdout) ends the command with one line and exit status 1 instead of a crash.

/// One line on stderr, control characters escaped (see `escapingControlCharacters`).
/// A failure to write it is ignored: there is nowhere left to report it.
func writeError(_ line: String) {
    _ = StandardStream.writeAll(line.escapingControlCharacters + "\n", to: STDERR_FILENO)
}

/// Text on stdout, as it is (the caller escapes what came from outside). If stdout
/// cannot be written the command is over: one line on stderr, exit status 1.
func writeOutput(_ text: String) {
    if let code = StandardStream.writeAll(text, to: STDOUT_FILENO) { StandardStream.failOutput(code) }
}

enum StandardStream {
    /// The standard descriptors that were closed when the process started.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Run first: a standard descriptor the process started without (`rotor export
    /// >&-`) is opened on /dev/null, so no file opened later (the cache, the log) can
    /// take its number and receive what was meant for stdout; writes to it then fail
    /// with EBADF, as they would have.
    static func guardStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closedAtStart.insert(fd)
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0 && opened != fd { _ = dup2(opened, fd); close(opened) }
        }
    }

    /// Writes all of `text` with write(2), retrying short writes and EINTR; returns
    /// errno on failure, nil on success. (FileHandle's `write(_: Data)` traps on failure.)
    static func writeAll(_ text: String, to fd: Int32) -> Int32? {
        if closedAtStart.contains(fd) { return EBADF }
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }

    /// Says that stdout failed and exits 1.
    static func failOutput(_ code: Int32) -> Never {
        writeError("rotor: cannot write to standard output: \(String(cString: strerror(code)))")
        exit(1)
    }

    /// Flushes C stdio (what `print` and ArgumentParser write through) and fails as
    /// `writeOutput` does when that output could not be written.
    static func flushOrFail() {
        if fflush(nil) != 0 { failOutput(errno) }
    }
}
