public import RotorCore

/// The market data the panes read, evaluated once: every pane expression over the
/// whole history. Every function of the language looks only backwards, so the
/// value on a replay date is the full-history series cut at that date, and moving
/// the replay cursor costs a binary search, not a re-evaluation.
public struct DashboardModel: Sendable {
    public let roles: Roles
    public let thresholds: Thresholds
    /// Pane expression -> its series over the whole history.
    public let series: [String: Series]
    /// Pane expression -> why it has no series (e.g. "unknown symbol RVX").
    public let failures: [String: String]
    /// The last date any pane series reaches.
    public let lastDate: Day?
    /// The first date any pane series reaches.
    public let firstDate: Day?
    /// Where the breadth percentile reaches 5 and 95 (the band on the breadth chart).
    public let breadthBand: (low: Series, high: Series)

    public init(data: MarketData, roles: Roles = Roles(), thresholds: Thresholds = Thresholds()) {
        self.roles = roles
        self.thresholds = thresholds
        var evaluator = Evaluator(data: data)
        let expressions = BuiltinExpressions.all(roles) + PaneView.expressions(roles)
        evaluator.prepare(expressions)
        var series: [String: Series] = [:], failures: [String: String] = [:]
        for e in expressions where series[e] == nil {
            do {
                series[e] = try evaluator.evaluate(e)
            } catch {
                failures[e] = error.message
            }
        }
        breadthBand = ExtremeBand.of(series[BreadthPane.extremeSeries(roles)] ?? Series(),
                                     high: thresholds.breadthHigh, low: thresholds.breadthLow)
        self.series = series
        self.failures = failures
        lastDate = series.values.compactMap(\.last?.date).max()
        firstDate = series.values.compactMap(\.first?.date).min()
    }

    /// The expression's rows up to `asOf`, the last `sessions` of them.
    public func window(_ expression: String, asOf: Day, sessions: Int) -> Series {
        guard let s = series[expression] else { return Series() }
        let end = s.lowerBound(asOf.adding(days: 1))
        let start = max(0, end - sessions)
        guard start < end else { return Series() }
        return Series(dates: Array(s.dates[start..<end]), values: Array(s.values[start..<end]))
    }

    /// The last value of the expression on or before `asOf`.
    public func value(_ expression: String, asOf: Day) -> Double? {
        window(expression, asOf: asOf, sessions: 1).last?.value
    }
}
