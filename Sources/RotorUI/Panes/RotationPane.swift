public import RotorCore

/// Pane 1, RTY/ES: are small caps taking over from large caps (and from tech), and is
/// the move extreme? The ratio against its 50-day average, its changes, the 10-day
/// spreads against ES and NQ with their z-scores and how far back they reach, and
/// where the ratio sits in its year. One view per pair (RTY/ES, RTY/NQ): each charts
/// its ratio; the spreads of both pairs are in every view, in the same places.
public enum RotationPane {
    /// Small caps against one other index.
    struct Pair {
        let small: String
        let other: String
        var ratio: String { "ratio(\(small),\(other))" }
        var spread: String { "spread(\(small),\(other),10)" }
        var spreadZ: String { "zscore(\(spread),252)" }
        var label: String { "\(small)/\(other)" }
    }

    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let large = Pair(small: r.small, other: r.large), tech = Pair(small: r.small, other: r.tech)
        // METRICS.md's rotation extreme: |spread z| at or beyond the threshold, signed.
        // The strip says `RTY/ES EXTREME leading`. Only the pane's own pair raises it:
        // RTY/NQ's z is a reading, not an alert (METRICS.md defines the extreme on RTY/ES).
        func extreme(_ comparison: Condition.Comparison, _ bound: Double, _ words: RotationExtreme) -> FlagSpec {
            .when(Condition(large.spreadZ, comparison, bound)) { reader in
                let z = reader.value(large.spreadZ).map(NumberFormatKind.signed(2).format) ?? NumberFormatKind.absent
                return ActiveFlag(.alert, "EXTREME", detail: [FlagDetail(words.rawValue), FlagDetail("(spread z \(z))", or: "z \(z)")],
                                  brief: words == .smallCapsLeading ? "leading" : "lagging")
            }.alert("rotation-extreme")
        }
        // Both spreads in every view: a positive one is "largest since", a negative one
        // "lowest since" (RecordSpec), shown while it reaches back a year or more.
        let spreads: [ReadingSpec] = [
            .init("10d spread", large.spread, .basisPoints).record(.bySign, high: .largest),
            .init("spread z", large.spreadZ, .signed(2)).joined(),
            .init("\(tech.label) 10d", tech.spread, .basisPoints).record(.bySign, high: .largest),
            .init("spread z", tech.spreadZ, .signed(2)).joined(),
        ]
        return PaneSpec(
            name: "rotation", title: "RTY/ES",
            views: [large, tech].map { pair in
                // The pane's own pair is its title; the other names itself.
                let ratioLabel = pair.other == r.large ? "ratio" : pair.label
                return .init(
                    readings: [
                        // The ratio's numbers, then the spreads': each label next to its subject.
                        .init(ratioLabel, pair.ratio, .decimals(4)),
                        .init("1d", "chg(\(pair.ratio),1)", .percent).joined(),
                        .init("5d", "chg(\(pair.ratio),5)", .percent).joined(),
                        .init("20d", "chg(\(pair.ratio),20)", .percent).joined(),
                        .init("z 1y", "zscore(\(pair.ratio),252)", .signed(2)),
                        .init("pct 1y", "pctrank(\(pair.ratio),252)", .decimals(0)).joined(),
                    ] + spreads,
                    detail: [
                        .init("50d avg", "sma(\(pair.ratio),50)", .decimals(4)),
                        .init("1y high", "max(\(pair.ratio),252)", .decimals(4)),
                        .init("1y low", "min(\(pair.ratio),252)", .decimals(4)),
                        .init(pair.small, pair.small, .decimals(2)),
                        .init(pair.other, pair.other, .decimals(2)),
                    ],
                    chart: ChartSpec([.init(pair.ratio, pair.label, .series1), .init("sma(\(pair.ratio),50)", "50d avg", .series2)],
                                     legendHint: "next pair", valueLabel: { NumberLabel.fixed($0, decimals: 4) }))
            },
            viewsName: "charted pair",
            flags: [extreme(.atLeast, t.rotationZ, .smallCapsLeading), extreme(.atMost, -t.rotationZ, .smallCapsLagging)])
    }
}
