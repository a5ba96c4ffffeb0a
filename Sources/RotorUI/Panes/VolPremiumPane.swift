public import RotorCore

/// Pane 3, VOL PREMIUM: is implied volatility rich or cheap against what the
/// futures actually realize? One row per (implied index, underlying) pair; IV<RV
/// (implied at a discount) in the warning colour; one view per pair, charting it.
public enum VolPremiumPane {
    struct Pair {
        let implied: String
        let underlying: String
        var realized: String { "rvol(\(underlying),20)" }
        var premium: String { "sub(\(implied),\(realized))" }
        var ratio: String { "div(\(implied),\(realized))" }
        var percentile: String { "pctrank(\(premium),252)" }
        var label: String { "\(implied)/\(underlying)" }
        var zscore: String { "zscore(\(premium),252)" }
        var average: String { "sma(\(premium),20)" }
        var expressions: [String] { [implied, realized, premium, ratio, percentile, zscore, average] }
    }

    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let pairs = r.volPairs.map { Pair(implied: $0.implied, underlying: $0.underlying) }
        // METRICS.md: implied at a discount to realized is a premium below zero.
        let discount = (when: Condition.Comparison.below, bound: 0.0, style: Style.role(.warn).bold())
        return PaneSpec(
            name: "vol", title: "VOL PREMIUM",
            views: pairs.map { pair in
                .init(readings: [.init(pair.implied, pair.implied, .decimals(2)),
                                 .init("RV20 \(pair.underlying)", pair.realized, .decimals(2)),
                                 .init("premium", pair.premium, .points, emphasis: discount).record(.bySign)],
                      detail: [.init("IV/RV", pair.ratio, .multiple),
                               .init("premium pct 1y", pair.percentile, .decimals(0))],
                      chart: ChartSpec([.init(pair.implied, "\(pair.implied) implied", .series1),
                                        .init(pair.realized, "RV20 \(pair.underlying)", .series2)],
                                       legendHint: "next pair"))
            },
            viewsName: "implied/realized pair",
            // METRICS.md's implied below realized, one flag per pair: the strip says `VIX IV<RV`.
            flags: pairs.map { pair in
                .when(Condition(pair.premium, .below, 0)) { reader in
                    let premium = reader.value(pair.premium).map(NumberFormatKind.points.format) ?? NumberFormatKind.absent
                    return ActiveFlag(.warn, "IV<RV", detail: [FlagDetail(pair.label, or: pair.implied), FlagDetail("premium \(premium)", or: premium)], subject: pair.implied)
                }.alert("iv-below-rv:\(pair.implied)")
            },
            table: pairs.isEmpty ? nil : TableSpec(reads: pairs.flatMap(\.expressions)) { table($0, pairs, width: $1.width) })
    }

    /// One row per pair: implied, realized, premium, IV/RV, the premium's percentile
    /// of its year and the IV<RV flag; a narrow pane keeps the pair, premium and flag.
    /// A wide one adds the premium's 1-year z-score and 20-day average, and spells the
    /// headers out when every column fits with them.
    static func table(_ reader: PaneReader, _ pairs: [Pair], width: Int) -> Table {
        let discount = pairs.map { p in reader.value(p.premium).map { isImpliedBelowRealized(premium: $0) } ?? false }
        let warn = Style.role(.warn).bold()
        func columns(long: Bool) -> [Table.RankedColumn] {
            func header(_ short: String, _ full: String) -> String { long ? full : short }
            return [
                .init(.init("pair"), pairs.map { Table.Entry(width < 30 ? $0.implied : $0.label) }, priority: 0),
                reader.numberColumn(header("IV", "implied"), pairs.map(\.implied), .decimals(2), priority: 2),
                reader.numberColumn("RV20", pairs.map(\.realized), .decimals(2), priority: 3),
                reader.numberColumn(header("prem", "premium"), pairs.map(\.premium), .signed(2), priority: 0,
                                    style: { isImpliedBelowRealized(premium: $0) ? warn : nil }),
                reader.numberColumn("IV/RV", pairs.map(\.ratio), .multiple, priority: 4),
                reader.numberColumn(header("pct", "pct 1y"), pairs.map(\.percentile), .decimals(0), priority: 1),
                reader.numberColumn("z 1y", pairs.map(\.zscore), .signed(2), priority: 5),
                reader.numberColumn(header("avg20", "20d avg"), pairs.map(\.average), .signed(2), priority: 6),
                // Counted at its widest on every date, so its coming and going moves nothing.
                .init(.init("", alignment: .left), discount.map { Table.Entry($0 ? "IV<RV" : "", style: warn) },
                      priority: 0, widest: DisplayWidth.of("IV<RV")),
            ]
        }
        let long = columns(long: true)
        let spelled = Table.fitted(long, width: width)
        return spelled.columns.count == long.count ? spelled : Table.fitted(columns(long: false), width: width)
    }
}
