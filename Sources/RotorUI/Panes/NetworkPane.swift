public import RotorCore

/// Page 2, NETWORK: how the futures market is wired together. The 60-row correlation
/// of every pair of the `[network]` symbols' inputs (returns of prices, changes of
/// yields) as a heatmap; its change against 20 rows ago; the mutual information of
/// each pair with its percentile in its year (dependence the correlation misses, as
/// on the rates pane); and the same correlations as a graph, the symbols on a circle
/// with an edge for every |corr| at or above `[network] edge`. Beside or below each:
/// the strongest edges and the largest changes (`RTY-ZN +0.45 (+0.30 in 20d)`).
public enum NetworkPane {
    /// The views the `next_view` key cycles through, in order.
    public enum Kind: Int, CaseIterable, Sendable {
        case correlation, change, mutualInformation, graph

        /// Its name on the pane's row of views.
        public var tab: String {
            switch self {
            case .correlation: "corr 60d"
            case .change: "chg 20d"
            case .mutualInformation: "MI"
            case .graph: "graph"
            }
        }
    }

    /// Rows of the correlation and of the MI windows, the MI's bins, the rows its
    /// percentile ranks over (a year), and the rows a change looks back.
    public static let window = 60
    public static let bins = 8
    public static let percentileWindow = 252
    public static let changeRows = 20

    /// Two symbols of the network (`i` < `j` in the config's order) and the
    /// expressions the pane reads of them.
    public struct Pair: Sendable, Equatable {
        public let i: Int
        public let j: Int
        public let first: String
        public let second: String
        /// `corr(ret(RTY),ret(ZN),60)`.
        public let correlation: String
        /// `mi(ret(RTY),ret(ZN),60,8)`.
        public let mutualInformation: String
        /// `pctrank(mi(ret(RTY),ret(ZN),60,8),252)`.
        public let percentile: String

        /// `RTY-ZN`.
        public var name: String { "\(first)-\(second)" }
    }

    /// Every pair of the roles' network symbols, in matrix order (row by row).
    public static func pairs(_ r: Roles) -> [Pair] {
        let symbols = r.network.symbols
        var out: [Pair] = []
        for i in symbols.indices {
            for j in symbols.indices where j > i {
                let a = r.networkInput(symbols[i]), b = r.networkInput(symbols[j])
                let mi = "mi(\(a),\(b),\(window),\(bins))"
                out.append(Pair(i: i, j: j, first: symbols[i], second: symbols[j],
                                correlation: "corr(\(a),\(b),\(window))", mutualInformation: mi,
                                percentile: "pctrank(\(mi),\(percentileWindow))"))
            }
        }
        return out
    }

    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let pairs = pairs(r)
        let correlations = pairs.map(\.correlation)
        let information = pairs.flatMap { [$0.mutualInformation, $0.percentile] }
        return PaneSpec(
            name: "network", title: "NETWORK",
            views: Kind.allCases.map { kind in
                // Every view lists the correlations' edges; the MI view reads MI too.
                let reads = kind == .mutualInformation ? correlations + information : correlations
                return .init(body: BodySpec(reads: reads) { reader, room in
                    NetworkBody(kind: kind, snapshot: NetworkSnapshot(reader, roles: r, edge: t.networkEdge),
                                isZoomed: room.isZoomed)
                })
            },
            viewsName: "view (corr, 20d change, MI, graph)")
    }
}
