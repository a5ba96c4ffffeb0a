public import RotorCore

/// Pane 2, MAG7 vs SPX: is the equal-weight Magnificent 7 beating the index, and
/// are its names moving together or apart?
public enum Mag7Pane {
    static func basket(_ r: Roles) -> String { "ewbasket(\(r.mag7.joined(separator: ",")))" }
    static func relative(_ r: Roles) -> String { "ratio(\(basket(r)),\(r.index))" }
    static func dispersion(_ r: Roles) -> String { "dispersion(\(r.mag7.joined(separator: ",")))" }

    public static func expressions(_ r: Roles) -> [String] {
        BuiltinExpressions.mag7(r) + [1, 5, 20].map { "chg(\(relative(r)),\($0))" }
            + ["sma(\(dispersion(r)),20)", r.index] + r.mag7
    }

    public static func content(_ reader: PaneReader) -> PaneContent {
        let r = reader.roles
        let rel = relative(r)
        var c = PaneContent()
        c.expressions = expressions(r)
        c.readings = [
            reader.reading("vs \(r.index) 1d", "chg(\(rel),1)", .percent),
            reader.reading("5d", "chg(\(rel),5)", .percent),
            reader.reading("20d", "chg(\(rel),20)", .percent),
            reader.reading("dispersion", dispersion(r), .percentLevel(decimals: 2)),
            reader.reading("20d avg", "sma(\(dispersion(r)),20)", .percentLevel(decimals: 2)),
        ]
        c.detail = [
            reader.reading("z 1y", "zscore(\(rel),252)", .signed(2)),
            reader.reading("basket", basket(r), .decimals(2)),
            reader.reading(r.index, r.index, .decimals(2)),
        ]
        c.table = { table(reader, width: $0) }
        c.legend = legend([("MAG7/\(r.index), start of lookback = 100", .series1)])
        c.chart = rebasedChart(reader)
        return c
    }

    /// Last, 1d, 5d and 20d change per name (changes in the up or down colour), and a
    /// sparkline of the last 20 sessions in what width is left; in a narrow pane the
    /// last price, then the 20d and 5d columns give way.
    static func table(_ reader: PaneReader, width: Int) -> Table {
        let names = reader.roles.mag7
        func change(_ n: Int) -> [Table.Entry] {
            names.map { name in
                let v = reader.value("chg(\(name),\(n))")
                return Table.Entry(v.map(NumberFormatKind.percent(decimals: 1).format) ?? NumberFormatKind.absent,
                                   style: v.map { .role($0 < 0 ? .down : .up) })
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

    /// The basket relative to the index, rebased to 100 on the first date of the lookback.
    static func rebasedChart(_ reader: PaneReader) -> LineChart? {
        let w = reader.window(relative(reader.roles))
        guard let base = w.values.first, base != 0 else { return nil }
        let rebased = w.values.map { 100 * $0 / base }
        return LineChart(lines: [.init(rebased, style: .role(.series1))], dates: w.dates, reference: 100,
                         valueLabel: { NumberLabel.fixed($0, decimals: 1) })
    }
}
