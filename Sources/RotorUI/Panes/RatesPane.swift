public import RotorCore

/// Pane 5, RATES x EQUITIES: how stocks trade against the front end of the curve
/// (small caps usually fall when the 2-year rises; tech can flip), and what the curve
/// itself is doing.
public enum RatesPane {
    /// The MI percentile of its year at or above which the pane flags `MI spike`.
    public static let miSpike = 95.0

    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let changes = "diff(\(r.twoYear))"
        let curve = "sub(\(r.tenYear),\(r.twoYear))"
        let corr = { @Sendable (x: String, n: Int) in "corr(ret(\(x)),\(changes),\(n))" }
        let equities = [r.small, r.large, r.tech]
        // Mutual information of small-cap returns and 2-year changes (METRICS.md), and
        // where it sits in its year: the raw nats carry the estimator's bias.
        let mi = "mi(ret(\(r.small)),\(changes),60,8)"
        let miPercentile = "pctrank(\(mi),252)"
        return PaneSpec(
            name: "rates", title: "RATES x EQUITIES",
            views: [.init(
                readings: [
                    .init("corr \(r.small)/2y 60d", corr(r.small, 60), .signed(2)),
                    .init("2y", r.twoYear, .percentLevel(decimals: 2)),
                    .init("5d", source: .change(r.twoYear, rows: 5), .basisPoints, scale: 100).joined(),
                    .init("2s10s", curve, .basisPoints, scale: 100),
                    .init("20d", source: .change(curve, rows: 20), .basisPoints, scale: 100).joined(),
                    .init("MI \(r.small)/2y", mi, .nats).record(.high),
                    .init("MI pct 1y", miPercentile, .decimals(0)).joined(),
                ],
                detail: [.init("10y", r.tenYear, .percentLevel(decimals: 2)),
                         .init("2y 20d", source: .change(r.twoYear, rows: 20), .basisPoints, scale: 100),
                         .init("10y 20d", source: .change(r.tenYear, rows: 20), .basisPoints, scale: 100).joined()],
                chart: ChartSpec([.init(corr(r.small, 60), "\(r.small) 60d", .series1),
                                  .init(corr(r.tech, 60), "\(r.tech) 60d", .series2)],
                                 // Zero is always on the axis: the sign of the correlation is the
                                 // reading (small caps fall as the 2y rises, tech can flip).
                                 levels: [.init(0, keepsInRange: true)],
                                 legend: [.init("\(r.small) 60d", .series1), .init("\(r.tech) 60d", .series2), .init("0", .dim)],
                                 valueLabel: { $0 == 0 ? "0.00" : NumberFormatKind.signed(2).format($0) }))],
            flags: [
                // The curve regime is a state the pane always names, not a flag up.
                FlagSpec(reads: [r.twoYear, r.tenYear]) { reader in
                    regime(reader, r).map { ActiveFlag(.state, $0.rawValue, label: "curve 20d") }
                }.alert("curve-regime", .wordsChange, expression: curve),
                // The macro regime: the equity trend with the curve regime, named.
                FlagSpec(reads: [trend(r), r.twoYear, r.tenYear]) { reader in
                    macroRegime(reader, r, t.regimeNames)
                }.alert("macro-regime", .wordsChange, expression: trend(r)),
                // An MI spike: dependence at the top of its own year. The raw nats carry
                // the estimator's bias (about 0.4 with 60 rows and 8 bins) on every
                // date alike; ranked against its own year, that offset drops out.
                .when(Condition(miPercentile, .atLeast, miSpike)) { reader in
                    let pct = reader.value(miPercentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
                    return ActiveFlag(.warn, "MI spike", detail: [FlagDetail("\(r.small)/2y at pct \(pct)", or: "pct \(pct)"),
                                                                FlagDetail("of its year", or: "of 1y")],
                                      subject: "\(r.small)/2y")
                }.alert("mi-spike"),
            ],
            table: TableSpec(reads: [changes] + equities.flatMap { x in
                [r.twoYear, r.tenYear].flatMap { Sensitivity(equity: x, rate: $0).expressions }
            }) { reader, room in
                table(reader, equities, r, room)
            })
    }

