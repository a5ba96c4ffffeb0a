public import RotorUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole screen as the app sees it: start, draw canvases, wait for events, stop.
///
/// ```swift
/// let code = Terminal.run { terminal in
///     var canvas = view(state, size: terminal.size)
///     terminal.draw(canvas, palette: palette)
///     loop: while true {
///         switch terminal.nextEvent(timeoutMilliseconds: 1000) {
///         case .key(let key): ...
///         case .resize: ...
///         case .timeout: ...
///         case .quit: break loop
///         }
///     }
/// }
/// ```
///
/// Nothing here prints while the screen is up; errors are thrown, and `run` restores
/// the terminal before they reach the caller, who may then print them.
public final class Terminal {
    private let session = TerminalSession()
    private var writer: ScreenWriter?
    private var reader: KeyReader?

    public init() {}

    /// The colour depth in use (after `start`): the environment's wish capped by the
    /// terminal's abilities; `.none` under NO_COLOR or without colour support.
    public private(set) var colorDepth: ColorDepth = .none

    /// Enters curses mode. Throws, with the terminal untouched, if stdin/stdout are not
    /// a terminal or TERM is unknown.
    public func start(environment: [String: String] = Terminal.processEnvironment()) throws(TerminalError) {
        guard !session.isActive else { return }
        try Self.checkTerm(environment: environment)
        try session.start()
        colorDepth = TerminalColorDepth.detect(environment: environment)
        writer = ScreenWriter(colors: ColorPairs(depth: colorDepth))
        reader = KeyReader(signals: session.signals)
    }

    /// Restores the terminal; safe to call more than once and after a signal.
    public func stop() {
        session.stop()
        writer = nil
        reader = nil
    }

    /// Refuses a TERM that cannot draw the dashboard (unset, empty, unknown to
    /// terminfo, or without cursor addressing such as `dumb`), reading terminfo only:
    /// the screen is not touched. `start` calls it; a command may call it earlier,
    /// before doing work the screen would need.
    public static func checkTerm(environment: [String: String] = Terminal.processEnvironment()) throws(TerminalError) {
        guard let term = environment["TERM"], !term.isEmpty else { throw .unusableTerm(nil, known: false) }
        switch rotor_terminfo_can_draw(term, STDOUT_FILENO) {
        case 1: return
        case 0: throw .unusableTerm(term, known: true)
        default: throw .unusableTerm(term, known: false)
        }
    }

    /// True when frames are drawn in ASCII (`Canvas.asciiOnly`), because the
    /// locale's character set is not UTF-8 (after `start`).
    public var isASCII: Bool { !session.isUTF8 }

    /// Rows and columns as ncurses last saw them: the size to render the next canvas at.
    public var size: (rows: Int, columns: Int) { session.size }

    /// Shows `canvas`, writing only the cells that changed since the last call (a full
    /// repaint after a size or palette change). Returns the number of cells written.
    @discardableResult
    public func draw(_ canvas: Canvas, palette: Palette = .standard) -> Int {
        writer?.draw(isASCII ? canvas.asciiOnly() : canvas, palette: palette) ?? 0
    }

    /// Turns mouse reporting on (button presses and the wheel come as `.mouse`
    /// events; the terminal's own selection then needs Shift held in most
    /// terminals) or off (the default). ncurses turns it off while suspended and
    /// when the screen stops. Call after `start`.
    public func setMouse(_ on: Bool) {
        guard session.isActive else { return }
        if on {
            // No click resolution in ncurses: it would hold every press back by the
            // interval to see whether a second follows; `update` tells double clicks.
            _ = mouseinterval(0)
            _ = mousemask(rotor_mouse_presses(), nil)
        } else {
            _ = mousemask(0, nil)
        }
    }

    /// Rings the terminal's bell (ncurses `beep`: the audible bell, or a flash of the
    /// screen where there is none). tmux turns it into the window's bell flag
    /// (`monitor-bell`), a terminal into a sound or an urgent window. Call after `start`.
    public func bell() {
        guard session.isActive else { return }
        _ = beep()
    }

    /// Sleeps until a key, a mouse press, a resize, a quit signal or the timeout (< 0: no timeout).
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        guard let reader else { return .quit(signal: quitSignal ?? SIGHUP) }
        return reader.next(timeoutMilliseconds: timeoutMilliseconds) { session.size }
    }

    /// The quit signal received (SIGINT, SIGQUIT, SIGTERM or SIGHUP), if any.
    private var quitSignal: Int32? { session.signals.pending() }

    /// Runs `body` in curses mode and restores the terminal on every way out: normal
    /// return, a thrown error (restored before the caller sees it, so it can print the
    /// message on a clean terminal) and a quit signal the body returned for.
    public static func run<Result>(
        environment: [String: String] = Terminal.processEnvironment(),
        _ body: (Terminal) throws -> Result
    ) throws -> Result {
        let terminal = Terminal()
        try terminal.start(environment: environment)
        defer { terminal.stop() }
        return try body(terminal)
    }

    /// The process environment as a dictionary (RotorUI's detection takes a value).
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
