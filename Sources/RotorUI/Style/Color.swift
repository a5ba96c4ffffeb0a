/// A foreground or background colour as a widget asks for it.
///
/// Widgets mostly ask for a semantic `role` so that a theme (a `Palette`) decides the
/// actual colour; concrete colours exist for themes themselves and for the rare widget
/// that must be exact. Concrete colours are degraded to what the terminal can show
/// (`ColorDepth`) only when the canvas is turned into escape sequences.
public enum Color: Hashable, Sendable {
    /// The terminal's own default (foreground or background).
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
    /// Whatever the palette gives `StyleRole`; see `Palette.resolve(_:)` for the rules.
    case role(StyleRole)

    /// The eight basic colours in SGR order (30 + index).
    public static let basic: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// The SGR index 0...7 of a basic colour, nil for any other case.
    public var basicIndex: Int? {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        default: nil
        }
    }

    /// True unless the colour still needs a palette to mean anything.
    public var isConcrete: Bool {
        if case .role = self { return false }
        return true
    }
}
