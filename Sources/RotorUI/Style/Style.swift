/// How a cell is drawn: colours and attributes.
///
/// A style is a plain value so cells compare cheaply in the frame diff. Widgets build
/// styles from roles (`Style.role(.up)`), which keeps them independent of the theme.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's defaults: what a blank cell has.
    public static let plain = Style()

    /// Text in the palette's style for `role`.
    public static func role(_ role: StyleRole) -> Style { Style(foreground: .role(role)) }

    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    public func bold() -> Style { adding(.bold) }
    public func dim() -> Style { adding(.dim) }
    public func reversed() -> Style { adding(.reverse) }
    public func underlined() -> Style { adding(.underline) }

    public func withBackground(_ color: Color) -> Style {
        var copy = self
        copy.background = color
        return copy
    }
}
