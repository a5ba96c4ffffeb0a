public import RotorCore

/// Pane 3, VOL PREMIUM: is implied volatility rich or cheap against what the
/// futures actually realize? One row per (implied index, underlying) pair; IV<RV
/// (implied at a discount) in the warning colour; a chart of the selected pair.
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

    static func pairs(_ r: Roles) -> [Pair] { r.volPairs.map { Pair(implied: $0.implied, underlying: $0.underlying) } }

    public static func expressions(_ r: Roles) -> [String] {
        BuiltinExpressions.volPremium(r) + pairs(r).flatMap(\.expressions)
    }

    /// `selected` picks the charted pair (the `v` key cycles it), wrapped to the pairs.
    public static func content(_ reader: PaneReader, selected: Int) -> PaneContent {
        let all = pairs(reader.roles)
        var c = PaneContent()
        c.expressions = expressions(reader.roles)
        guard !all.isEmpty else { return c }
        let pair = all[((selected % all.count) + all.count) % all.count]
        c.readings = [
            reader.reading(pair.implied, pair.implied, .decimals(2)),
            reader.reading("RV20 \(pair.underlying)", pair.realized, .decimals(2)),
            premiumReading(reader, pair),
        ]
        c.table = { table(reader, all, width: $0) }
        c.legend = legend([("\(pair.implied) implied", .series1), ("RV20 \(pair.underlying)", .series2)])
        if all.count > 1 { c.legend?.spans.append(Span("   v: next pair", style: .role(.dim))) }
        c.chart = .of([(pair.implied, .series1), (pair.realized, .series2)], reader: reader)
        c.detail = [reader.reading("IV/RV", pair.ratio, .multiple),
                    reader.reading("premium pct 1y", pair.percentile, .decimals(0))]
        return c
    }

    static func premiumReading(_ reader: PaneReader, _ pair: Pair) -> Reading {
        let v = reader.value(pair.premium)
        let discount = v.map { isImpliedBelowRealized(premium: $0) } ?? false
        return Reading(label: "premium", expression: pair.premium, value: v, format: .points,
                       style: discount ? Style.role(.warn).bold() : nil)
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
