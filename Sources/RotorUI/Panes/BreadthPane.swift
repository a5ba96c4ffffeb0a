public import RotorCore

/// Pane 4, BREADTH: how many members take part in the move, and is participation
/// at an extreme of its year (or turning away from one)?
public enum BreadthPane {
    static func universe(_ r: Roles) -> String { "@" + r.universe }
    /// The series whose percentile flags the extremes (METRICS.md "breadth extreme").
    public static func extremeSeries(_ r: Roles) -> String { "above(\(universe(r)),50)" }

    public static func expressions(_ r: Roles) -> [String] {
        let u = universe(r)
        return BuiltinExpressions.breadth(r) + ["pctrank(above(\(u),20),252)", "pctrank(above(\(u),200),252)",
                                                "advances(\(u))", "declines(\(u))"]
    }

    public static func content(_ reader: PaneReader) -> PaneContent {
        let r = reader.roles
        let u = universe(r)
        let above50 = extremeSeries(r)
        let percentile = "pctrank(\(above50),252)"
        var c = PaneContent()
        c.expressions = expressions(r)
        c.readings = [
            reader.reading("% > 50d", above50, .percentLevel(decimals: 1)),
            reader.reading("pct 1y", percentile, .decimals(0)),
            reader.reading("net adv", "netadv(\(u))", .count),
            reader.reading("McClellan", "mcclellan(\(u))", .signed(1)),
            reader.reading("NH-NL", "nhnl(\(u),252)", .count),
        ]
        let t = reader.model.thresholds
        if let state = BreadthExtreme(percentile: reader.window(percentile, sessions: t.reversalRows + 1),
                                      lookback: t.reversalRows, high: t.breadthHigh, low: t.breadthLow) {
            let pct = reader.value(percentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
            if let side = state.side {
                c.flags.append(TextLine([Span(side.rawValue, style: Style.role(.alert).bold()),
                                        Span(" % > 50d at pct \(pct) of its year", style: .role(.alert))]))
            } else if let from = state.reversingFrom {
                c.flags.append(TextLine([Span("REVERSING", style: Style.role(.warn).bold()),
                                        Span(" from \(from.rawValue) (pct \(pct))", style: .role(.warn))]))
            }
        }
        let adline = reader.window("adline(\(u))", sessions: 40)
        if !adline.isEmpty {
            c.rows.append(TextLine([Span("A/D 40d ", style: .role(.dim)),
                                    Span(Sparkline.glyphs(adline.values, width: 40), style: .role(.series1))]))
        }
        c.table = { _ in table(reader) }
        c.detail = [reader.reading("advances", "advances(\(u))", .decimals(0)),
                    reader.reading("declines", "declines(\(u))", .decimals(0)),
                    reader.reading("A/D line", "adline(\(u))", .decimals(0))]
        c.legend = legend([("% > 50d", .series1),
                           ("pct \(whole(t.breadthLow))/\(whole(t.breadthHigh)) of 1y", .dim)])
        c.chart = chart(reader)
        return c
    }

    private static func whole(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : NumberLabel.compact(x)
    }

    /// % above the 20, 50 and 200-day averages with each one's percentile of its year.
    static func table(_ reader: PaneReader) -> Table {
        let u = universe(reader.roles)
        let t = reader.model.thresholds
        let rows: [[Table.Entry]] = [20, 50, 200].map { n in
            let pct = reader.value("pctrank(above(\(u),\(n)),252)")
            return [Table.Entry("> \(n)d"),
                    Table.Entry(reader.value("above(\(u),\(n))").map(NumberFormatKind.percentLevel(decimals: 1).format)
                                ?? NumberFormatKind.absent),
                    Table.Entry(pct.map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent,
                                style: pct.flatMap { BreadthExtreme.side($0, high: t.breadthHigh, low: t.breadthLow) }
                                    .map { _ in Style.role(.alert).bold() })]
        }
        return Table(columns: [.init("above"), .init("% now", alignment: .right), .init("pct 1y", alignment: .right)],
                     rows: rows, headerStyle: .role(.dim))
    }

    /// % above 50d with the levels where its percentile reaches 5 and 95.
    static func chart(_ reader: PaneReader) -> LineChart? {
        let line = reader.window(extremeSeries(reader.roles))
        guard !line.isEmpty else { return nil }
        let band = reader.model.breadthBand
        func windowed(_ s: Series) -> Series { s.last(reader.lookback.sessions, onOrBefore: reader.asOf) }
        return LineChart(lines: [.init(series: line, axis: line.dates, style: .role(.series1)),
                                 .init(series: windowed(band.high), axis: line.dates, style: .role(.dim)),
                                 .init(series: windowed(band.low), axis: line.dates, style: .role(.dim))],
                         dates: line.dates, valueLabel: { NumberLabel.fixed($0, decimals: 1) })
    }
}
