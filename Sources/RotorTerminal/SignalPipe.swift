#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the pipe, for the signal handler, which can reach nothing else.
/// Set before any handler is installed and cleared after they are removed, so the
/// handler only ever reads an initialised value.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The handler itself does only what is async-signal-safe: one `write` of the
/// signal number into a non-blocking pipe (errno preserved). Restoring the terminal
/// (`endwin`) is not safe here, so it happens in the read loop, which wakes up because
/// the pipe became readable.
private func forwardSignal(_ number: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
    errno = savedErrno
}

/// Turns SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTERM and SIGHUP (tmux closing the
/// pane) into something the key loop can wait on next to stdin: the self-pipe trick.
/// Any thread may take the signal; the pipe wakes the loop's `poll` regardless.
/// SIGWINCH is left to ncurses.
///
/// SIGQUIT is a quit like Ctrl-C, not a crash: in a dashboard Ctrl-\ is pressed by a
/// user who wants out, and a clean exit (status 131, the terminal restored by
/// `endwin`) serves them better than a core dump with a broken terminal.
final class SignalPipe {
    static let watched: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]

    /// The end the key loop polls; -1 when not installed.
    private(set) var readEnd: Int32 = -1
    private var writeEnd: Int32 = -1
    private var previous: [Int32: sigaction] = [:]
    /// The first signal received, kept so later calls keep reporting it.
    private(set) var received: Int32?

    /// Creates the pipe and installs the handlers. Call before `initscr`: ncurses then
    /// sees handlers already present and leaves SIGINT/SIGTERM to us.
    func install() throws(TerminalError) {
        guard readEnd < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .system("pipe", errno) }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        signalPipeWriteEnd = writeEnd
        previous = SignalHandlers.install(Self.watched, flags: SA_RESTART, handler: forwardSignal)
    }

    /// Puts the previous handlers back and closes the pipe.
    func uninstall() {
        guard readEnd >= 0 else { return }
        SignalHandlers.restore(previous)
        previous.removeAll()
        signalPipeWriteEnd = -1
        close(readEnd)
        close(writeEnd)
        readEnd = -1
        writeEnd = -1
    }

    /// Drains the pipe; the first signal ever received, or nil.
    func pending() -> Int32? {
        guard readEnd >= 0 else { return received }
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) == 1 {
            if received == nil { received = Int32(byte) }
        }
        return received
    }

    deinit { uninstall() }
}
