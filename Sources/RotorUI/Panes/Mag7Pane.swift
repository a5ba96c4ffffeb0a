public import RotorCore

/// Pane 2, MAG7 vs SPX: is the equal-weight Magnificent 7 beating the index, and
/// are its names moving together or apart?
public enum Mag7Pane {
    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let basket = "ewbasket(\(r.mag7.joined(separator: ",")))"
        let rel = "ratio(\(basket),\(r.index))"
        let dispersion = "dispersion(\(r.mag7.joined(separator: ",")))"
        return PaneSpec(
            name: "mag7", title: "MAG7 vs SPX",
            views: [.init(
                readings: [
                    .init("vs \(r.index) 1d", "chg(\(rel),1)", .percent),
                    .init("5d", "chg(\(rel),5)", .percent),
                    .init("20d", "chg(\(rel),20)", .percent),
                    .init("dispersion", dispersion, .percentLevel(decimals: 2)),
                    .init("20d avg", "sma(\(dispersion),20)", .percentLevel(decimals: 2)),
                ],
                detail: [
                    .init("z 1y", "zscore(\(rel),252)", .signed(2)),
                    .init("basket", basket, .decimals(2)),
                    .init(r.index, r.index, .decimals(2)),
                ],
                chart: ChartSpec([.init(rel, "MAG7/\(r.index)", .series1)], levels: [.init(100)], rebasedTo: 100,
                                 legend: [.init("MAG7/\(r.index), start of lookback = 100", .series1)],
                                 valueLabel: { NumberLabel.fixed($0, decimals: 1) }))],
            table: TableSpec(reads: r.mag7 + r.mag7.flatMap { name in [1, 5, 20].map { "chg(\(name),\($0))" } }) {
                table(r.mag7, $0, width: $1)
            })
    }

    /// Last, 1d, 5d and 20d change per name (changes in the up or down colour), and a
    /// sparkline of the last 20 sessions in what width is left; in a narrow pane the
    /// last price, then the 20d and 5d columns give way.
    static func table(_ names: [String], _ reader: PaneReader, width: Int) -> Table {
        func change(_ n: Int) -> [Table.Entry] {
            names.map { name in
                let v = reader.value("chg(\(name),\(n))"), format = NumberFormatKind.percent(decimals: 1)
                return Table.Entry(v.map(format.format) ?? NumberFormatKind.absent,
                                   style: v.flatMap(format.signRole).map { .role($0) })
            }
        }
        let last = names.map { Table.Entry(reader.value($0).map { NumberLabel.fixed($0, decimals: 2) } ?? NumberFormatKind.absent) }
        var table = Table.fitted([
            .init(.init("name"), names.map { Table.Entry($0) }, priority: 0),
            .init(.init("last", alignment: .right), last, priority: 3),
            .init(.init("1d", alignment: .right), change(1), priority: 0),
            .init(.init("5d", alignment: .right), change(5), priority: 1),
            .init(.init("20d", alignment: .right), change(20), priority: 2),
        ], width: width)
        let room = min(20, width - table.naturalWidth - table.spacing)
        if room >= 5 {
            table.columns.append(.init("trend", width: .fixed(room), alignment: .left))
            for (i, name) in names.enumerated() {
                table.rows[i].append(Table.Entry(Sparkline.glyphs(reader.window(name, sessions: 20).values, width: room),
                                                 style: .role(.series1)))
            }
        }
        return table
    }
}
