public import RotorCore

/// Pane 5, RATES x EQUITIES: how stocks trade against the front end of the curve
/// (small caps usually fall when the 2-year rises; tech can flip), and what the curve
/// itself is doing.
public enum RatesPane {
    static func changes(_ r: Roles) -> String { "diff(\(r.twoYear))" }
    static func curve(_ r: Roles) -> String { "sub(\(r.tenYear),\(r.twoYear))" }
    static func corr(_ x: String, _ r: Roles, _ n: Int) -> String { "corr(ret(\(x)),\(changes(r)),\(n))" }
    static func beta(_ x: String, _ r: Roles) -> String { "beta(ret(\(x)),\(changes(r)),60)" }
    static func equities(_ r: Roles) -> [String] { [r.small, r.large, r.tech] }

    public static func expressions(_ r: Roles) -> [String] {
        BuiltinExpressions.rates(r) + [r.twoYear, r.tenYear]
            + equities(r).flatMap { [corr($0, r, 20), corr($0, r, 60), beta($0, r)] }
    }

    public static func content(_ reader: PaneReader) -> PaneContent {
        let r = reader.roles
        var c = PaneContent()
        c.expressions = expressions(r)
        c.readings = [
            reader.reading("corr \(r.small)/2y 60d", corr(r.small, r, 60), .signed(2)),
            reader.reading("2y", r.twoYear, .percentLevel(decimals: 2)),
            Reading(label: "5d", value: reader.change(r.twoYear, rows: 5).map { $0 * 100 }, format: .basisPoints),
            reader.reading("2s10s", curve(r), .basisPoints, scale: 100),
            Reading(label: "20d", value: reader.change(curve(r), rows: 20).map { $0 * 100 }, format: .basisPoints),
            reader.reading("MI", "mi(ret(\(r.small)),\(changes(r)),60,8)", .decimals(3)),
        ]
        if let regime = regime(reader) {
            c.flags.append(TextLine([Span("curve 20d ", style: .role(.dim)),
                                    Span(regime.rawValue, style: Style.role(.title).bold())]))
        }
        c.table = { table(reader, width: $0) }
        c.detail = [reader.reading("10y", r.tenYear, .percentLevel(decimals: 2)),
                    Reading(label: "2y 20d", value: reader.change(r.twoYear, rows: 20).map { $0 * 100 },
                            format: .basisPoints),
                    Reading(label: "10y 20d", value: reader.change(r.tenYear, rows: 20).map { $0 * 100 },
                            format: .basisPoints)]
        c.legend = legend([("\(r.small) 60d", .series1), ("\(r.tech) 60d", .series2), ("0", .dim)])
        c.chart = .of([(corr(r.small, r, 60), .series1), (corr(r.tech, r, 60), .series2)], reader: reader,
                      reference: 0, valueLabel: { NumberFormatKind.signed(2).format($0) })
        return c
    }

    /// METRICS.md's curve regime over the last 20 joined rows of the two yields.
    static func regime(_ reader: PaneReader) -> CurveRegime? {
        let r = reader.roles
        // 40 rows of each leave 21 joined rows unless the two calendars differ a lot.
        let two = reader.window(r.twoYear, sessions: 40), ten = reader.window(r.tenYear, sessions: 40)
        return CurveRegime.series(twoYear: two, tenYear: ten).last?.regime
    }

    /// Correlation with 2-year changes over 20 and 60 sessions and the 60-session
    /// beta, per equity; beta as % of return per 100 bp rise in the 2-year. A narrow
    /// pane drops the beta, then the 20-session column.
    static func table(_ reader: PaneReader, width: Int) -> Table {
        let r = reader.roles
        let names = equities(r)
        func column(_ e: (String) -> String, _ scale: Double, _ f: NumberFormatKind) -> [Table.Entry] {
            names.map { x in
                let v = reader.value(e(x)).map { $0 * scale }
                return Table.Entry(v.map(f.format) ?? NumberFormatKind.absent, style: v.map { .role($0 < 0 ? .down : .up) })
            }
        }
        return Table.fitted([
            .init(.init("vs 2y"), names.map { Table.Entry($0) }, priority: 0),
            .init(.init("corr20", alignment: .right), column({ corr($0, r, 20) }, 1, .signed(2)), priority: 1),
            .init(.init("corr60", alignment: .right), column({ corr($0, r, 60) }, 1, .signed(2)), priority: 0),
            .init(.init("%/100bp", alignment: .right), column({ beta($0, r) }, 100, .signed(1)), priority: 2),
        ], width: width)
    }
}
