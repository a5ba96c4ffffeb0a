public import RotorCore

/// A braille line chart of one or more series over a shared date axis, with the
/// labels a glance needs: 3 to 6 round values and the last value on the value axis,
/// the reference line's value where it is drawn, 3 to 6 dates under the plot (more
/// as the chart grows), and a mark under each date where one of its pane's flags
/// was raised.
///
/// Values are indexed by position: value `i` of every line belongs to `dates[i]`
/// (`Line(series:axis:style:)` aligns a `Series` that way). A nil or non-finite value
/// is a gap: the line breaks there. In a small area the labels go first (values need
/// `minimumPlotWidth` columns of plot beside them, dates need four rows), then the
/// plot shrinks to what is left; nothing is drawn in an empty area or without data.
public struct LineChart: Widget, Sendable {
    /// One plotted line.
    public struct Line: Sendable {
        public var values: [Double?]
        public var style: Style
        /// Whether its last value is written on the value axis at its row, in its
        /// style (a band's edge: the level the main line must reach now). The first
        /// line's always is.
        public var labelsLast: Bool

        public init(_ values: [Double?], style: Style, labelsLast: Bool = false) {
            self.values = values
            self.style = style
            self.labelsLast = labelsLast
        }

        public init(_ values: [Double], style: Style) {
            self.init(values.map { Optional($0) }, style: style)
        }

        /// `series` aligned to `axis`: a value for each axis date the series has,
        /// gaps for the rest.
        public init(series: Series, axis: [Day], style: Style, labelsLast: Bool = false) {
            self.init(axis.map { series.value(on: $0) }, style: style, labelsLast: labelsLast)
        }
    }

    /// A mark under the plot at position `index` of the axis (a date a flag was
    /// raised), in the flag's style; of marks in one cell the last drawn shows.
    public struct DateMark: Sendable, Equatable {
        public var index: Int
        public var style: Style

        public init(index: Int, style: Style) {
            self.index = index
            self.style = style
        }
    }

    /// A labelled horizontal line.
    public struct Level: Sendable, Equatable {
        public var value: Double
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Which side of the plot the value labels go.
    public enum LabelSide: Sendable {
        case left, right
    }

    public var lines: [Line]
    /// The x axis: 3 to 6 of its dates are shown, first and last included; may be empty.
    public var dates: [Day]
    /// A fixed value range; nil scales to the data.
    public var valueRange: ClosedRange<Double>?
    /// Extra room above and below automatic ranges, as a fraction of the data's span.
    public var padding: Double
    /// A horizontal line such as zero, drawn where no series is, when in range; its
    /// value is then written on the value axis at its row, in its style.
    public var reference: Double?
    public var referenceStyle: Style
    /// Whether the value axis stretches to the reference, so it is always drawn.
    public var keepsReferenceInRange = false
    /// Labelled horizontal lines (a user's ZN 114): always in range (the value
    /// axis stretches to them), drawn like the reference with the label at the right.
    public var levels: [Level]
    public var labelSide: LabelSide
    public var dateFormat: DateLabelFormat
    public var showsLabels: Bool
    public var labelStyle: Style
    public var valueLabel: @Sendable (Double) -> String
    /// Marks under the plot at the dates a flag was raised, drawn in order. Nil: the
    /// pane has no flag to mark, and no row is kept for them; empty: none in the
    /// window, and the row stays (the plot does not jump as flags come and go).
    public var marks: [DateMark]?
    /// The mark under a flagged date.
    public static let markGlyph: Character = "▲"
    /// The date cursor's date: a vertical marker through the plot at the last axis
    /// date on or before it (none when it is before the axis or there is no axis).
    public var cursor: Day?
    /// The date cursor's marker, in the cells no line takes (the line where it
    /// crosses the marker stays in sight), in the status bar's `CURSOR` style;
    /// dashed, so it is never taken for a box's side.
    public static let cursorGlyph: Character = "┊"
    public static let cursorStyle: Style = .role(.warn)
    /// Events on the time axis (FOMC, CPI, users' own), drawn by `drawEvents`.
    public var events: [EventMark] = []

    /// The narrowest plot worth drawing value labels beside.
    public static let minimumPlotWidth = 8

