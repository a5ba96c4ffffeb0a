/// Why the screen could not be set up. Thrown before curses mode is entered (or after
/// it was left again), so the caller may print it.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A system call failed: its name and errno.
    case system(String, Int32)
    /// stdin or stdout is not a terminal, so there is no screen to draw on.
    case notATerminal
    /// `initscr` could not set up the terminal (unknown TERM, for one).
    case initFailed
    /// TERM is unset, unknown to terminfo, or names a terminal that cannot address
    /// the cursor (`dumb`): found before the screen is touched.
    case unusableTerm(String?, known: Bool)

    public var description: String {
        switch self {
        case let .system(call, code): "\(call) failed (errno \(code))"
        case .notATerminal: "rotor needs a terminal: stdin and stdout must be a tty (use `rotor snapshot` otherwise)"
        case .initFailed: "could not initialise the terminal (is TERM set to a known terminal?)"
        case let .unusableTerm(term, known):
            (term.map { "TERM=\($0)" + (known ? "" : " is not a terminal ncurses knows and") } ?? "TERM is not set:")
                + " cannot draw the dashboard; use a terminal such as xterm-256color, or 'rotor snapshot'"
        }
    }
}
