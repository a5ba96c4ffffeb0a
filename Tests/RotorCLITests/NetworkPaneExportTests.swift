import Foundation
import RotorCore
@testable import RotorUI
import Testing

/// The NETWORK pane against `rotor export`: every cell of every view and every list
/// entry is the exported value of its expression on that date, in the pane's format
/// (a 20-row change is the difference of the exported correlation's own rows), and
/// it is on the zoomed screen; `export --pane network` prints all of them. Plus the
/// graph view's golden screens.
@Suite struct NetworkPaneExportTests {
    static let dates = ["2024-07-17", "2025-07-31", "2025-09-24"]

    static var model: DashboardModel { get throws { try #require(GoldenScreenTests.model) } }

    /// `rotor export --format json --to date` of `expressions`: each one's values on
    /// its own rows up to the date (nulls left out), oldest first.
    func exported(_ expressions: [String], upTo date: String) throws -> [String: [Double]] {
        let r = try RotorProcess.run(["export", "--to", date, "--format", "json"] + expressions)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.last?["date"] as? String == date)
        var out: [String: [Double]] = [:]
        for e in expressions { out[e] = rows.compactMap { $0[e] as? Double } }
        return out
    }

    /// The zoomed screen of the network pane in view `kind`.
    static func screen(_ kind: NetworkPane.Kind, _ width: Int, _ height: Int, at date: Day) throws -> String {
        try GoldenScreenTests.screen(width, height, at: date) { state in
            (state.page, state.focus) = try! #require(state.panes.place(of: "network"))
            state.zoomed = true
            state.views["network"] = kind.rawValue
        }
    }

    @Test(arguments: dates)
    func cellsAndListsEqualExport(date: String) throws {
        let model = try Self.model
        let day = try #require(Day(parsing: date))
        let snapshot = NetworkSnapshot(PaneReader(model: model, asOf: day, lookback: .year1), roles: model.roles,
                                       edge: model.thresholds.networkEdge)
        #expect(snapshot.entries.count == 28)
        let pairs = snapshot.entries.map(\.pair)
        let export = try exported(pairs.flatMap { [$0.correlation, $0.mutualInformation, $0.percentile] }, upTo: date)
        func last(_ e: String) throws -> Double { try #require(export[e]?.last, "\(e) not exported") }
        for entry in snapshot.entries {
            let corr = try last(entry.pair.correlation)
            #expect(entry.correlation.text == NetworkSnapshot.correlationFormat.format(corr), "\(entry.pair.name)")
            let rows = try #require(export[entry.pair.correlation])
            let change = rows[rows.count - 1] - rows[rows.count - 1 - NetworkPane.changeRows]
            #expect(entry.change.text == NetworkSnapshot.correlationFormat.format(change), "\(entry.pair.name) change")
            #expect(entry.mutualInformation.text == NetworkSnapshot.informationFormat.format(try last(entry.pair.mutualInformation)))
            #expect(entry.percentile.text == NetworkSnapshot.percentileFormat.format(try last(entry.pair.percentile)))
        }
        // The edges: every pair at the threshold, and only those.
        let threshold = model.thresholds.networkEdge
        #expect(Set(snapshot.edges.map(\.pair.name))
                == Set(try snapshot.entries.filter { abs(try last($0.pair.correlation)) >= threshold }.map(\.pair.name)))

        // On screen, zoomed at 200x60: each matrix row as its cells' texts, each list entry.
        for kind in NetworkPane.Kind.allCases {
            let screen = try Self.screen(kind, 200, 60, at: day)
            let body = NetworkBody(kind: kind, snapshot: snapshot, isZoomed: true)
            if kind != .graph {
                // The matrix as the zoomed pane lays it out (198 x 56 inside, under the views' row).
                let heatmap = body.heatmap(for: Rect(x: 0, y: 0, width: 198, height: 56))
                #expect(heatmap.numbers)
                for (r, symbol) in snapshot.symbols.enumerated() {
                    let cells = snapshot.symbols.indices.map { c in
                        let text = heatmap.value(r, c)?.shown.text ?? "·"
                        return String(repeating: " ", count: heatmap.cell - 1 - text.count) + text
                    }
                    let row = symbol.padding(toLength: NetworkHeatmap.labelWidth(snapshot.symbols), withPad: " ", startingAt: 0)
                        + cells.joined(separator: " ")
                    #expect(screen.contains(row), "\(kind) row \(symbol) on \(date): \(row)")
                }
            }
            for section in body.sections(rows: 60) {
                for line in section.lines {
                    let text = line.spans.map(\.text).joined()
                    #expect(screen.contains(text), "\(kind) list entry \(text) on \(date)")
                }
            }
        }
        // The list entries are the snapshot's numbers (checked against export above).
        let first = try #require(snapshot.edges.first)
        #expect(first.line() == "\(first.pair.name) \(first.correlation.text) (\(first.change.text) in 20d)")
    }

    @Test func exportOfThePaneListsEveryExpression() throws {
        let r = try RotorProcess.run(["export", "--pane", "network", "--from", "2026-06-30", "--to", "2026-06-30"])
        #expect(r.status == 0, "\(r.stderr)")
        let header = try #require(r.stdout.split(separator: "\n").first)
        for pair in NetworkPane.pairs(Roles()) {
            for e in [pair.correlation, pair.mutualInformation, pair.percentile] {
                #expect(header.contains("\"\(e)\""), "\(e)")
            }
        }
        #expect(header.split(separator: "\"").filter { $0.contains("(") }.count == 84)
    }

    @Test func graphGoldens() throws {
        let golden = GoldenScreenTests()
        try golden.check("network-graph-zoom-120x40", Self.screen(.graph, 120, 40, at: GoldenScreenTests.asOf))
        try golden.check("network-graph-zoom-200x60", Self.screen(.graph, 200, 60, at: GoldenScreenTests.asOf))
    }
}
