/// Columns of text under a header: the Mag7 names, the vol premium grid.
///
/// Widths are settled before drawing: fixed columns get their width, `fit` columns
/// the widest of their header and cells, `fill` columns share what is left. When the
/// area is too narrow the widest flexible columns give up columns first, then columns
/// on the right are cut at the edge; any text that does not fit its column ends in `…`.
/// Rows that do not fit the area are never dropped silently: the last row the area
/// has says how many more there are (`+3 more`), after its cells when the columns
/// leave room there.
public struct Table: Widget, Sendable {
    public enum ColumnWidth: Hashable, Sendable {
        case fixed(Int)
        /// As wide as the widest of header and cells.
        case fit
        /// At least `fit`, plus a share of the spare width.
        case fill
    }

    public struct Column: Hashable, Sendable {
        public var header: String
        public var width: ColumnWidth
        public var alignment: Alignment
        /// A `fit` or `fill` column is at least this wide (the widest text its cells
        /// take on any date), so the columns stand still while the numbers change.
        public var minimumWidth: Int

        public init(_ header: String, width: ColumnWidth = .fit, alignment: Alignment = .automatic,
                    minimumWidth: Int = 0) {
            self.header = header
            self.width = width
            self.alignment = alignment
            self.minimumWidth = minimumWidth
        }
    }

    /// One cell's text and, optionally, its own style (a red change, a flag).
    public struct Entry: Hashable, Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var style: Style?

        public init(_ text: String, style: Style? = nil) {
            self.text = text
            self.style = style
        }