    public init(lines: [Line], dates: [Day] = [], valueRange: ClosedRange<Double>? = nil, padding: Double = 0.05,
                reference: Double? = nil, referenceStyle: Style = .role(.dim), levels: [Level] = [], labelSide: LabelSide = .left,
                dateFormat: DateLabelFormat = .iso, showsLabels: Bool = true, labelStyle: Style = .role(.dim),
                valueLabel: @escaping @Sendable (Double) -> String = NumberLabel.compact, marks: [DateMark]? = nil) {
        self.lines = lines
        self.dates = dates
        self.valueRange = valueRange
        self.padding = padding
        self.reference = reference
        self.referenceStyle = referenceStyle
        self.levels = levels
        self.labelSide = labelSide
        self.dateFormat = dateFormat
        self.showsLabels = showsLabels
        self.labelStyle = labelStyle
        self.valueLabel = valueLabel
        self.marks = marks
    }

    /// Number of x positions: the longest of the axis and the lines.
    var pointCount: Int { lines.reduce(dates.count) { max($0, $1.values.count) } }

    private var presentValues: [Double] {
        lines.flatMap { $0.values.compactMap { $0 }.filter(\.isFinite) }
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let area = area.intersection(canvas.area)
        let kept = keepsReferenceInRange ? reference.map { [$0] } ?? [] : []
        let values = presentValues + (levels.map(\.value) + kept).filter(\.isFinite)
        guard !area.isEmpty, !presentValues.isEmpty else { return }
        let scale = valueRange.flatMap(ValueScale.fixed) ?? ValueScale.automatic(values, padding: padding)
        guard let scale else { return }

        var plot = area
        let dateRow = showsLabels && !dates.isEmpty && area.height >= 4 ? area.maxY - 1 : nil
        if dateRow != nil { plot.height -= 1 }
        // Marks get a row of their own under the plot when the plot keeps 6 rows;
        // else they share the date row's free cells.
        let markRow = marks != nil && plot.height >= 7 ? plot.maxY - 1 : nil
        if markRow != nil { plot.height -= 1 }

        let labels = showsLabels && plot.height >= 2 ? valueLabels(scale: scale, rows: plot.height) : []
        let labelWidth = labels.map { DisplayWidth.of($0.text) }.max() ?? 0
        let showsValues = !labels.isEmpty && area.width >= labelWidth + 1 + LineChart.minimumPlotWidth
        var labelColumn = Rect.zero
        if showsValues {
            plot.width -= labelWidth + 1
            switch labelSide {
            case .left:
                labelColumn = Rect(x: area.x, y: plot.y, width: labelWidth, height: plot.height)
                plot.x += labelWidth + 1
            case .right:
                labelColumn = Rect(x: plot.maxX + 1, y: plot.y, width: labelWidth, height: plot.height)
            }
        }

        let grid = plotGrid(size: plot, scale: scale)
        draw(grid, into: &canvas, at: plot, scale: scale)
        drawCursor(grid, into: &canvas, at: plot)
        drawLevels(into: &canvas, at: plot, scale: scale, dotRows: grid.dotRows)
        if showsValues {
            for label in labels {
                let alignment: Alignment = labelSide == .left ? .right : .left
                canvas.write(Truncation.fit(label.text, width: labelColumn.width, alignment: alignment),
                             x: labelColumn.x, y: labelColumn.y + label.row, style: label.style, clip: labelColumn)
            }
        }
        if let dateRow {
            drawDateLabels(into: &canvas, row: Rect(x: plot.x, y: dateRow, width: plot.width, height: 1),
                           dotColumns: grid.dotColumns)
        }
        if let markRow = markRow ?? dateRow {
            drawMarks(into: &canvas, row: Rect(x: plot.x, y: markRow, width: plot.width, height: 1),
                      dotColumns: grid.dotColumns)
        }
        // On the time axis: the date row, else the marks' own row; never in the plot.
        drawEvents(into: &canvas, x: plot.x, width: plot.width, rows: [dateRow, markRow].compactMap { $0 },
                   dotColumns: grid.dotColumns)
    }

    /// A label on the value axis: its row in the plot (0 at the top), text and style.
    struct ValueLabel: Equatable {
        var row: Int
        var text: String
        var style: Style
    }

