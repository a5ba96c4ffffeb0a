/// A key press, decoded from the terminal by the backend and turned into an action
/// by the app (the key table is the config's; defaults in DESIGN.md).
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (`q`, `1`, `[`, `?`, space is `.character(" ")`).
    case character(Character)
    case enter, escape, tab, backTab, backspace
    case up, down, left, right
    /// Shift plus an arrow (the date cursor's 20-session step).
    case shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter, lower-cased (`.control("c")` for Ctrl-C).
    case control(Character)

    public var description: String {
        switch self {
        case let .character(c): c == " " ? "space" : String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .shiftLeft: "Shift-Left"
        case .shiftRight: "Shift-Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case let .function(n): "F\(n)"
        case let .control(c): "Ctrl-\(String(c).uppercased())"
        }
    }
}
