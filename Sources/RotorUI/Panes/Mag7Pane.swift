public import RotorCore

/// Pane 2, MAG7 vs SPX: is the equal-weight Magnificent 7 beating the index, and
/// are its names moving together or apart? And what options price for that: implied
/// correlation (COR1M) against the names' realized one. When the Mag7 give the
/// index less support, implied correlation can blow out.
public enum Mag7Pane {
    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let basket = "ewbasket(\(r.mag7.joined(separator: ",")))"
        let rel = "ratio(\(basket),\(r.index))"
        let dispersion = "dispersion(\(r.mag7.joined(separator: ",")))"
        let corr = Correlation(r)
        let readings: [ReadingSpec] = [
            .init("vs \(r.index) 1d", "chg(\(rel),1)", .percent),
            .init("5d", "chg(\(rel),5)", .percent).joined(),
            .init("20d", "chg(\(rel),20)", .percent).joined(),
            .init("dispersion", dispersion, .percentLevel(decimals: 2)),
            .init("20d avg", "sma(\(dispersion),20)", .percentLevel(decimals: 2)).joined(),
            .init(corr.implied, corr.implied, .decimals(1)),
            .init("pct 1y", corr.percentile, .decimals(0)).joined(),
            .init("RC20", corr.realized, .decimals(1)),
            .init("gap", corr.gap, .signed(1)).joined(),
        ]
        let detail: [ReadingSpec] = [
            .init("z 1y", "zscore(\(rel),252)", .signed(2)),
            .init("basket", basket, .decimals(2)),
            .init(r.index, r.index, .decimals(2)),
            .init("\(corr.implied) 20d avg", corr.average, .decimals(1)),
            .init("gap z 1y", corr.gapZ, .signed(2)),
        ]
        // Two charts, the same numbers: the basket against the index, and implied
        // against realized correlation (`v` switches).
        let relative = ChartSpec([.init(rel, "MAG7/\(r.index)", .series1)], levels: [.init(100)], rebasedTo: 100,
                                 legend: [.init("MAG7/\(r.index), start of lookback = 100", .series1)],
                                 legendHint: "correlation", valueLabel: { NumberLabel.fixed($0, decimals: 1) })
        let correlation = ChartSpec([.init(corr.implied, "\(corr.implied) implied", .series1),
                                     .init(corr.realized, "RC20 realized", .series2)],
                                    legendHint: "MAG7/\(r.index)", valueLabel: { NumberLabel.fixed($0, decimals: 1) })
        return PaneSpec(
            name: "mag7", title: "MAG7 vs SPX",
            views: [.init(readings: readings, detail: detail, chart: relative),
                    .init(readings: readings, detail: detail, chart: correlation)],
            viewsName: "chart",
            flags: [
                // Implied correlation at the top of its own year: the index's options
                // price the names moving as one (a selloff, or the Mag7 not holding it up).
                .when(Condition(corr.percentile, .atLeast, t.impliedCorrHigh)) { reader in
                    let pct = reader.value(corr.percentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
                    return ActiveFlag(.warn, "CORR HIGH", detail: [FlagDetail("\(corr.implied) at pct \(pct)", or: "pct \(pct)"),
                                                                 FlagDetail("of its year", or: "of 1y")],
                                      subject: corr.implied)
                }.alert("implied-corr-high"),
            ],
            table: TableSpec(reads: tableReads(r.mag7 + [basket, r.index])) { reader, room in
                table(r.mag7, basket: basket, index: r.index, reader, room)
            })
    }

    /// Implied against realized correlation of the names, both in correlation points
    /// (0-100, as Cboe quotes COR1M): the realized one is METRICS.md's `avgcorr` of
    /// the names' daily returns over 20 rows, x100.
    struct Correlation {
        let implied: String
        let realized: String
        init(_ r: Roles) {
            implied = r.impliedCorr
            realized = "mul(avgcorr(\(r.mag7.map { "ret(\($0))" }.joined(separator: ",")),20),100)"
        }
        /// Where implied correlation sits in its year.
        var percentile: String { "pctrank(\(implied),252)" }
        /// Implied minus realized: what options charge for the names moving together.
        var gap: String { "sub(\(implied),\(realized))" }
        var gapZ: String { "zscore(\(gap),252)" }
        var average: String { "sma(\(implied),20)" }
    }

    /// The changes the table shows per name: over 1, 5, 20 and 60 sessions.
    static let changeWindows = [1, 5, 20, 60]

    /// Every expression the table's cells read for these rows.
    static func tableReads(_ names: [String]) -> [String] {
        names + names.flatMap { name in
            changeWindows.map { "chg(\(name),\($0))" } + ["max(\(name),252)", "min(\(name),252)", "rvol(\(name),20)"]
        }
    }

    /// Last, 1d, 5d and 20d change per name (changes in the up or down colour), and a
    /// sparkline of the last 20 sessions in what width is left; in a narrow pane the
    /// last price, then the 20d and 5d columns give way. A wide pane adds the 60d
    /// change, the 1-year high and low and the 20-day realized volatility while the
    /// sparkline keeps its 20 columns;
    /// zoomed, the basket and the index follow the names, to hold each name against.
    static func table(_ names: [String], basket: String, index: String, _ reader: PaneReader, _ room: TableRoom) -> Table {
        let rows = names.map { ($0, $0) } + (room.isZoomed ? [("MAG7 ew", basket), (index, index)] : [])
        let sources = rows.map(\.1)
        func change(_ n: Int, priority: Int) -> Table.RankedColumn {
            reader.numberColumn("\(n)d", sources.map { "chg(\($0),\(n))" }, .percent(decimals: 1), priority: priority,
                                coloursBySign: true)
        }
        let core: [Table.RankedColumn] = [
            .init(.init("name"), rows.map { Table.Entry($0.0) }, priority: 0),
            reader.numberColumn("last", sources, .decimals(2), priority: 3),
            change(1, priority: 0), change(5, priority: 1), change(20, priority: 2),
        ]
        let wide: [Table.RankedColumn] = [
            change(60, priority: 4),
            reader.numberColumn("1y high", sources.map { "max(\($0),252)" }, .decimals(2), priority: 5),
            reader.numberColumn("1y low", sources.map { "min(\($0),252)" }, .decimals(2), priority: 5),
            reader.numberColumn("RV20", sources.map { "rvol(\($0),20)" }, .decimals(1), priority: 6),
        ]
        let trend = 20
        let narrow = Table.fitted(core, width: room.width)
        // The wide columns only in what is left after a whole sparkline.
        var table = narrow.columns.count < core.count ? narrow
            : Table.fitted(core + wide, width: max(narrow.naturalWidth, room.width - trend - narrow.spacing))
        let width = min(trend, room.width - table.naturalWidth - table.spacing)
        if width >= 5 {
            table.columns.append(.init("trend", width: .fixed(width), alignment: .left))
            for (i, source) in sources.enumerated() {
                table.rows[i].append(Table.Entry(Sparkline.glyphs(reader.window(source, sessions: trend).values, width: width),
                                                 style: .role(.series1)))
            }
        }
        return table
    }
}