    /// The value axis's labels for a plot `rows` high, by rising priority: round
    /// ticks (dim), the reference's value (in its style, when in range), the last
    /// value of each line that labels it, the first line's last value. A label takes
    /// its row from the ones before it, and a tick next to a later label goes, so
    /// two numbers never sit on neighbouring rows.
    func valueLabels(scale: ValueScale, rows: Int) -> [ValueLabel] {
        let dotRows = 4 * rows
        func row(_ v: Double) -> Int { scale.dotRow(v, rows: dotRows) / 4 }
        var fixed: [ValueLabel] = []
        if let reference, reference.isFinite, scale.contains(reference) {
            fixed.append(ValueLabel(row: row(reference), text: valueLabel(reference), style: referenceStyle))
        }
        for (i, line) in lines.enumerated().reversed() where i == 0 || line.labelsLast {
            if let last = line.values.last(where: { $0?.isFinite == true }) ?? nil {
                fixed.append(ValueLabel(row: row(last), text: valueLabel(last), style: line.style))
            }
        }
        let ticks = AxisTicks.values(low: scale.low, high: scale.high, count: AxisTicks.valueCount(rows: rows),
                                     limit: AxisTicks.valueLimit(rows: rows), label: valueLabel)
            .map { ValueLabel(row: row($0), text: valueLabel($0), style: labelStyle) }
            .filter { tick in !fixed.contains { abs($0.row - tick.row) <= 1 } }
        var byRow: [Int: ValueLabel] = [:]
        for label in ticks + fixed { byRow[label.row] = label }
        return byRow.values.sorted { $0.row < $1.row }
    }

    /// The dot column of position `i` of `count`: first and last positions at the
    /// plot's edges, the rest spread evenly (a single point sits at the right edge,
    /// where the latest data always is).
    static func dotColumn(_ i: Int, count: Int, columns: Int) -> Int {
        guard count > 1 else { return columns - 1 }
        return Int((Double(i) * Double(columns - 1) / Double(count - 1)).rounded())
    }

    private func plotGrid(size plot: Rect, scale: ValueScale) -> BrailleGrid {
        var grid = BrailleGrid(width: plot.width, height: plot.height)
        let count = pointCount
        for (index, line) in lines.enumerated() {
            var previous: (x: Int, y: Int)?
            for (i, value) in line.values.enumerated() {
                guard let value, value.isFinite else {
                    previous = nil
                    continue
                }
                let point = (x: LineChart.dotColumn(i, count: count, columns: grid.dotColumns),
                             y: scale.dotRow(value, rows: grid.dotRows))
                if let previous {
                    grid.line(from: previous, to: point, owner: index)
                } else {
                    grid.plot(point.x, point.y, owner: index)
                }
                previous = point
            }
        }
        return grid
    }

    private func draw(_ grid: BrailleGrid, into canvas: inout Canvas, at plot: Rect, scale: ValueScale) {
        var referenceCells: (row: Int, glyph: Character)?
        if let reference, reference.isFinite, scale.contains(reference), grid.dotRows > 0 {
            let dy = scale.dotRow(reference, rows: grid.dotRows)
            let rowBits: [UInt8] = [0x09, 0x12, 0x24, 0xC0]
            referenceCells = (dy / 4, BrailleGrid.glyph(rowBits[dy % 4]))
        }
        for cy in 0..<grid.height {
            for cx in 0..<grid.width {
                let owner = grid.owner(x: cx, y: cy)
                if owner >= 0 {
                    canvas.put(grid.glyph(x: cx, y: cy), x: plot.x + cx, y: plot.y + cy, style: lines[owner].style)
                } else if let referenceCells, referenceCells.row == cy {
                    canvas.put(referenceCells.glyph, x: plot.x + cx, y: plot.y + cy, style: referenceStyle)
                }
            }
        }
    }

    /// The position on the axis the cursor is marked at: the last date on or before it.
    var cursorIndex: Int? {
        guard let cursor else { return nil }
        return dates.lastIndex(onOrBefore: cursor)
    }

    /// The date cursor's marker: a vertical line down the plot in the column of its
    /// date, over every cell but the lines' (the reference's dots give way to it).
    private func drawCursor(_ grid: BrailleGrid, into canvas: inout Canvas, at plot: Rect) {
        guard let index = cursorIndex, grid.dotColumns > 0 else { return }
        let cx = LineChart.dotColumn(index, count: pointCount, columns: grid.dotColumns) / 2
        guard cx < grid.width else { return }
        for cy in 0..<grid.height where grid.owner(x: cx, y: cy) < 0 {
            canvas.put(LineChart.cursorGlyph, x: plot.x + cx, y: plot.y + cy, style: LineChart.cursorStyle)
        }
    }

