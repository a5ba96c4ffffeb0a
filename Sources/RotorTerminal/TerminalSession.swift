public import CNcursesw

/// Owns the ncurses screen: entering curses mode and, on every way out, leaving it
/// so the user's terminal is usable again.
///
/// The locale is set before `initscr`, or ncurses treats UTF-8 bytes as Latin-1 and
/// braille and box drawing come out as garbage.
public final class TerminalSession {
    public private(set) var isActive = false

    public init() {}

    /// Enters curses mode: raw keys without echo, keypad decoding, hidden cursor,
    /// colours over the terminal's own default background.
    public func start() {
        guard !isActive else { return }
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(rotor_stdscr(), true)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        isActive = true
    }

    /// Leaves curses mode; safe to call more than once.
    public func stop() {
        guard isActive else { return }
        curs_set(1)
        endwin()
        isActive = false
    }

    /// The screen size as ncurses last saw it.
    public var size: (rows: Int, columns: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        rotor_getmaxyx(rotor_stdscr(), &rows, &columns)
        return (Int(rows), Int(columns))
    }

    deinit { stop() }
}
