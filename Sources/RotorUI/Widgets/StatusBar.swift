/// The bottom row: segments on the left (mode, date, focus, the alert strip, feed
/// health) and on the right (hints), each given room by its rank, so what matters
/// most is what stays on a narrow terminal.
///
/// A segment is one or more stages, each a rank and the widest text that fits a
/// number of columns. The bar takes the stages of all segments in rank order (lowest
/// first) and gives each the widest text that still fits beside everything already
/// placed: the alert strip can take its count early and its full words late, so a
/// narrow bar keeps the count and the focus and shortens the flags. Segments that
/// get no room are left out whole; only when not even the first fits is it cut
/// with `…`. Placed segments keep their order on their side.
public struct StatusBar: Widget, Sendable {
    public enum Side: Sendable { case left, right }

    public struct Segment: Sendable {
        public struct Stage: Sendable {
            public var rank: Int
            /// The widest text for at most this many columns, or nil.
            public var fit: @Sendable (Int) -> TextLine?

            public init(rank: Int, fit: @escaping @Sendable (Int) -> TextLine?) {
                self.rank = rank
                self.fit = fit
            }
        }

        public var stages: [Stage]
        public var side: Side

        public init(stages: [Stage], side: Side = .left) {
            self.stages = stages
            self.side = side
        }

        /// Fixed text at one rank.
        public init(_ span: Span, rank: Int, side: Side = .left) {
            self.init(TextLine([span]), rank: rank, side: side)
        }

        public init(_ line: TextLine, rank: Int, side: Side = .left) {
            self.init(forms: [line], rank: rank, side: side)
        }

        /// The first of `forms` (widest preferred first) that fits.
        public init(forms: [TextLine], rank: Int, side: Side = .left) {
            self.init(stages: [Stage(rank: rank) { room in forms.first { $0.width <= room } }], side: side)
        }
    }

    public var segments: [Segment]
    /// The whole row's style, also the base of every span: a span's own colours win,
    /// its attributes add to the row's.
    public var style: Style
    /// Blank columns between neighbouring segments.
    public var spacing: Int
    /// Blank columns at each end of the row.
    public var margin: Int

    public init(segments: [Segment], style: Style = .plain, spacing: Int = 2, margin: Int = 1) {
        self.segments = segments
        self.style = style
        self.spacing = spacing
        self.margin = margin
    }

    /// Spans on the left ranked in order (the first kept longest), then the right
    /// ones, which give way first.
    public init(left: [Span], right: [Span] = [], style: Style = .plain, spacing: Int = 2, margin: Int = 1) {
        let ranked = left.enumerated().map { Segment($1, rank: $0) }
            + right.enumerated().map { Segment($1, rank: left.count + $0, side: .right) }
        self.init(segments: ranked, style: style, spacing: spacing, margin: margin)
    }

    /// The text each segment gets in `width` columns (nil: left out).
    public func placed(width: Int) -> [TextLine?] {
        var chosen = [TextLine?](repeating: nil, count: segments.count)
        let gap = max(0, spacing)
        // Columns in use: the shown segments and a gap between neighbours on a side,
        // with at least one gap between the two sides.
        func used(_ lines: [TextLine?]) -> Int {
            var total = 0
            for side in [Side.left, .right] {
                let widths = segments.indices.filter { segments[$0].side == side }.compactMap { lines[$0]?.width }
                total += widths.reduce(0, +) + gap * max(0, widths.count - 1)
            }
            let sides = Set(segments.indices.filter { lines[$0] != nil }.map { segments[$0].side })
            return total + (sides.count == 2 ? max(1, gap) : 0)
        }
        let stages = segments.indices.flatMap { i in segments[i].stages.map { (segment: i, stage: $0) } }
            .enumerated().sorted { ($0.element.stage.rank, $0.offset) < ($1.element.stage.rank, $1.offset) }.map(\.element)
        for (i, stage) in stages {
            var alone = chosen
            alone[i] = TextLine([])
            // The room this segment may take: what is left with it shown empty.
            let room = width - used(alone)
            guard room >= 0, let line = stage.fit(room), line.width <= room else { continue }
            if let current = chosen[i], current.width >= line.width { continue }
            chosen[i] = line
        }
        // The first-ranked segment too wide for the bar: it alone, cut.
        if let first = stages.first, chosen[first.segment] == nil, let line = first.stage.fit(Int.max) {
            chosen = [TextLine?](repeating: nil, count: segments.count)
            chosen[first.segment] = line.truncated(to: width)
        }
        return chosen
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let row = area.intersection(canvas.area).row(0)
        guard !row.isEmpty else { return }
        canvas.fill(row, style: style)
        let inner = row.inset(left: margin, right: margin)
        guard inner.width > 0 else { return }
        let chosen = placed(width: inner.width)
        func joined(_ side: Side) -> TextLine {
            TextLine(segments.indices.filter { segments[$0].side == side }.compactMap { chosen[$0] }, spacing: spacing,
                     style: style)
        }
        let rightLine = joined(.right)
        if rightLine.width > 0 { canvas.write(rightLine, x: inner.maxX - rightLine.width, y: row.y, clip: inner) }
        canvas.write(joined(.left), x: inner.x, y: row.y, clip: inner)
    }
}

extension TextLine {
    /// Lines joined with `spacing` blanks, each span styled over `style` (its own
    /// colours win, its attributes add).
    fileprivate init(_ lines: [TextLine], spacing: Int, style: Style) {
        var result: [Span] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { result.append(Span(String(repeating: " ", count: max(0, spacing)), style: style)) }
            for span in line.spans {
                var styled = span
                if styled.style.foreground == .default { styled.style.foreground = style.foreground }
                if styled.style.background == .default { styled.style.background = style.background }
                styled.style.attributes.formUnion(style.attributes)
                result.append(styled)
            }
        }
        self.init(result)
    }
}
