public import RotorCore

/// Pane 4, BREADTH: how many members take part in the move, and is participation
/// at an extreme of its year (or turning away from one)?
public enum BreadthPane {
    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let u = "@" + r.universe
        // The series whose percentile flags the extremes (METRICS.md "breadth extreme").
        let above50 = "above(\(u),50)"
        let percentile = "pctrank(\(above50),252)"
        let tableReads = tableWindows(zoomed: true).flatMap { tableExpressions(u, $0) }
        return PaneSpec(
            name: "breadth", title: "BREADTH",
            views: [.init(
                readings: [
                    .init("% > 50d", above50, .percentLevel(decimals: 1)).record(.both),
                    .init("pct 1y", percentile, .decimals(0)).joined(),
                    .init("net adv", "netadv(\(u))", .count),
                    .init("McClellan", "mcclellan(\(u))", .signed(1)),
                    .init("NH-NL", "nhnl(\(u),252)", .count),
                ],
                detail: [.init("advances", "advances(\(u))", .decimals(0)),
                         .init("declines", "declines(\(u))", .decimals(0)),
                         .init("A/D line", "adline(\(u))", .decimals(0))],
                chart: ChartSpec([.init(above50, "% > 50d", .series1)], band: above50,
                                 legend: [.init("% > 50d", .series1),
                                          .init("pct \(whole(t.breadthLow))/\(whole(t.breadthHigh)) of 1y", .dim)],
                                 valueLabel: { NumberLabel.fixed($0, decimals: 1) }))],
            flags: [FlagSpec(reads: [percentile]) { extremeFlag($0, percentile: percentile, t) }
                .alerts(["breadth-extreme-high", "breadth-extreme-low", "breadth-reversing"])],
            rows: [RowSpec(reads: ["adline(\(u))"]) { reader in
                let adline = reader.window("adline(\(u))", sessions: 40)
                guard !adline.isEmpty else { return nil }
                return TextLine([Span("A/D 40d ", style: .role(.dim)),
                                 Span(Sparkline.glyphs(adline.values, width: 40), style: .role(.series1))])
            }],
            table: TableSpec(reads: tableReads) { reader, room in table(reader, u, t, room) })
    }

    /// EXTREME HIGH/LOW while the percentile is at a threshold (an alert), REVERSING
    /// for the rows after it left one (a warning; METRICS.md). The strip says
    /// `BREADTH EXTREME LOW`, `BREADTH REVERSING from HIGH`.
    static func extremeFlag(_ reader: PaneReader, percentile: String, _ t: Thresholds) -> ActiveFlag? {
        guard let state = BreadthExtreme(percentile: reader.window(percentile, sessions: t.reversalRows + 1),
                                         lookback: t.reversalRows, high: t.breadthHigh, low: t.breadthLow) else { return nil }
        let pct = reader.value(percentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
        if let side = state.side {
            return ActiveFlag(.alert, side.rawValue, detail: [FlagDetail("% > 50d at pct \(pct)", or: "pct \(pct)"),
                                                             FlagDetail("of its year", or: "of 1y")],
                              alert: side == .high ? "breadth-extreme-high" : "breadth-extreme-low")
        } else if let from = state.reversingFrom {
            let side = from == .high ? "HIGH" : "LOW"
            return ActiveFlag(.warn, "REVERSING", detail: [FlagDetail("from \(from.rawValue)", or: "from \(side)"), "(pct \(pct))"],
                              brief: "from \(side)", alert: "breadth-reversing")
        }
        return nil
    }

    private static func whole(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : NumberLabel.compact(x)
    }

    /// The moving averages the table's rows count members above; zoomed, the 10 and
    /// 100-day join them.
    static func tableWindows(zoomed: Bool) -> [Int] { zoomed ? [10, 20, 50, 100, 200] : [20, 50, 200] }

    /// A row's expressions: % above, its 1-year percentile, low, high and average.
    static func tableExpressions(_ u: String, _ n: Int) -> [String] {
        let above = "above(\(u),\(n))"
        return [above, "pctrank(\(above),252)", "min(\(above),252)", "max(\(above),252)", "sma(\(above),252)"]
    }

    /// % above the 20, 50 and 200-day averages with each one's percentile of its year
    /// (at an extreme in the alert style); a wide pane adds the year's low, high and
    /// average, so "61.5%" has its range; zoomed, rows for the 10 and 100-day.
    static func table(_ reader: PaneReader, _ u: String, _ t: Thresholds, _ room: TableRoom) -> Table {
        let windows = tableWindows(zoomed: room.isZoomed)
        let above = windows.map { "above(\(u),\($0))" }
        let level = NumberFormatKind.percentLevel(decimals: 1)
        return Table.fitted([
            .init(.init("above"), windows.map { Table.Entry("> \($0)d") }, priority: 0),
            reader.numberColumn("% now", above, level, priority: 0),
            reader.numberColumn("pct 1y", above.map { "pctrank(\($0),252)" }, .decimals(0), priority: 0, style: { pct in
                BreadthExtreme.side(pct, high: t.breadthHigh, low: t.breadthLow).map { _ in Style.role(.alert).bold() }
            }),
            reader.numberColumn("1y low", above.map { "min(\($0),252)" }, level, priority: 2),
            reader.numberColumn("1y high", above.map { "max(\($0),252)" }, level, priority: 2),
            reader.numberColumn("1y avg", above.map { "sma(\($0),252)" }, level, priority: 3),
        ], width: room.width)
    }
}
