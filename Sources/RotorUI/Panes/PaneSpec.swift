public import RotorCore

/// What one pane charts and which headline numbers it prints, as expressions of
/// the metric language (METRICS.md "Built-in names") for the configured roles.
public struct PaneSpec: Sendable {
    public struct ChartLine: Sendable {
        public let label: String
        public let expression: String
        public let role: StyleRole
    }

    public struct Headline: Sendable {
        public let label: String
        public let expression: String
        public let format: NumberFormatKind
    }

    public let pane: PaneID
    public let chart: [ChartLine]
    /// A horizontal reference line on the chart (zero for correlations).
    public let reference: Double?
    public let headlines: [Headline]

    public static func of(_ pane: PaneID, _ r: Roles) -> PaneSpec {
        let ratio = "ratio(\(r.small),\(r.large))"
        switch pane {
        case .rotation:
            return PaneSpec(pane: pane,
                            chart: [.init(label: "\(r.small)/\(r.large)", expression: ratio, role: .series1),
                                    .init(label: "50d", expression: "sma(\(ratio),50)", role: .series2)],
                            reference: nil,
                            headlines: [.init(label: "ratio", expression: ratio, format: .decimals(4)),
                                        .init(label: "20d chg", expression: "chg(\(ratio),20)", format: .percent),
                                        .init(label: "10d spread", expression: "spread(\(r.small),\(r.large),10)", format: .basisPoints),
                                        .init(label: "z 1y", expression: "zscore(\(ratio),252)", format: .signed(2))])
        case .mag7:
            let relative = "ratio(ewbasket(\(r.mag7.joined(separator: ","))),\(r.index))"
            return PaneSpec(pane: pane,
                            chart: [.init(label: "MAG7/\(r.index)", expression: relative, role: .series1)],
                            reference: nil,
                            headlines: [.init(label: "rel strength", expression: relative, format: .decimals(4)),
                                        .init(label: "5d chg", expression: "chg(\(relative),5)", format: .percent),
                                        .init(label: "z 1y", expression: "zscore(\(relative),252)", format: .signed(2))])
        case .volPremium:
            let pair = r.volPairs.first ?? (implied: "VIX", underlying: r.large)
            let realized = "rvol(\(pair.underlying),20)"
            return PaneSpec(pane: pane,
                            chart: [.init(label: pair.implied, expression: pair.implied, role: .series1),
                                    .init(label: "RV20", expression: realized, role: .series2)],
                            reference: nil,
                            headlines: [.init(label: pair.implied, expression: pair.implied, format: .decimals(2)),
                                        .init(label: "RV20 \(pair.underlying)", expression: realized, format: .decimals(2)),
                                        .init(label: "premium", expression: "sub(\(pair.implied),\(realized))", format: .points)])
        case .breadth:
            let u = "@" + r.universe
            return PaneSpec(pane: pane,
                            chart: [.init(label: "% > 50d", expression: "above(\(u),50)", role: .series1)],
                            reference: 50,
                            headlines: [.init(label: "% > 50d", expression: "above(\(u),50)", format: .decimals(1)),
                                        .init(label: "pct 1y", expression: "pctrank(above(\(u),50),252)", format: .decimals(0)),
                                        .init(label: "McClellan", expression: "mcclellan(\(u))", format: .signed(1))])
        case .rates:
            let d2 = "diff(\(r.twoYear))"
            return PaneSpec(pane: pane,
                            chart: [.init(label: "\(r.small) 60d", expression: "corr(ret(\(r.small)),\(d2),60)", role: .series1),
                                    .init(label: "\(r.tech) 60d", expression: "corr(ret(\(r.tech)),\(d2),60)", role: .series2)],
                            reference: 0,
                            headlines: [.init(label: "corr \(r.small)/2y 60d", expression: "corr(ret(\(r.small)),\(d2),60)", format: .signed(2)),
                                        .init(label: "2y", expression: r.twoYear, format: .decimals(2)),
                                        .init(label: "2s10s", expression: "sub(\(r.tenYear),\(r.twoYear))", format: .decimals(2))])
        }
    }

    /// Expressions the panes read beyond METRICS.md's built-in list.
    static func extraExpressions(_ r: Roles) -> [String] {
        PaneID.allCases.flatMap { pane in
            let spec = of(pane, r)
            return spec.chart.map(\.expression) + spec.headlines.map(\.expression)
        }
    }
}

/// How a headline number is written: fixed decimals per kind, a sign on changes,
/// the unit next to the number.
public enum NumberFormatKind: Sendable {
    case decimals(Int)
    case signed(Int)
    /// A fraction shown as a signed percentage with 2 decimals.
    case percent
    case basisPoints
    case points

    public func format(_ v: Double) -> String {
        switch self {
        case let .decimals(d): fixed(v, d)
        case let .signed(d): (v >= 0 ? "+" : "") + fixed(v, d)
        case .percent: (v >= 0 ? "+" : "") + fixed(100 * v, 2) + "%"
        case .basisPoints: (v >= 0 ? "+" : "") + fixed(v, 0) + " bp"
        case .points: (v >= 0 ? "+" : "") + fixed(v, 2) + " pts"
        }
    }

    /// Rounds half away from zero at `digits` decimals, without Foundation.
    private func fixed(_ v: Double, _ digits: Int) -> String {
        guard abs(v) < 1e15 else { return v.description }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        var text = String(whole)
        if digits > 0 {
            let fraction = String(Int(scaled) - whole * Int(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return (v < 0 && scaled != 0 ? "-" : "") + text
    }
}
