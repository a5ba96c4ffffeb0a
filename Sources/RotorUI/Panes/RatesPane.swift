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
        let beta = { @Sendable (x: String) in "beta(ret(\(x)),\(changes),60)" }
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
                    .init("5d", source: .change(r.twoYear, rows: 5), .basisPoints, scale: 100),
                    .init("2s10s", curve, .basisPoints, scale: 100),
                    .init("20d", source: .change(curve, rows: 20), .basisPoints, scale: 100),
                    .init("MI \(r.small)/2y", mi, .nats),
                    .init("MI pct 1y", miPercentile, .decimals(0)),
                ],
                detail: [.init("10y", r.tenYear, .percentLevel(decimals: 2)),
                         .init("2y 20d", source: .change(r.twoYear, rows: 20), .basisPoints, scale: 100),
                         .init("10y 20d", source: .change(r.tenYear, rows: 20), .basisPoints, scale: 100)],
                chart: ChartSpec([.init(corr(r.small, 60), "\(r.small) 60d", .series1),
                                  .init(corr(r.tech, 60), "\(r.tech) 60d", .series2)],
                                 levels: [.init(0)],
                                 legend: [.init("\(r.small) 60d", .series1), .init("\(r.tech) 60d", .series2), .init("0", .dim)],
                                 valueLabel: { NumberFormatKind.signed(2).format($0) }))],
            flags: [
                // The curve regime is a state the pane always names, not a flag up.
                FlagSpec(reads: [r.twoYear, r.tenYear]) { reader in
                    regime(reader, r).map { ActiveFlag(.state, $0.rawValue, label: "curve 20d") }
                },
                // An MI spike: dependence at the top of its own year. The raw nats carry
                // the estimator's bias (about 0.4 with 60 rows and 8 bins) on every
                // date alike; ranked against its own year, that offset drops out.
                .when(Condition(miPercentile, .atLeast, miSpike)) { reader in
                    let pct = reader.value(miPercentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
                    return ActiveFlag(.warn, "MI spike", detail: [FlagDetail("\(r.small)/2y at pct \(pct)", or: "pct \(pct)"),
                                                                FlagDetail("of its year", or: "of 1y")],
                                      subject: "\(r.small)/2y")
                },
            ],
            table: TableSpec(reads: [changes] + equities.flatMap { [corr($0, 20), corr($0, 60), beta($0)] }) { reader, width in
                table(reader, equities, corr: corr, beta: beta, width: width)
            })
    }

    /// METRICS.md's curve regime over the last 20 joined rows of the two yields.
    static func regime(_ reader: PaneReader, _ r: Roles) -> CurveRegime? {
        // 40 rows of each leave 21 joined rows unless the two calendars differ a lot.
        let two = reader.window(r.twoYear, sessions: 40), ten = reader.window(r.tenYear, sessions: 40)
        return CurveRegime.series(twoYear: two, tenYear: ten).last?.regime
    }

    /// Correlation with 2-year changes over 20 and 60 sessions and the 60-session
    /// beta, per equity; beta as % of return per 100 bp rise in the 2-year. A narrow
    /// pane drops the beta, then the 20-session column.
    static func table(_ reader: PaneReader, _ names: [String], corr: (String, Int) -> String,
                      beta: (String) -> String,
                      width: Int) -> Table {
        func column(_ e: (String) -> String, _ scale: Double, _ f: NumberFormatKind) -> [Table.Entry] {
            names.map { x in
                let v = reader.value(e(x)).map { $0 * scale }
                return Table.Entry(v.map(f.format) ?? NumberFormatKind.absent, style: v.flatMap(f.signRole).map { .role($0) })
            }
        }
        return Table.fitted([
            .init(.init("vs 2y"), names.map { Table.Entry($0) }, priority: 0),
            .init(.init("corr20", alignment: .right), column({ corr($0, 20) }, 1, .signed(2)), priority: 1),
            .init(.init("corr60", alignment: .right), column({ corr($0, 60) }, 1, .signed(2)), priority: 0),
            .init(.init("%/100bp", alignment: .right), column(beta, 100, .signed(1)), priority: 2),
        ], width: width)
    }
}
