public import RotorCore

/// Pane 1, RTY/ES: are small caps taking over from large caps, and is the move
/// extreme? The ratio against its 50-day average, its changes, the 10-day spread and
/// where the ratio sits in its year.
public enum RotationPane {
    public static func expressions(_ r: Roles) -> [String] {
        let ratio = "ratio(\(r.small),\(r.large))"
        return BuiltinExpressions.rotation(r) + ["max(\(ratio),252)", "min(\(ratio),252)", r.small, r.large]
    }

    public static func content(_ reader: PaneReader) -> PaneContent {
        let r = reader.roles
        let ratio = "ratio(\(r.small),\(r.large))"
        let spread = "spread(\(r.small),\(r.large),10)"
        let spreadZ = "zscore(\(spread),252)"
        var c = PaneContent()
        c.expressions = expressions(r)
        c.readings = [
            reader.reading("ratio", ratio, .decimals(4)),
            reader.reading("1d", "chg(\(ratio),1)", .percent),
            reader.reading("5d", "chg(\(ratio),5)", .percent),
            reader.reading("20d", "chg(\(ratio),20)", .percent),
            reader.reading("10d spread", spread, .basisPoints),
            reader.reading("z 1y", "zscore(\(ratio),252)", .signed(2)),
            reader.reading("pct 1y", "pctrank(\(ratio),252)", .decimals(0)),
            reader.reading("spread z", spreadZ, .signed(2)),
        ]
        if let z = reader.value(spreadZ), let extreme = RotationExtreme(spreadZscore: z, threshold: reader.model.thresholds.rotationZ) {
            c.flags.append(TextLine([Span("EXTREME", style: Style.role(.alert).bold()),
                                    Span(" \(extreme.rawValue)", style: .role(.alert))]))
        }
        c.detail = [
            reader.reading("50d avg", "sma(\(ratio),50)", .decimals(4)),
            reader.reading("1y high", "max(\(ratio),252)", .decimals(4)),
            reader.reading("1y low", "min(\(ratio),252)", .decimals(4)),
            reader.reading(r.small, r.small, .decimals(2)),
            reader.reading(r.large, r.large, .decimals(2)),
        ]
        c.legend = legend([("\(r.small)/\(r.large)", .series1), ("50d avg", .series2)])
        c.chart = .of([(ratio, .series1), ("sma(\(ratio),50)", .series2)], reader: reader,
                      valueLabel: { NumberLabel.fixed($0, decimals: 4) })
        return c
    }
}
