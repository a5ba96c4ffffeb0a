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
    /// The panes this model serves, built-in and the config's: their expressions are
    /// what it evaluates.
    public let panes: [PaneSpec]
    /// The last date any pane series reaches.
    public let lastDate: Day?
    /// The first date any pane series reaches.
    public let firstDate: Day?
    /// Chart band source expression -> where its 1-year percentile reaches the
    /// breadth thresholds (the band on the breadth chart), over the whole history.
    public let bands: [String: (low: Series, high: Series)]
    /// Each expression's least and greatest value: the widths of slots and columns.
    public let extremes: NumberExtremes
    /// The events the charts mark and the status bar counts down to (`[events]`).
    public var events = EventCalendar()

    /// Pane expression -> the symbols and universes (`@name`) it reads.
    private let reads: [String: Set<String>]
    /// Custom flags' answers by date, for the charts' flag marks (new with each model).
    let flagHistory = FlagHistory()

    /// The model of the built-in panes and `extra` ones (a config's `[[panes]]`).
    public init(data: MarketData, roles: Roles = Roles(), thresholds: Thresholds = Thresholds(),
                extra: [PaneSpec] = [], watching: [String] = []) {
        self.init(data: data, panes: PaneRegistry.builtins(roles, thresholds) + extra, roles: roles,
                  thresholds: thresholds, watching: watching)
    }

    /// `watching`: expressions no pane shows that are read all the same (the
    /// config's alert rules).
    public init(data: MarketData, panes: [PaneSpec], roles: Roles, thresholds: Thresholds, watching: [String] = []) {
        let expressions = DashboardModel.expressions(panes, watching: watching)
        let reads = DashboardModel.reads(expressions)
        let (series, failures) = DashboardModel.evaluate(expressions, on: data)
        self.init(panes: panes, roles: roles, thresholds: thresholds, series: series, failures: failures,
                  reads: reads, bands: [:])
    }

    private init(panes: [PaneSpec], roles: Roles, thresholds: Thresholds, series: [String: Series],
                 failures: [String: ExpressionError], reads: [String: Set<String>], bands: [String: (low: Series, high: Series)]) {
        self.panes = panes
        self.roles = roles
        self.thresholds = thresholds
        self.series = series
        self.failures = failures
        self.reads = reads
        var bands = bands
        for pane in panes {
            for source in pane.views.compactMap(\.chart?.band) where bands[source] == nil {
                bands[source] = ExtremeBand.of(series[source] ?? Series(), high: thresholds.breadthHigh,
                                               low: thresholds.breadthLow)
            }
        }
        self.bands = bands
        extremes = NumberExtremes(series: series, panes: panes)
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
        // A band whose source changed is computed again (by init); the others stay.
        let kept = bands.filter { !affected.contains($0.key) }
        var model = DashboardModel(panes: panes, roles: roles, thresholds: thresholds, series: series, failures: failures,
                                   reads: reads, bands: kept)
        model.events = events
        return model
    }

    /// Every expression of every pane, each once.
    static func expressions(_ panes: [PaneSpec], watching: [String] = []) -> [String] {
        var seen = Set<String>()
        return (panes.flatMap(\.expressions) + watching).filter { seen.insert($0).inserted }
    }

    /// Every date a series of the model has, ascending: the sessions a replay steps.
    public var dates: [Day] {
        DateAlignment.unionDates(series.values.map(\.dates))
    }

    /// The pane named `name` (case-insensitive), or with that title.
    public func pane(named name: String) -> PaneSpec? {
        panes.first { $0.name.lowercased() == name.lowercased() } ?? panes.first { $0.title.lowercased() == name.lowercased() }
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
