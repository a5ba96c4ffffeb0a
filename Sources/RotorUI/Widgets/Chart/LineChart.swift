public import RotorCore

/// A braille line chart of one or more series over a shared date axis, with the
/// labels a glance needs: the high and low of the window and the last value on the
/// value axis, the first and last dates under the plot.
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

        public init(_ values: [Double?], style: Style) {
            self.values = values
            self.style = style
        }

        public init(_ values: [Double], style: Style) {
            self.init(values.map { Optional($0) }, style: style)
        }

        /// `series` aligned to `axis`: a value for each axis date the series has,
        /// gaps for the rest.
        public init(series: Series, axis: [Day], style: Style) {
            self.init(axis.map { series.value(on: $0) }, style: style)
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
    /// The x axis: only its first and last dates are shown; may be empty.
    public var dates: [Day]
    /// A fixed value range; nil scales to the data.
    public var valueRange: ClosedRange<Double>?
    /// Extra room above and below automatic ranges, as a fraction of the data's span.
    public var padding: Double
    /// A horizontal line such as zero, drawn where no series is, when in range.
    public var reference: Double?
    public var referenceStyle: Style
    /// Labelled horizontal lines (a user's ZN 114): always in range (the value
    /// axis stretches to them), drawn like the reference with the label at the right.
    public var levels: [Level]
    public var labelSide: LabelSide
    public var dateFormat: DateLabelFormat
    public var showsLabels: Bool
    public var labelStyle: Style
    public var valueLabel: @Sendable (Double) -> String

    /// The narrowest plot worth drawing value labels beside.
    public static let minimumPlotWidth = 8

    public init(lines: [Line], dates: [Day] = [], valueRange: ClosedRange<Double>? = nil, padding: Double = 0.05,
                reference: Double? = nil, referenceStyle: Style = .role(.dim), levels: [Level] = [], labelSide: LabelSide = .left,
                dateFormat: DateLabelFormat = .iso, showsLabels: Bool = true, labelStyle: Style = .role(.dim),
                valueLabel: @escaping @Sendable (Double) -> String = NumberLabel.compact) {
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
    }

    /// Number of x positions: the longest of the axis and the lines.
    var pointCount: Int { lines.reduce(dates.count) { max($0, $1.values.count) } }

    private var presentValues: [Double] {
        lines.flatMap { $0.values.compactMap { $0 }.filter(\.isFinite) }
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let area = area.intersection(canvas.area)
        let values = presentValues + levels.map(\.value).filter(\.isFinite)
        guard !area.isEmpty, !presentValues.isEmpty else { return }
        let scale = valueRange.flatMap(ValueScale.fixed) ?? ValueScale.automatic(values, padding: padding)
        guard let scale else { return }

        var plot = area
        let dateRow = showsLabels && !dates.isEmpty && area.height >= 4 ? area.maxY - 1 : nil
        if dateRow != nil { plot.height -= 1 }

        let extremes = valueRange.map { ($0.lowerBound, $0.upperBound) }
            ?? (values.min()!, values.max()!)
        let texts = (high: valueLabel(extremes.1), low: valueLabel(extremes.0), last: lastValue.map(valueLabel))
        let labelWidth = [texts.high, texts.low, texts.last ?? ""].map { DisplayWidth.of($0) }.max()!
        let showsValues = showsLabels && plot.height >= 2 && area.width >= labelWidth + 1 + LineChart.minimumPlotWidth
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
        drawLevels(into: &canvas, at: plot, scale: scale, dotRows: grid.dotRows)
        if showsValues {
            drawValueLabels(texts, into: &canvas, column: labelColumn, scale: scale, plotRows: grid.dotRows)
        }
        if let dateRow {
            drawDateLabels(into: &canvas, row: Rect(x: plot.x, y: dateRow, width: plot.width, height: 1))
        }
    }

    /// The last present value of the first line: the number a trader looks for.
    private var lastValue: Double? {
        lines.first?.values.last(where: { $0?.isFinite == true }) ?? nil
    }

    /// The dot column of position `i` of `count`: first and last positions at the
    /// plot's edges, the rest spread evenly (a single point sits at the right edge,
    /// where the latest data always is).
    private static func dotColumn(_ i: Int, count: Int, columns: Int) -> Int {
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

    /// High at the top row, low at the bottom row, the last value at its own row in
    /// the first line's style (replacing high or low when it falls on their row).
    private func drawValueLabels(_ texts: (high: String, low: String, last: String?), into canvas: inout Canvas,
                                 column: Rect, scale: ValueScale, plotRows: Int) {
        var rows: [Int: (String, Style)] = [column.y: (texts.high, labelStyle),
                                            column.maxY - 1: (texts.low, labelStyle)]
        if let last = lastValue, let text = texts.last {
            let row = column.y + scale.dotRow(last, rows: plotRows) / 4
            rows[row] = (text, lines[0].style)
        }
        for (y, label) in rows {
            let alignment: Alignment = labelSide == .left ? .right : .left
            canvas.write(Truncation.fit(label.0, width: column.width, alignment: alignment),
                         x: column.x, y: y, style: label.1, clip: column)
        }
    }

    /// The first date at the left of the plot and the last at its right; only the last
    /// when both do not fit with a space between them, none when even that does not.
    private func drawDateLabels(into canvas: inout Canvas, row: Rect) {
        guard let first = dates.first, let last = dates.last else { return }
        let lastText = dateFormat.format(last)
        let lastWidth = DisplayWidth.of(lastText)
        guard lastWidth <= row.width else { return }
        canvas.write(lastText, x: row.maxX - lastWidth, y: row.y, style: labelStyle, clip: row)
        let firstText = dateFormat.format(first)
        if dates.count > 1, DisplayWidth.of(firstText) + 1 + lastWidth <= row.width {
            canvas.write(firstText, x: row.x, y: row.y, style: labelStyle, clip: row)
        }
    }
}