        public init(stringLiteral text: String) { self.init(text) }
    }

    public var columns: [Column]
    public var rows: [[Entry]]
    public var headerStyle: Style
    public var textStyle: Style
    public var spacing: Int
    public var showsHeader: Bool

    public init(columns: [Column], rows: [[Entry]], headerStyle: Style = .role(.title),
                textStyle: Style = .role(.text), spacing: Int = 1, showsHeader: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.headerStyle = headerStyle
        self.textStyle = textStyle
        self.spacing = spacing
        self.showsHeader = showsHeader
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let area = area.intersection(canvas.area)
        guard !area.isEmpty, !columns.isEmpty else { return }
        let widths = columnWidths(total: area.width)
        let headerAlignments = columns.indices.map(headerAlignment)
        var y = area.y
        if showsHeader {
            drawRow(columns.map { Entry($0.header, style: headerStyle) }, alignments: headerAlignments,
                    widths: widths, y: y, area: area, into: &canvas)
            y += 1
        }
        let room = area.maxY - y
        guard room > 0 else { return }
        // Short of rows, the last row says how many are not shown: to the right of
        // the row when there is room for it there, instead of the row otherwise.
        let hidden = max(0, rows.count - room)
        let tableWidth = widths.reduce(0, +) + max(0, spacing) * (widths.count - 1)
        let beside = hidden > 0 && tableWidth + 3 + DisplayWidth.of(Self.moreRows(hidden)) <= area.width
        let shown = hidden == 0 || beside ? min(rows.count, room) : room - 1
        for row in rows.prefix(shown) {
            let alignments = columns.indices.map { i in
                columns[i].alignment.resolved(for: i < row.count ? row[i].text : "")
            }
            drawRow(row, alignments: alignments, widths: widths, y: y, area: area, into: &canvas)
            y += 1
        }
        if shown < rows.count {
            let note = Self.moreRows(rows.count - shown)
            let x = beside ? area.x + tableWidth + 3 : area.x
            canvas.write(note, x: x, y: beside ? y - 1 : y, style: .role(.dim), clip: area)
        }
    }

    /// The last row of a table short of rows: how many rows it does not show.
    public static func moreRows(_ count: Int) -> String { "+\(count) more" }

    private func drawRow(_ entries: [Entry], alignments: [Alignment], widths: [Int], y: Int, area: Rect,
                         into canvas: inout Canvas) {
        var x = area.x
        for (i, width) in widths.enumerated() {
            guard x < area.maxX else { return }
            let visible = min(width, area.maxX - x)
            if visible > 0, i < entries.count {
                let text = Truncation.fit(entries[i].text, width: visible, alignment: alignments[i])
                canvas.write(text, x: x, y: y, style: entries[i].style ?? textStyle, clip: area)
            }
            x += width + max(0, spacing)
        }
    }

    /// A header lines up with its cells: right when the column's cells are numbers.
    private func headerAlignment(_ column: Int) -> Alignment {
        switch columns[column].alignment {
        case .left, .right:
            return columns[column].alignment
        case .automatic:
            let texts = rows.compactMap { column < $0.count ? $0[column].text : nil }.filter { !$0.isEmpty }
            return !texts.isEmpty && texts.allSatisfy(NumberLabel.looksNumeric) ? .right : .left
        }
    }

    /// The width of each column in an area `total` columns wide (see the type's doc).
    public func columnWidths(total: Int) -> [Int] {
        let natural = columns.indices.map { i in
            rows.reduce(max(columns[i].minimumWidth, DisplayWidth.of(columns[i].header))) { widest, row in
                i < row.count ? max(widest, DisplayWidth.of(row[i].text)) : widest
            }
        }
        var widths = columns.indices.map { i -> Int in
            if case .fixed(let n) = columns[i].width { return max(0, n) }
            return natural[i]
        }
        let available = total - max(0, spacing) * (columns.count - 1)
        let flexible = columns.indices.filter { !isFixed($0) }
        var excess = widths.reduce(0, +) - available
        while excess > 0 {
            guard let widest = flexible.filter({ widths[$0] > 1 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        let fills = columns.indices.filter { columns[$0].width == .fill }
        if excess < 0, !fills.isEmpty {
            let spare = -excess
            for (n, i) in fills.enumerated() {
                widths[i] += spare / fills.count + (n < spare % fills.count ? 1 : 0)
            }
        }
        return widths
    }

    /// The width the table takes when nothing has to shrink.
    public var naturalWidth: Int {
        columnWidths(total: Int.max / 2).reduce(0, +) + max(0, spacing) * max(0, columns.count - 1)
    }

    private func isFixed(_ column: Int) -> Bool {
        if case .fixed = columns[column].width { return true }
        return false
    }
}

extension Table {
    /// A column with its cells and how much it matters: when the columns are wider
    /// than the area, the least important go first (ties: the rightmost), and those
    /// left keep their order.
    public struct RankedColumn: Sendable {
        public var column: Column
        public var cells: [Entry]
        /// Lower is kept longer; 0 is never dropped.
        public var priority: Int
        /// The width of the widest text the cells can take on any date (for a number,
        /// the widest its format writes over the data): the column is kept or dropped
        /// by this, not by today's cells, so a table of one width has the same columns
        /// on every date.
        public var widest: Int

        public init(_ column: Column, _ cells: [Entry], priority: Int, widest: Int = 0) {
            self.column = column
            self.cells = cells
            self.priority = priority
            self.widest = widest
        }

        /// The width the column takes: the widest of its header, its widest text and
        /// its cells.
        var width: Int {
            cells.reduce(max(widest, DisplayWidth.of(column.header))) { max($0, DisplayWidth.of($1.text)) }
        }
    }

    /// The table of as many of `columns` as fit `width` at their widths (see
    /// `RankedColumn.width`); each kept column is at least its widest text wide.
    public static func fitted(_ columns: [RankedColumn], width: Int, headerStyle: Style = .role(.dim),
                              spacing: Int = 1) -> Table {
        var kept = columns
        func total(_ cs: [RankedColumn]) -> Int { cs.reduce(0) { $0 + $1.width } + spacing * max(0, cs.count - 1) }
        while total(kept) > width,
              let drop = kept.indices.filter({ kept[$0].priority > 0 })
                  .max(by: { (kept[$0].priority, $0) < (kept[$1].priority, $1) }) {
            kept.remove(at: drop)
        }
        let rowCount = kept.map(\.cells.count).max() ?? 0
        let rows = (0..<rowCount).map { i in kept.map { i < $0.cells.count ? $0.cells[i] : Entry("") } }
        let shown = kept.map { c in
            var column = c.column
            column.minimumWidth = max(column.minimumWidth, c.widest)
            return column
        }
        return Table(columns: shown, rows: rows, headerStyle: headerStyle, spacing: spacing)
    }
}
