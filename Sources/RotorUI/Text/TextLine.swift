/// One line of styled spans, written left to right.
public struct TextLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    public init(_ text: String, style: Style = .plain) { spans = [Span(text, style: style)] }

    public init(stringLiteral text: String) { self.init(text) }

    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The line cut to `width` columns, ending in `…` when anything was cut.
    public func truncated(to width: Int) -> TextLine {
        guard self.width > width else { return self }
        guard width > 0 else { return TextLine([]) }
        var kept: [Span] = []
        var room = width - 1
        for span in spans {
            if span.width <= room {
                kept.append(span)
                room -= span.width
                continue
            }
            let head = Truncation.prefix(span.text, width: room)
            kept.append(Span(head + "…", style: span.style))
            return TextLine(kept)
        }
        return TextLine(kept)
    }
}
