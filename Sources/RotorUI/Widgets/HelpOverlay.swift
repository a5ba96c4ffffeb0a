/// A titled list of entries for the help: a key or a term, and what it means.
public struct HelpSection: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var term: String
        public var text: String

        public init(_ term: String, _ text: String) {
            self.term = term
            self.text = text
        }
    }

    public var title: String
    public var entries: [Entry]
    /// Columns given to the terms: the text starts after them. A term that leaves no
    /// blank before the text takes a line of its own.
    public var termWidth: Int

    public init(title: String, entries: [Entry], termWidth: Int) {
        self.title = title
        self.entries = entries
        self.termWidth = termWidth
    }
}

/// The help screen: sections of entries wrapped to the width, in one to three
/// columns (as many as the screen holds at a readable width, and no more than the
/// text needs), scrolling when it still does not fit, and a footer row that never
/// scrolls away (how to close, quit and scroll, and `↓ 12 more` while there is
/// more). It clears the cells beneath it, like `Overlay`.
public struct HelpOverlay: Widget, Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// The first line shown when the text scrolls (kept within the layout's range).
    public var scroll: Int
    /// The footer's segments in priority order: when the row is short the later ones
    /// give way first, then the scroll hint (its `above` part first); the first
    /// segment stays, so it is the one that says how to close and quit.
    public var footer: [TextLine]

    /// Blank columns between text columns, and the narrowest and widest text column:
    /// below 50 the definitions wrap every few words, above 72 they are hard to read.
    public static let gap = 3
    public static let minimumColumn = 50
    public static let maximumColumn = 72
    public static let maximumColumns = 3
    /// Blank columns between the border and the text.
    public static let padding = 1

    public init(title: String, sections: [HelpSection], scroll: Int = 0, footer: [TextLine] = []) {
        self.title = title
        self.sections = sections
        self.scroll = scroll
        self.footer = footer
    }

    /// Where everything goes in an area: the frame, the wrapped lines and where each
    /// column starts.
    public struct Layout: Equatable, Sendable {
        public var frame: Rect
        public var columnWidth: Int
        /// Text rows in each column (the rows between the border and the footer).
        public var rows: Int
        public var lines: [TextLine]
        /// The largest useful `scroll`: 0 when everything is on screen.
        public var maxScroll: Int
        /// When everything fits: the first line of each column, split between sections
        /// where possible.
        var fittedStarts: [Int]
        public var columns: Int

        /// The first line of each column for a scroll position (clamped).
        public func starts(scroll: Int) -> [Int] {
            guard maxScroll > 0 else { return fittedStarts }
            let first = Self.clamp(scroll, maxScroll)
            return (0..<columns).map { first + $0 * rows }
        }

        /// Lines below the last one shown, and above the first.
        public func hidden(scroll: Int) -> (above: Int, below: Int) {
            guard maxScroll > 0 else { return (0, 0) }
            let first = Self.clamp(scroll, maxScroll)
            return (first, max(0, lines.count - first - columns * rows))
        }

        static func clamp(_ scroll: Int, _ maxScroll: Int) -> Int { min(max(0, scroll), maxScroll) }
    }

    public func layout(in area: Rect) -> Layout {
        let chrome = 2 + 2 * Self.padding
        let available = max(1, area.width - chrome)
        let rows = max(1, area.height - 3) // the border, and the footer row
        let most = max(1, min(Self.maximumColumns, (available + Self.gap) / (Self.minimumColumn + Self.gap)))
        var columns = 1, width = min(Self.maximumColumn, available), lines = self.lines(width: width)
        // The fewest columns that hold it all, else the most the screen takes.
        for c in 1...most {
            columns = c
            width = max(1, min(Self.maximumColumn, (available - (c - 1) * Self.gap) / c))
            lines = self.lines(width: width)
            if lines.count <= c * rows { break }
        }
        let maxScroll = max(0, lines.count - columns * rows)
        let starts = maxScroll > 0 ? [] : Self.split(lines, columns: columns, rows: rows, breaks: sectionStarts(lines))
        let used = maxScroll > 0 ? rows : Self.tallest(starts, lines)
        let contentWidth = columns > 1 ? columns * width + (columns - 1) * Self.gap
            : max(lines.map(\.width).max() ?? 0, min(available, footerWidth(hint: maxScroll > 0)))
        var frameWidth = max(contentWidth + chrome, DisplayWidth.of(title) + 4)
        // Even margins: a lone column of the panes beside the frame looks like a fault.
        if frameWidth < area.width, (area.width - frameWidth) % 2 == 1 { frameWidth += 1 }
        let frame = area.centered(width: frameWidth, height: used + 3)
        return Layout(frame: frame, columnWidth: width, rows: rows, lines: lines, maxScroll: maxScroll,
                      fittedStarts: starts, columns: columns)
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let layout = layout(in: area.intersection(canvas.area))
        let frame = layout.frame.intersection(canvas.area)
        guard frame.width >= 2, frame.height >= 2 else { return }
        canvas.fill(frame)
        let box = Box(title: title, isFocused: true, focusMarker: "")
        box.render(into: &canvas, area: frame)
        let inner = box.inner(of: frame).inset(left: Self.padding, right: Self.padding)
        guard !inner.isEmpty else { return }
        let text = inner.inset(bottom: 1)
        let starts = layout.starts(scroll: scroll)
        for (k, start) in starts.enumerated() {
            let end = layout.maxScroll > 0 ? start + layout.rows : (k + 1 < starts.count ? starts[k + 1] : layout.lines.count)
            let x = text.x + k * (layout.columnWidth + Self.gap)
            let column = Rect(x: x, y: text.y, width: min(layout.columnWidth, text.maxX - x), height: text.height)
            for (row, i) in (start..<min(end, layout.lines.count)).enumerated() where row < column.height {
                // Lines are wrapped to the column: only a column the screen cuts needs `…`.
                let line = column.width < layout.columnWidth ? layout.lines[i].truncated(to: column.width) : layout.lines[i]
                canvas.write(line, x: column.x, y: column.y + row, clip: column)
            }
        }
        let hidden = layout.hidden(scroll: scroll)
        drawFooter(into: &canvas, row: inner.row(inner.height - 1), above: hidden.above, below: hidden.below)
    }

    /// The footer's segments that fit, left; the scroll hint right.
    private func drawFooter(into canvas: inout Canvas, row: Rect, above: Int, below: Int) {
        let up = above > 0 ? [Span("↑ \(above) above", style: .role(.dim))] : []
        let down = below > 0 ? [Span("↓ \(below) more", style: Style.role(.title).bold())] : []
        var hints = [TextLine(up + (up.isEmpty || down.isEmpty ? [] : [Span("  ")]) + down)]
        if !up.isEmpty, !down.isEmpty { hints.append(TextLine(down)) }
        hints.append(TextLine([]))
        var segments = footer
        func width(_ hint: TextLine) -> Int { Self.joined(segments).width + (hint.width > 0 ? 2 + hint.width : 0) }
        while segments.count > 1, width(hints[0]) > row.width { segments.removeLast() }
        let hint = hints.first { width($0) <= row.width } ?? TextLine([])
        let left = Self.joined(segments)
        _ = canvas.write(left.truncated(to: max(0, row.width - (hint.width > 0 ? hint.width + 2 : 0))),
                         x: row.x, y: row.y, clip: row)
        if hint.width > 0 { _ = canvas.write(hint, x: row.maxX - hint.width, y: row.y, clip: row) }
    }

    /// The width the footer wants: every segment, and room for a scroll hint.
    private func footerWidth(hint: Bool) -> Int {
        Self.joined(footer).width + (hint ? 2 + DisplayWidth.of("↑ 999 above  ↓ 999 more") : 0)
    }

    private static func joined(_ segments: [TextLine]) -> TextLine {
        TextLine(segments.enumerated().flatMap { i, s in (i > 0 ? [Span("   ")] : []) + s.spans })
    }

    /// Every section as lines of `width` columns: a blank line between sections, the
    /// section's title, then its entries, each term followed by its text wrapped
    /// under itself.
    func lines(width: Int) -> [TextLine] {
        var out: [TextLine] = []
        for (n, section) in sections.enumerated() {
            if n > 0 { out.append(TextLine([])) } // the blank between sections: no spans
            out.append(TextLine(Truncation.clip(section.title, width: width), style: Style.role(.title).bold()))
            let termWidth = min(section.termWidth, width / 2)
            let indent = String(repeating: " ", count: termWidth)
            for entry in section.entries {
                let termColumns = DisplayWidth.of(entry.term)
                let ownLine = termColumns >= termWidth
                if ownLine { out.append(TextLine(Truncation.clip(entry.term, width: width), style: Style.plain.bold())) }
                for (i, text) in WordWrap.lines(entry.text, width: width - termWidth).enumerated() {
                    let lead = i == 0 && !ownLine ? entry.term + String(repeating: " ", count: termWidth - termColumns) : indent
                    out.append(TextLine([Span(lead, style: Style.plain.bold()), Span(text)]))
                }
            }
        }
        return out
    }

    /// The line index of each section's title after the first (where a column may
    /// start without splitting a section).
    private func sectionStarts(_ lines: [TextLine]) -> [Int] {
        lines.indices.filter { $0 > 0 && lines[$0 - 1].spans.isEmpty }
    }

    /// Where each column starts when all the lines fit in `columns` of `rows`: each
    /// column ends at the last section start that leaves the rest room in the columns
    /// after it, else when it is full.
    static func split(_ lines: [TextLine], columns: Int, rows: Int, breaks: [Int]) -> [Int] {
        var starts = [0]
        while starts.count < columns, let start = starts.last, start + rows < lines.count {
            let left = columns - starts.count
            let limit = start + rows
            let atBreak = breaks.last { $0 > start && $0 <= limit + 1 && lines.count - $0 <= left * rows }
            // A full column: the next one does not start with the blank between sections.
            starts.append(atBreak ?? (lines[limit].spans.isEmpty ? limit + 1 : limit))
        }
        return starts
    }

    /// The most rows any column takes (a blank line ending a column is not counted).
    private static func tallest(_ starts: [Int], _ lines: [TextLine]) -> Int {
        zip(starts, starts.dropFirst() + [lines.count]).map { start, end in
            end - start - (end > start && lines[end - 1].spans.isEmpty ? 1 : 0)
        }.max() ?? 0
    }
}
