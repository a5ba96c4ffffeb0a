import CNcursesw
import RotorUI

/// Maps what `getmouse` reports to a `MouseEvent`: a pure function, like
/// `KeyDecoder`, so the button table is tested without a terminal.
enum MouseDecoder {
    /// The press in `event` (ncurses' 0-based cell), or nil for anything else
    /// (a release, a modifier-only report, a button past 5).
    static func decode(_ event: MEVENT) -> MouseEvent? {
        let buttons: [(Int32, MouseEvent.Button)] = [(1, .left), (2, .middle), (3, .right), (4, .wheelUp), (5, .wheelDown)]
        guard event.x >= 0, event.y >= 0,
              let button = buttons.first(where: { event.bstate & rotor_button_pressed($0.0) != 0 })?.1 else { return nil }
        return MouseEvent(button, x: Int(event.x), y: Int(event.y))
    }
}
