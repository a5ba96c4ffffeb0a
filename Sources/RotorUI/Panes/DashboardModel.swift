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
    /// Pane expression -> why it has no series (e.g. `.unknownSymbol("RVX")`).
    public let failures: [String: ExpressionError]
    /// The last date any pane series reaches.
    public let lastDate: Day?
    /// The first date any pane series reaches.
    public let firstDate: Day?
    /// Where the breadth percentile reaches 5 and 95 (the band on the breadth chart).
    public let breadthBand: (low: Series, high: Series)

    /// Pane expression -> the symbols and universes (`@name`) it reads.
    private let reads: [String: Set<String>]

    public init(data: MarketData, roles: Roles = Roles(), thresholds: Thresholds = Thresholds()) {
        let expressions = DashboardModel.expressions(roles)
        let reads = DashboardModel.reads(expressions)
        let (series, failures) = DashboardModel.evaluate(expressions, on: data)
        self.init(roles: roles, thresholds: thresholds, series: series, failures: failures, reads: reads, band: nil)
    }

    private init(roles: Roles, thresholds: Thresholds, series: [String: Series], failures: [String: ExpressionError],
                 reads: [String: Set<String>], band: (low: Series, high: Series)?) {
        self.roles = roles
        self.thresholds = thresholds
        self.series = series
        self.failures = failures
        self.reads = reads
        breadthBand = band ?? ExtremeBand.of(series[BreadthPane.extremeSeries(roles)] ?? Series(),
                                             high: thresholds.breadthHigh, low: thresholds.breadthLow)
        lastDate = series.values.compactMap(\.last?.date).max()
        firstDate = series.values.compactMap(\.first?.date).min()
    }

    /// The model after new bars of the `changed` symbols (or `@name` universes):
    /// only the expressions that read them are evaluated again, so a live bar of ES
    /// does not recompute the breadth of 500 members.
    public func updated(with data: MarketData, changed: Set<String>) -> DashboardModel {
        let affected = reads.filter { !$0.value.isDisjoint(with: changed) }.map(\.key)
        guard !affected.isEmpty else { return self }
        var series = self.series, failures = self.failures
        let (fresh, failed) = DashboardModel.evaluate(affected, on: data)
        for e in affected {
            series[e] = fresh[e]
            failures[e] = failed[e]
        }
        let bandSeries = BreadthPane.extremeSeries(roles)
        let band = affected.contains(bandSeries) ? nil : breadthBand
        return DashboardModel(roles: roles, thresholds: thresholds, series: series, failures: failures, reads: reads,
                              band: band)
    }

    static func expressions(_ roles: Roles) -> [String] {
        var seen = Set<String>()
        return (BuiltinExpressions.all(roles) + PaneView.expressions(roles)).filter { seen.insert($0).inserted }
    }

    static func reads(_ expressions: [String]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for e in expressions { out[e] = (try? Parser.parse(e).names) ?? [] }
        return out
    }

    static func evaluate(_ expressions: [String], on data: MarketData)
        -> (series: [String: Series], failures: [String: ExpressionError]) {
        var evaluator = Evaluator(data: data)
        evaluator.prepare(expressions)
        var series: [String: Series] = [:], failures: [String: ExpressionError] = [:]
        for e in expressions {
            do {
                series[e] = try evaluator.evaluate(e)
            } catch {
                failures[e] = error
            }
        }
        return (series, failures)
    }

    /// The expression's rows up to `asOf`, the last `sessions` of them.
    public func window(_ expression: String, asOf: Day, sessions: Int) -> Series {
        series[expression]?.last(sessions, onOrBefore: asOf) ?? Series()
    }

    /// The last value of the expression on or before `asOf`.
    public func value(_ expression: String, asOf: Day) -> Double? {
        window(expression, asOf: asOf, sessions: 1).last?.value
    }
}
