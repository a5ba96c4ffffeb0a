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
        var expressions: [String] { [implied, realized, premium, ratio, percentile] }
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
                                 .init("premium", pair.premium, .points, emphasis: discount)],
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
                }
            },
            table: pairs.isEmpty ? nil : TableSpec(reads: pairs.flatMap(\.expressions)) { table($0, pairs, width: $1) })
    }

    /// One row per pair: implied, realized, premium, IV/RV, the premium's percentile
    /// of its year and the IV<RV flag; a narrow pane keeps the pair, premium and flag.
    static func table(_ reader: PaneReader, _ pairs: [Pair], width: Int) -> Table {
        func column(_ e: (Pair) -> String, _ f: NumberFormatKind) -> [Table.Entry] {
            pairs.map { Table.Entry(reader.value(e($0)).map(f.format) ?? NumberFormatKind.absent) }
        }
        let discount = pairs.map { p in reader.value(p.premium).map { isImpliedBelowRealized(premium: $0) } ?? false }
        let premium = pairs.enumerated().map { i, p in
            Table.Entry(reader.value(p.premium).map { NumberFormatKind.signed(2).format($0) } ?? NumberFormatKind.absent,
                        style: discount[i] ? Style.role(.warn).bold() : nil)
        }
        let narrow = width < 30
        return Table.fitted([
            .init(.init("pair"), pairs.map { Table.Entry(narrow ? $0.implied : $0.label) }, priority: 0),
            .init(.init("IV", alignment: .right), column(\.implied, .decimals(2)), priority: 2),
            .init(.init("RV20", alignment: .right), column(\.realized, .decimals(2)), priority: 3),
            .init(.init("prem", alignment: .right), premium, priority: 0),
            .init(.init("IV/RV", alignment: .right), column(\.ratio, .multiple), priority: 4),
            .init(.init("pct", alignment: .right), column(\.percentile, .decimals(0)), priority: 1),
            .init(.init("", alignment: .left),
                  discount.map { Table.Entry($0 ? "IV<RV" : "", style: Style.role(.warn).bold()) }, priority: 0),
        ], width: width)
    }
}
