public import RotorCore

/// The model as one pane sees it on one replay date: values as of that date,
/// windows ending on it, and which expressions could not be evaluated.
public struct PaneReader: Sendable {
    public let model: DashboardModel
    public let asOf: Day
    public let lookback: Lookback

    public init(model: DashboardModel, asOf: Day, lookback: Lookback) {
        self.model = model
        self.asOf = asOf
        self.lookback = lookback
    }

    public var roles: Roles { model.roles }

    /// The last value on or before `asOf`.
    public func value(_ expression: String) -> Double? { model.value(expression, asOf: asOf) }

    /// The last `sessions` rows up to `asOf` (the chart lookback by default).
    public func window(_ expression: String, sessions: Int? = nil) -> Series {
        model.window(expression, asOf: asOf, sessions: sessions ?? lookback.sessions)
    }

    /// The change of the series over its own last `rows` rows up to `asOf`
    /// (x_t - x_{t-rows}), absent until the series has rows + 1 rows.
    public func change(_ expression: String, rows: Int) -> Double? {
        let w = window(expression, sessions: rows + 1)
        guard w.count == rows + 1 else { return nil }
        return w.values[rows] - w.values[0]
    }

    /// The date of the series' last row on or before `asOf`.
    public func lastDate(_ expression: String) -> Day? { window(expression, sessions: 1).last?.date }

    /// Why the expression has no series (`.unknownSymbol("RVX")`), if it has none.
    public func failure(_ expression: String) -> ExpressionError? { model.failures[expression] }

    /// A reading of the expression's value as of `asOf`.
    public func reading(_ label: String, _ expression: String, _ format: NumberFormatKind, scale: Double = 1,
                        style: Style? = nil) -> Reading {
        Reading(label: label, expression: expression, scale: scale, value: value(expression).map { $0 * scale },
                format: format, style: style)
    }
}
