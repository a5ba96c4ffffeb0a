import RotorCore
@testable import RotorUI
import Testing

/// The NETWORK pane on a market built by hand: B is A (corr +1), C is -A plus a
/// little noise (strongly negative), D is independent of both, so the edges, their
/// order and the graph's drawing are known; and the graph's layout on its circle.
@Suite struct NetworkPaneTests {
    static let start = Day(year: 2020, month: 1, day: 1)!

    /// A seeded walk: the same numbers on every run.
    static func noise(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1.0p-53 - 0.5
        }
    }

    static func prices(_ returns: [Double]) -> [Double] {
        var level = 100.0
        return returns.map { level *= 1 + 0.02 * $0; return level }
    }

    struct Fixture {
        let model: DashboardModel
        let roles: Roles
        let last: Day

        init(edge: Double = 0.5) {
            let n = 120
            let days = (0..<n).map { NetworkPaneTests.start.adding(days: $0) }
            let a = NetworkPaneTests.noise(n, seed: 1), d = NetworkPaneTests.noise(n, seed: 2)
            let wobble = NetworkPaneTests.noise(n, seed: 3)
            let c = zip(a, wobble).map { -$0 + 0.2 * $1 }
            var roles = Roles()
            roles.network.symbols = ["A", "B", "C", "D"]
            var thresholds = Thresholds()
            thresholds.networkEdge = edge
            let series = ["A": a, "B": a, "C": c, "D": d].mapValues { Series(dates: days, values: NetworkPaneTests.prices($0)) }
            model = DashboardModel(data: MarketData(symbols: series), panes: [NetworkPane.spec(roles, thresholds)],
                                   roles: roles, thresholds: thresholds)
            self.roles = roles
            last = days[n - 1]
        }

        var snapshot: NetworkSnapshot {
            NetworkSnapshot(PaneReader(model: model, asOf: last, lookback: .year1), roles: roles, edge: model.thresholds.networkEdge)
        }
    }

    @Test func pairsRunRowByRowWithTheirExpressions() {
        var roles = Roles()
        roles.network.symbols = ["ES", "US2Y", "ZN"]
        let pairs = NetworkPane.pairs(roles)
        #expect(pairs.map(\.name) == ["ES-US2Y", "ES-ZN", "US2Y-ZN"])
        #expect(pairs[0].correlation == "corr(ret(ES),diff(US2Y),60)")
        #expect(pairs[0].mutualInformation == "mi(ret(ES),diff(US2Y),60,8)")
        #expect(pairs[0].percentile == "pctrank(mi(ret(ES),diff(US2Y),60,8),252)")
        // The default eight symbols: 28 pairs, 84 expressions, every one in the spec.
        let spec = NetworkPane.spec(Roles(), Thresholds())
        #expect(NetworkPane.pairs(Roles()).count == 28)
        #expect(spec.expressions.count == 84)
        #expect(spec.views.count == NetworkPane.Kind.allCases.count)
    }

    @Test func edgesAreThePairsAtTheThresholdStrongestFirst() throws {
        let s = Fixture().snapshot
        #expect(s.entry(0, 1)?.correlation.value.map { abs($0 - 1) < 1e-9 } == true)
        let edges = s.edges
        #expect(edges.map(\.pair.name) == ["A-B", "A-C", "B-C"])
        #expect(try #require(edges[1].correlation.value) < -0.9)
        // Either order reads the same pair; the diagonal has none.
        #expect(s.entry(2, 0)?.pair.name == "A-C")
        #expect(s.entry(3, 3) == nil)
        // A threshold above every |corr| but the copy's leaves one edge.
        #expect(Fixture(edge: 0.99).snapshot.edges.map(\.pair.name) == ["A-B"])
        #expect(edges[0].line(nameWidth: 4) == "A-B  +1.00 (+0.00 in 20d)")
    }

    @Test func nodesSitOnACircleFromTheTopClockwise() {
        let nodes = NetworkGraph.nodes(count: 8, labelWidth: 3, width: 60, height: 20)
        #expect(nodes.count == 8)
        // Dots are square: 2 a column, 4 a row; the centre is (60, 40).
        #expect(nodes[0].x == 60 && nodes[0].y < 10)
        #expect(nodes[2].x > 90 && abs(nodes[2].y - 40) <= 1)
        #expect(nodes[4].x == 60 && nodes[4].y > 70)
        for k in 1..<4 {
            // Mirror images across the vertical axis.
            #expect(abs((nodes[k].x - 60) + (nodes[8 - k].x - 60)) <= 1 && abs(nodes[k].y - nodes[8 - k].y) <= 1)
        }
        let radii = nodes.map { ((Double($0.x) - 60) * (Double($0.x) - 60) + (Double($0.y) - 40) * (Double($0.y) - 40)).squareRoot() }
        #expect(radii.max()! - radii.min()! <= 1.5)
        // Every name fits inside the area, a column to spare either side.
        for n in nodes {
            let cell = NetworkGraph.cell(n)
            #expect(cell.x - 2 >= 0 && cell.x + 2 < 60 && cell.y >= 0 && cell.y < 20)
        }
        #expect(Set(nodes.map { "\(NetworkGraph.cell($0))" }).count == 8)
    }

    @Test func graphDrawsEachEdgeInItsSignsColourAndNamesOverIt() {
        let s = Fixture().snapshot
        let canvas = Canvas.rendering(NetworkGraph(snapshot: s), width: 40, height: 14)
        let text = (0..<14).map { canvas.text(x: 0, y: $0, width: 40) }.joined(separator: "\n")
        for name in ["A", "B", "C", "D"] { #expect(text.contains(" \(name) ")) }
        let styles = canvas.styles(in: canvas.area)
        // A-B (+1, heavy) bold in `up`; A-C and B-C negative and heavy in `down`.
        #expect(styles.contains(Style.role(.up).bold()))
        #expect(styles.contains(Style.role(.down).bold()))
        #expect(!styles.contains(Style.role(.up).dim()))
        // D (left) has no edge: nothing is drawn between it and A-C's vertical line.
        let nodes = NetworkGraph.nodes(count: 4, labelWidth: 1, width: 40, height: 14)
        let d = NetworkGraph.cell(nodes[3])
        #expect(canvas.text(x: 0, y: d.y, width: 19).trimmingCharacters(in: .whitespaces) == "D")
    }

    @Test func weightsFollowTheStrength() {
        #expect(NetworkGraph.weight(0.35) == .light && NetworkGraph.weight(-0.55) == .plain && NetworkGraph.weight(0.7) == .heavy)
        #expect(NetworkGraph.style(-0.35) == Style.role(.down).dim())
        #expect(NetworkScale.correlation.level(0.05) == 0 && NetworkScale.correlation.level(-0.7) == 4)
        #expect(NetworkScale.correlation.style(-0.75) == Style.role(.down).bold().reversed())
        #expect(NetworkScale.percentile.style(96) == Style.role(.warn).bold().reversed())
    }

    /// Numbers when the matrix fits with them, shades when it does not; the legend
    /// says which is which either way.
    @Test func matrixShowsNumbersWhenItFitsElseShades() {
        let s = Fixture().snapshot
        let wide = Canvas.rendering(NetworkHeatmap(snapshot: s, content: .correlation, numbers: true), width: 50, height: 6)
        let row = (0..<6).map { wide.text(x: 0, y: $0, width: 50) }
        #expect(row[0].hasPrefix("      A     B     C     D"))
        #expect(row[2].hasPrefix("B " + s.entry(1, 0)!.correlation.text.leftPadded(5) + "     ·"))
        #expect(row[5].hasPrefix("-0.7 -0.5 -0.3 -0.1 0 +0.1 +0.3 +0.5 +0.7"))
        let narrow = Canvas.rendering(NetworkHeatmap(snapshot: s, content: .correlation, numbers: false), width: 20, height: 6)
        #expect(narrow.text(x: 0, y: 1, width: 10) == "A  ·  ███ ")
        #expect(narrow.text(x: 0, y: 5, width: 15) == "-0.7 █▓▒░·░▒▓█ ")
    }

    /// The default eight symbols: numbers from 51 columns, cells widened into the
    /// room the lists leave (up to 9), rows spaced out in a tall pane, else shades.
    @Test func matrixLayoutFollowsTheRoom() {
        var roles = Roles()
        roles.network.symbols = ["ES", "NQ", "RTY", "ZN", "ZT", "CL", "GC", "DX"]
        let model = DashboardModel(data: MarketData(), panes: [NetworkPane.spec(roles, Thresholds())], roles: roles,
                                   thresholds: Thresholds())
        let snapshot = NetworkSnapshot(PaneReader(model: model, asOf: Self.start, lookback: .year1), roles: roles, edge: 0.3)
        let body = NetworkBody(kind: .correlation, snapshot: snapshot, isZoomed: true)
        func layout(_ w: Int, _ h: Int) -> (Bool, Int, Int) {
            let m = body.heatmap(for: Rect(x: 0, y: 0, width: w, height: h))
            return (m.numbers, m.cell, m.rowStep)
        }
        #expect(layout(118, 36) == (true, 9, 2))
        #expect(layout(58, 36) == (true, 6, 2))
        #expect(layout(78, 21) == (true, 6, 1))
        #expect(layout(51, 21) == (true, 6, 1))
        #expect(layout(50, 21) == (false, 4, 1))
        #expect(NetworkHeatmap.height(snapshot.symbols, rowStep: 2) == 19)
        // With no data at all every cell is `–`, never a zero.
        #expect(snapshot.entries.allSatisfy { $0.correlation.text == "–" && $0.change.text == "–" })
    }

    /// The lists share the rows they get, never more than the pane has.
    @Test func listsFitTheirRows() {
        let body = NetworkBody(kind: .correlation, snapshot: Fixture().snapshot, isZoomed: false)
        for rows in 2...20 {
            let sections = body.sections(rows: rows)
            let used = sections.map { 1 + $0.lines.count }.reduce(0, +) + max(0, sections.count - 1)
            #expect(used <= rows, "\(rows) rows: \(used)")
        }
        let roomy = body.sections(rows: 20)
        #expect(roomy.map(\.lines.count) == [3, 6])
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
