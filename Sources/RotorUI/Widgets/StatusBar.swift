/// The bottom row: mode, clock, feed health on the left; hints and messages on the
/// right. When the row is too narrow the right side gives way first (it is clipped,
/// then dropped), so the live state on the left stays readable longest.
public struct StatusBar: Widget, Sendable {
    public var left: [Span]
    public var right: [Span]
    /// The whole row's style, also the base of every span: a span's own colours win,
    /// its attributes add to the row's.
    public var style: Style
    /// Blank columns between neighbouring segments.
    public var spacing: Int
    /// Blank columns at each end of the row.
    public var margin: Int

    public init(left: [Span], right: [Span] = [], style: Style = .plain, spacing: Int = 2, margin: Int = 1) {
        self.left = left
        self.right = right
        self.style = style
        self.spacing = spacing
        self.margin = margin
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let row = area.intersection(canvas.area).row(0)
        guard !row.isEmpty else { return }
        canvas.fill(row, style: style)
        let inner = row.inset(left: margin, right: margin)
        let leftLine = joined(left), rightLine = joined(right)
        let gap = max(1, spacing)
        let rightRoom = inner.width - leftLine.width - gap
        if rightLine.width > 0, rightRoom >= 2 || rightRoom >= rightLine.width {
            let shown = rightLine.truncated(to: rightRoom)
            canvas.write(shown, x: inner.maxX - shown.width, y: row.y, clip: inner)
        }
        canvas.write(leftLine.truncated(to: inner.width), x: inner.x, y: row.y, clip: inner)
    }

    /// The segments with `spacing` blanks between them, each styled over the row's style.
    private func joined(_ spans: [Span]) -> TextLine {
        var result: [Span] = []
        for (i, span) in spans.enumerated() {
            if i > 0 { result.append(Span(String(repeating: " ", count: max(0, spacing)), style: style)) }
            var styled = span
            if styled.style.foreground == .default { styled.style.foreground = style.foreground }
            if styled.style.background == .default { styled.style.background = style.background }
            styled.style.attributes.formUnion(style.attributes)
            result.append(styled)
        }
        return TextLine(result)
    }
}
