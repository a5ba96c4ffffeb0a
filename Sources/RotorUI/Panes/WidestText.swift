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

/// The least and greatest value of every pane expression, and of every change a
/// reading shows, over the whole history: computed once with the model (a frame
/// only looks them up), they give the slot and column widths.
public struct NumberExtremes: Sendable {
    public struct Range: Sendable, Equatable {
        public var low: Double
        public var high: Double
    }

    struct Change: Hashable, Sendable {
        var expression: String
        var rows: Int
    }

    var values: [String: Range] = [:]
    var changes: [Change: Range] = [:]

    init(series: [String: Series], panes: [PaneSpec]) {
        for (e, s) in series { values[e] = Self.range(s.values) }
        for pane in panes {
            for reading in pane.views.flatMap({ $0.readings + $0.detail }) {
                guard case let .change(e, rows) = reading.source, let s = series[e], rows > 0, s.count > rows else { continue }
                let v = s.values
                changes[Change(expression: e, rows: rows)] = Self.range((rows..<v.count).map { v[$0] - v[$0 - rows] })
            }
        }
    }

    static func range(_ values: [Double]) -> Range? {
        guard var low = values.first else { return nil }
        var high = low
        for v in values {
            if v < low { low = v }
            if v > high { high = v }
        }
        return Range(low: low, high: high)
    }
}

extension PaneReader {
    /// The width of the widest text `format` writes for the expression's value times
    /// `scale` on any date of the data (not only up to the as-of date, so every
    /// replay date lays out alike); the width of `absent` when it has no data.
    public func widestWidth(_ expression: String, _ format: NumberFormatKind, scale: Double = 1) -> Int {
        Self.widest(model.extremes.values[expression], format, scale: scale)
    }

    /// As `widestWidth`, for the expression's change over its own last `rows` rows
    /// (known for the changes the panes' readings show).
    public func widestChangeWidth(_ expression: String, rows: Int, _ format: NumberFormatKind,
                                  scale: Double = 1) -> Int {
        Self.widest(model.extremes.changes[.init(expression: expression, rows: rows)], format, scale: scale)
    }

    private static func widest(_ range: NumberExtremes.Range?, _ format: NumberFormatKind, scale: Double) -> Int {
        guard let range else { return DisplayWidth.of(NumberFormatKind.absent) }
        let (a, b) = (range.low * scale, range.high * scale)
        return format.widestWidth(from: Swift.min(a, b), to: Swift.max(a, b))
    }

    /// A table column of one number per row: each expression's value times `scale`
    /// in `format` (`–` when absent), styled by `style` of the value, kept or
    /// dropped by the widest text any of them takes on any date.
    public func numberColumn(_ header: String, _ expressions: [String], _ format: NumberFormatKind,
                             scale: Double = 1, priority: Int,
                             coloursBySign: Bool = false,
                             style: (Double) -> Style? = { _ in nil }) -> Table.RankedColumn {
        let cells = expressions.map { e in
            let v = value(e).map { $0 * scale }
            // By the sign of the number as shown: a change that rounds to `+0.0%` is neutral.
            let shown = coloursBySign ? v.flatMap(format.signRole).map { Style.role($0) } : v.flatMap(style)
            return Table.Entry(v.map(format.format) ?? NumberFormatKind.absent, style: shown)
        }
        let widest = expressions.map { widestWidth($0, format, scale: scale) }.max() ?? 0
        return Table.RankedColumn(Table.Column(header, alignment: .right), cells, priority: priority, widest: widest)
    }
}
