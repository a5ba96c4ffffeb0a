public import RotorCore

/// Pane 1, RTY/ES: are small caps taking over from large caps, and is the move
/// extreme? The ratio against its 50-day average, its changes, the 10-day spread and
/// where the ratio sits in its year.
public enum RotationPane {
    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let ratio = "ratio(\(r.small),\(r.large))"
        let spread = "spread(\(r.small),\(r.large),10)"
        let spreadZ = "zscore(\(spread),252)"
        // METRICS.md's rotation extreme: |spread z| at or beyond the threshold, signed.
        // The strip says `RTY/ES EXTREME leading`.
        func extreme(_ comparison: Condition.Comparison, _ bound: Double, _ words: RotationExtreme) -> FlagSpec {
            .when(Condition(spreadZ, comparison, bound)) { reader in
                let z = reader.value(spreadZ).map(NumberFormatKind.signed(2).format) ?? NumberFormatKind.absent
                return ActiveFlag(.alert, "EXTREME", detail: [FlagDetail(words.rawValue), FlagDetail("(spread z \(z))", or: "z \(z)")],
                                  brief: words == .smallCapsLeading ? "leading" : "lagging")
            }.alert("rotation-extreme")
        }
        return PaneSpec(
            name: "rotation", title: "RTY/ES",
            views: [.init(
                readings: [
                    // The ratio's numbers, then the spread's: each label next to its subject.
                    .init("ratio", ratio, .decimals(4)),
                    .init("1d", "chg(\(ratio),1)", .percent).joined(),
                    .init("5d", "chg(\(ratio),5)", .percent).joined(),
                    .init("20d", "chg(\(ratio),20)", .percent).joined(),
                    .init("z 1y", "zscore(\(ratio),252)", .signed(2)),
                    .init("pct 1y", "pctrank(\(ratio),252)", .decimals(0)).joined(),
                    .init("10d spread", spread, .basisPoints),
                    .init("spread z", spreadZ, .signed(2)).joined(),
                ],
                detail: [
                    .init("50d avg", "sma(\(ratio),50)", .decimals(4)),
                    .init("1y high", "max(\(ratio),252)", .decimals(4)),
                    .init("1y low", "min(\(ratio),252)", .decimals(4)),
                    .init(r.small, r.small, .decimals(2)),
                    .init(r.large, r.large, .decimals(2)),
                ],
                chart: ChartSpec([.init(ratio, "\(r.small)/\(r.large)", .series1), .init("sma(\(ratio),50)", "50d avg", .series2)],
                                 valueLabel: { NumberLabel.fixed($0, decimals: 4) }))],
            flags: [extreme(.atLeast, t.rotationZ, .smallCapsLeading), extreme(.atMost, -t.rotationZ, .smallCapsLagging)])
    }
}