    /// Each labelled level: a dotted line through the empty cells of its row and its
    /// label at the right end (`ZN 114`), over the line so it can always be read.
    private func drawLevels(into canvas: inout Canvas, at plot: Rect, scale: ValueScale, dotRows: Int) {
        guard dotRows > 0, plot.width > 0 else { return }
        let rowBits: [UInt8] = [0x09, 0x12, 0x24, 0xC0]
        for level in levels where level.value.isFinite && scale.contains(level.value) {
            let dy = scale.dotRow(level.value, rows: dotRows)
            let y = plot.y + dy / 4
            for x in plot.x..<plot.maxX where canvas[x, y] == .blank {
                canvas.put(BrailleGrid.glyph(rowBits[dy % 4]), x: x, y: y, style: referenceStyle)
            }
            let text = Truncation.clip(level.label, width: plot.width)
            let width = DisplayWidth.of(text)
            canvas.write(text, x: plot.maxX - width, y: y, style: referenceStyle, clip: plot)
        }
    }

    /// 6 down to 3 dates spread over the row, first at the left, last at the right,
    /// the rest centred on their columns, at least two spaces apart: in the chart's
    /// format, else in a shorter one (`Mar 25`, or `03-14` within a quarter); then
    /// only the first and last, then only the last, then none.
    private func drawDateLabels(into canvas: inout Canvas, row: Rect, dotColumns: Int) {
        for label in dateLabels(width: row.width, dotColumns: dotColumns) {
            canvas.write(label.text, x: row.x + label.x, y: row.y, style: labelStyle, clip: row)
        }
    }

    /// The date labels of a row `width` wide: each text and its column from the left.
    func dateLabels(width: Int, dotColumns: Int) -> [(x: Int, text: String)] {
        guard let first = dates.first, let last = dates.last, width > 0 else { return [] }
        let spanDays = Int(last.ordinal - first.ordinal)
        let short: DateLabelFormat = spanDays > 92 ? .monthYear : .monthDay
        let formats = dateFormat == short ? [dateFormat] : [dateFormat, short]
        let count = pointCount
        func attempt(_ n: Int, _ format: DateLabelFormat) -> [(x: Int, text: String)]? {
            var out: [(x: Int, text: String)] = []
            let positions = AxisTicks.datePositions(count: n, points: dates.count)
            guard positions.count == n else { return nil }
            for (k, i) in positions.enumerated() {
                let text = format.format(dates[i]), w = DisplayWidth.of(text)
                let x: Int
                if n == 1 || k == n - 1 {
                    x = width - w
                } else if k == 0 {
                    x = 0
                } else {
                    x = min(max(0, LineChart.dotColumn(i, count: count, columns: dotColumns) / 2 - w / 2), width - w)
                }
                if x < 0 { return nil }
                if let previous = out.last, previous.x + DisplayWidth.of(previous.text) + 2 > x { return nil }
                out.append((x, text))
            }
            return out
        }
        if dates.count >= AxisTicks.fewest {
            for format in formats {
                for n in stride(from: AxisTicks.most, through: AxisTicks.fewest, by: -1) {
                    if let labels = attempt(n, format) { return labels }
                }
            }
        }
        if dates.count > 1, let labels = attempt(2, dateFormat) { return labels }
        return attempt(1, dateFormat) ?? []
    }

    /// A mark in each cell of the row under a marked date, over blanks only (a date
    /// label on a shared row stays whole).
    private func drawMarks(into canvas: inout Canvas, row: Rect, dotColumns: Int) {
        guard let marks, row.width > 0 else { return }
        let count = pointCount
        for mark in marks where mark.index >= 0 && mark.index < count {
            let x = row.x + LineChart.dotColumn(mark.index, count: count, columns: dotColumns) / 2
            guard x < row.maxX else { continue }
            if canvas[x, row.y] == .blank || canvas[x, row.y].symbol == LineChart.markGlyph {
                canvas.put(LineChart.markGlyph, x: x, y: row.y, style: mark.style)
            }
        }
    }
}
