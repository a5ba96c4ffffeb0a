import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What the handler needs, prepared before it is installed: a handler may only use
// memory that already exists and calls that are async-signal-safe.
nonisolated(unsafe) private var restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: FatalSignals.byteCapacity)
nonisolated(unsafe) private var restoreCount = 0
nonisolated(unsafe) private var savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private var hasSavedTermios = false

/// The handler: put the terminal back (the escape sequences that leave the alternate
/// screen, show the cursor, reset attributes, leave keypad mode and stop mouse
/// reporting, then the saved line discipline), then die of the same signal with its
/// default action, so the exit status and any core dump are what they would have
/// been. Only write(2), tcsetattr(3), signal(2) and raise(3): all async-signal-safe.
private func restoreTerminalAndDie(_ number: Int32) {
    _ = write(STDOUT_FILENO, restoreBytes, restoreCount)
    if hasSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, savedTermios) }
    signal(number, SIG_DFL)
    raise(number) // blocked while this handler runs; delivered as it returns
}

/// Restores the terminal when the process dies of a fatal signal while the screen is
/// up: a crash (SIGSEGV, SIGBUS, SIGILL; Swift's traps are SIGILL on x86-64 and SIGTRAP
/// on arm64; SIGFPE) or an abort (SIGABRT, `kill -ABRT`). Without it the shell is left
/// in the alternate screen with no echo and no cursor. SIGQUIT (Ctrl-\) is not here:
/// the dashboard treats it as a request to quit (see `SignalPipe`).
final class FatalSignals {
    static let watched: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    static let byteCapacity = 256
    private var previous: [Int32: sigaction] = [:]
    private var alternateStack: UnsafeMutableRawPointer?

    /// The line discipline to restore: call before curses changes it.
    func saveTerminalMode() {
        hasSavedTermios = tcgetattr(STDIN_FILENO, savedTermios) == 0
    }

    /// Installs the handlers; call once curses is up, so the terminfo strings that
    /// undo its setup can be looked up.
    func install() {
        guard previous.isEmpty else { return }
        var bytes: [UInt8] = []
        // Each from terminfo, else the xterm sequence most terminals understand.
        for (name, fallback) in [("rmcup", "\u{1B}[?1049l"), ("cnorm", "\u{1B}[?25h"), ("sgr0", "\u{1B}[0m"),
                                 ("rmkx", "\u{1B}[?1l\u{1B}>")] {
            bytes += Self.terminfoString(name) ?? Array(fallback.utf8)
        }
        // Mouse reporting off (xterm's normal and SGR modes): left on, every click in
        // the shell afterwards would print escape sequences.
        bytes += Array("\u{1B}[?1000l\u{1B}[?1006l".utf8)
        bytes += Array("\r\n".utf8)
        restoreCount = min(bytes.count, Self.byteCapacity)
        for i in 0..<restoreCount { restoreBytes[i] = bytes[i] }
        installAlternateStack()
        // On the alternate stack: a stack overflow leaves no room on the thread's own.
        previous = SignalHandlers.install(Self.watched, flags: Int32(SA_ONSTACK), handler: restoreTerminalAndDie)
    }

    /// Puts the previous handlers back (the terminal is being restored normally).
    func uninstall() {
        SignalHandlers.restore(previous)
        previous.removeAll()
    }

    /// A stack for the handler, so a stack overflow's SIGSEGV on the main thread can
    /// still run it. Kept for the life of the process (if the runtime has installed
    /// one already, that one is used).
    private func installAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0, alternateStack == nil else { return }
        let size = 64 * 1024
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 { alternateStack = memory } else { memory.deallocate() }
    }

    /// A terminfo string capability of the current terminal, if it has one.
    private static func terminfoString(_ name: String) -> [UInt8]? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return Array(String(cString: value).utf8)
    }
}
