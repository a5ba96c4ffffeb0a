import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns curses mode: entering it and, on every way out, leaving it so the user's
/// terminal is usable again.
///
/// The locale is set before the screen is created, or ncurses treats UTF-8 bytes as
/// Latin-1 and braille and box drawing come out as garbage. `newterm` is used rather
/// than `initscr` because `initscr` prints to the screen and exits the process when
/// TERM is unknown; `newterm` returns nil and we throw instead.
final class TerminalSession {
    private(set) var isActive = false
    private var screen: OpaquePointer?
    private var output: UnsafeMutablePointer<FILE>?
    private var input: UnsafeMutablePointer<FILE>?
    let signals = SignalPipe()
    private let fatalSignals = FatalSignals()
    /// False when the locale's character set is not UTF-8 (`LANG=C`): ncurses cannot
    /// show box drawing or braille then, so frames are drawn in ASCII.
    private(set) var isUTF8 = true

    /// Enters curses mode: keys without line buffering or echo (cbreak keeps Ctrl-C and
    /// Ctrl-Z as signals, which we and ncurses handle), keypad decoding, hidden cursor,
    /// colours over the terminal's own default background, a short Esc delay.
    func start() throws(TerminalError) {
        guard !isActive else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        // Before the screen exists, so ncurses finds our SIGINT/SIGTERM handlers and
        // does not install its own (which would exit from inside the handler).
        try signals.install()
        // ncurses installs its SIGWINCH handler (and so reports KEY_RESIZE) only when
        // the signal is at its default. A parent may have left it ignored or blocked
        // (test runners, some process supervisors); both are inherited across exec.
        signal(SIGWINCH, SIG_DFL)
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        setlocale(LC_ALL, "")
        isUTF8 = Self.localeIsUTF8()
        fatalSignals.saveTerminalMode()
        // Streams over fds 1 and 0 of our own: Swift 6 rejects touching the C globals
        // `stdout`/`stdin`. Never closed, as that would close the fds.
        if output == nil { output = fdopen(STDOUT_FILENO, "w") }
        if input == nil { input = fdopen(STDIN_FILENO, "r") }
        guard let output, let input, let made = newterm(nil, output, input) else {
            signals.uninstall()
            throw .initFailed
        }
        screen = made
        _ = set_term(made)
        cbreak()
        noecho()
        nonl()
        keypad(rotor_stdscr(), true)
        // Esc is a key of its own (leave zoom); the default one-second wait to see
        // whether it starts an escape sequence would make it feel broken.
        _ = set_escdelay(25)
        _ = curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        fatalSignals.install()
        isActive = true
    }

    /// Whether the character set of the locale in force (after `setlocale`) is UTF-8.
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// Leaves curses mode and removes the signal handlers; safe to call more than once.
    func stop() {
        guard isActive else { return }
        isActive = false
        fatalSignals.uninstall()
        _ = curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        signals.uninstall()
    }

    /// The screen size as ncurses last saw it (updated on KEY_RESIZE).
    var size: (rows: Int, columns: Int) {
        guard isActive else { return (0, 0) }
        var rows: Int32 = 0, columns: Int32 = 0
        rotor_getmaxyx(rotor_stdscr(), &rows, &columns)
        return (Int(rows), Int(columns))
    }

    deinit { stop() }
}