    /// METRICS.md's curve regime over the last 20 joined rows of the two yields.
    static func regime(_ reader: PaneReader, _ r: Roles) -> CurveRegime? {
        // 40 rows of each leave 21 joined rows unless the two calendars differ a lot.
        let two = reader.window(r.twoYear, sessions: 40), ten = reader.window(r.tenYear, sessions: 40)
        return CurveRegime.series(twoYear: two, tenYear: ten).last?.regime
    }

    /// The equity trend's expression: the large caps' 20-session change.
    static func trend(_ r: Roles) -> String { "chg(\(r.large),20)" }

    /// METRICS.md's macro regime on the reader's date, named from `names`, as the
    /// pane's state row: `regime Goldilocks (ES 20d +3.1%, bull steepener)`. Absent
    /// (no row, no alert) until both the trend and the curve regime are known.
    static func macroRegime(_ reader: PaneReader, _ r: Roles, _ names: MacroRegimeNames) -> ActiveFlag? {
        guard let change = reader.value(trend(r)), change.isFinite, let curve = regime(reader, r) else { return nil }
        let name = names[MacroRegime(trend: .init(change: change), curve: curve)]
        let move = "\(r.large) 20d \(NumberFormatKind.percent(decimals: 1).format(change))"
        return ActiveFlag(.state, name, detail: [FlagDetail("(\(move), \(curve.rawValue))", or: "(\(move))")], label: "regime")
    }

    /// How one equity index trades against one yield's daily changes.
    struct Sensitivity {
        let equity: String
        let rate: String
        func corr(_ n: Int) -> String { "corr(ret(\(equity)),diff(\(rate)),\(n))" }
        /// % of return per 1 (percentage point) rise of the yield, over 60 sessions.
        var beta: String { "beta(ret(\(equity)),diff(\(rate)),60)" }
        /// Where the 60-session correlation sits in its year.
        var percentile: String { "pctrank(\(corr(60)),252)" }
        var expressions: [String] { [corr(20), corr(60), corr(252), percentile, beta] }
    }

    /// Correlation with 2-year changes over 20 and 60 sessions and the 60-session
    /// beta, per equity; beta as % of return per 100 bp rise in the 2-year. A narrow
    /// pane drops the beta, then the 20-session column; a wide one adds the 1-year
    /// correlation and where the 60-session one sits in its year. Zoomed, the same
    /// rows against the 10-year follow (duration against the front end).
    static func table(_ reader: PaneReader, _ names: [String], _ r: Roles, _ room: TableRoom) -> Table {
        let rates = room.isZoomed ? [r.twoYear, r.tenYear] : [r.twoYear]
        let rows = rates.flatMap { rate in names.map { Sensitivity(equity: $0, rate: rate) } }
        let label = { (s: Sensitivity) in room.isZoomed ? "\(s.equity)/\(s.rate == r.twoYear ? "2y" : "10y")" : s.equity }
        func column(_ header: String, _ e: (Sensitivity) -> String, scale: Double = 1, _ f: NumberFormatKind,
                    priority: Int, signed: Bool = true) -> Table.RankedColumn {
            reader.numberColumn(header, rows.map(e), f, scale: scale, priority: priority,
                                coloursBySign: signed)
        }
        return Table.fitted([
            .init(.init(room.isZoomed ? "vs" : "vs 2y"), rows.map { Table.Entry(label($0)) }, priority: 0),
            column("corr20", { $0.corr(20) }, .signed(2), priority: 1),
            column("corr60", { $0.corr(60) }, .signed(2), priority: 0),
            column("corr1y", { $0.corr(252) }, .signed(2), priority: 3),
            column("60d pct", \.percentile, .decimals(0), priority: 4, signed: false),
            column("%/100bp", \.beta, scale: 100, .signed(1), priority: 2),
        ], width: room.width)
    }
}
