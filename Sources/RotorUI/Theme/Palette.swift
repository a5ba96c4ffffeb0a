/// Maps every `StyleRole` to a concrete `Style`: the colour half of a theme.
///
/// Resolution happens when the canvas is output (escape sequences, ncurses colour
/// pairs), not when widgets draw, so switching theme needs no change in any widget and
/// golden tests can assert roles instead of colours.
public struct Palette: Hashable, Sendable {
    private var styles: [StyleRole: Style]
    /// The screen's background: what every cell without a background of its own gets
    /// (`.default` keeps the terminal's own).
    public var background: Color = .default

    /// Roles missing from `styles` fall back to the `standard` palette, as a theme file
    /// with missing keys does.
    public init(_ styles: [StyleRole: Style]) {
        var merged = Palette.standardStyles
        for (role, style) in styles { merged[role] = style }
        self.styles = merged
    }

    public subscript(role: StyleRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// The default theme: readable with the eight basic colours (and, degraded, with none).
    public static let standard = Palette(standardStyles: standardStyles)

    private init(standardStyles: [StyleRole: Style]) { styles = standardStyles }

    private static let standardStyles: [StyleRole: Style] = [
        .text: .plain,
        .dim: Style(attributes: .dim),
        .border: .plain,
        .focusBorder: Style(foreground: .cyan, attributes: .bold),
        .title: Style(attributes: .bold),
        .up: Style(foreground: .green),
        .down: Style(foreground: .red),
        .warn: Style(foreground: .yellow, attributes: .bold),
        .alert: Style(foreground: .red, attributes: [.bold, .reverse]),
        .series1: Style(foreground: .cyan),
        .series2: Style(foreground: .yellow),
        .series3: Style(foreground: .magenta),
        .series4: Style(foreground: .green),
        .series5: Style(foreground: .blue),
        .series6: Style(foreground: .red),
    ]

    /// A style with every role replaced by this palette's colours.
    ///
    /// A foreground role brings the role's whole style: its foreground, its attributes
    /// (added to the style's own) and its background unless the style sets one. A
    /// background role means "the role's foreground colour as the background", which is
    /// how a highlight in a role's colour is asked for. Roles inside the palette itself
    /// resolve to the default colour (a palette cannot refer to itself).
    public func resolve(_ style: Style) -> Style {
        var result = style
        if case .role(let role) = style.foreground {
            let base = self[role]
            result.foreground = concrete(base.foreground)
            result.attributes.formUnion(base.attributes)
            if style.background == .default { result.background = concrete(base.background) }
        }
        if case .role(let role) = style.background {
            result.background = concrete(self[role].foreground)
        }
        if result.background == .default { result.background = background }
        return result
    }

    private func concrete(_ color: Color) -> Color { color.isConcrete ? color : .default }
}
