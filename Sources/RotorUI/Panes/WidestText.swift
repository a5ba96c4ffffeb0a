public import RotorCore

// How wide a number can get: a reading's slot and a table column are as wide as the
// widest text their format writes over the whole history of what they show, so the
// rows of readings and the columns of a table stand still from one date (or one live
// bar) to the next at a given pane size.

extension NumberFormatKind {
    /// The width of the widest text this format writes for any value from `low` to
    /// `high` (or `absent`): a number's text only grows with its distance from zero,
    /// so the two ends bound every value between them.
    public func widestWidth(from low: Double, to high: Double) -> Int {
        max(DisplayWidth.of(format(low)), DisplayWidth.of(format(high)), DisplayWidth.of(Self.absent))
    }
}

extension Series {
    /// The least and greatest value, or nil for an empty series.
    var extremes: (low: Double, high: Double)? {
        guard let first = values.first else { return nil }
        return values.reduce((first, first)) { (Swift.min($0.0, $1), Swift.max($0.1, $1)) }
    }

    /// The series of its changes over `rows` rows (x_t - x_{t-rows}).
    func changes(over rows: Int) -> Series {
        guard rows > 0, count > rows else { return Series() }
        return Series(dates: Array(dates[rows...]), values: (rows..<count).map { values[$0] - values[$0 - rows] })
    }
}

extension PaneReader {
    /// The width of the widest text `format` writes for the expression's value times
    /// `scale` on any date of the data (not only up to the as-of date, so every
    /// replay date lays out alike); the width of `absent` when it has no data.
    public func widestWidth(_ expression: String, _ format: NumberFormatKind, scale: Double = 1) -> Int {
        Self.widest(model.series[expression], format, scale: scale)
    }

    /// As `widestWidth`, for the expression's change over its own last `rows` rows.
    public func widestChangeWidth(_ expression: String, rows: Int, _ format: NumberFormatKind,
                                  scale: Double = 1) -> Int {
        Self.widest(model.series[expression]?.changes(over: rows), format, scale: scale)
    }

    private static func widest(_ series: Series?, _ format: NumberFormatKind, scale: Double) -> Int {
        guard let (low, high) = series?.extremes else { return DisplayWidth.of(NumberFormatKind.absent) }
        return format.widestWidth(from: Swift.min(low * scale, high * scale), to: Swift.max(low * scale, high * scale))
    }

    /// A table column of one number per row: each expression's value times `scale`
    /// in `format` (`–` when absent), styled by `style` of the value, kept or
    /// dropped by the widest text any of them takes on any date.
    public func numberColumn(_ header: String, _ expressions: [String], _ format: NumberFormatKind,
                             scale: Double = 1, priority: Int,
                             style: (Double) -> Style? = { _ in nil }) -> Table.RankedColumn {
        let cells = expressions.map { e in
            let v = value(e).map { $0 * scale }
            return Table.Entry(v.map(format.format) ?? NumberFormatKind.absent, style: v.flatMap(style))
        }
        let widest = expressions.map { widestWidth($0, format, scale: scale) }.max() ?? 0
        return Table.RankedColumn(Table.Column(header, alignment: .right), cells, priority: priority, widest: widest)
    }
}
