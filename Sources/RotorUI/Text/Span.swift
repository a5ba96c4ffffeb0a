/// A run of text in one style: a status bar segment, a word of emphasis in a help line.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// Columns the text occupies on screen.
    public var width: Int { DisplayWidth.of(text) }
}
