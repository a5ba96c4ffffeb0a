public import RotorUI

/// What the terminal reports to the app loop: one value per wake-up, so the loop is a
/// plain `switch` and never has to ask ncurses anything itself.
public enum TerminalEvent: Hashable, Sendable {
    /// A decoded key press.
    case key(Key)
    /// A mouse button press or wheel notch (only while `Terminal.setMouse(true)`).
    case mouse(MouseEvent)
    /// The window changed size (ncurses saw SIGWINCH and has already resized its
    /// screen); the next `draw` repaints everything at the new size.
    case resize(rows: Int, columns: Int)
    /// Nothing happened within the timeout: time for a tick.
    case timeout
    /// SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTERM or SIGHUP arrived: the app should leave its loop so
    /// the terminal is restored (`Terminal.stop`) before the process exits.
    case quit(signal: Int32)
}
