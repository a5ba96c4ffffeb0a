import Foundation
import RotorCore
import RotorUI
import Testing

/// The positioning pane's expressions on the demo, through `rotor export`, equal the
/// pandas computation of Reference/positioning_reference.py on every report (to
/// 1e-9, METRICS.md's agreement), and SQUEEZE RISK is up on exactly the report dates
/// the reference's inner join flags (and from each one until the next report).
@Suite struct PositioningReferenceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    static func csv(_ name: String) throws -> [[String]] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func agree(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): abs(x - y) <= max(1e-12, 1e-9 * max(abs(x), abs(y)))
        default: false
        }
    }

    @Test(arguments: ["RTY", "NQ", "ES"])
    func exportMatchesThePandasReference(contract: String) throws {
        let want = try Self.csv("demo-positioning.csv").filter { $0[1].hasPrefix(contract + " ") }
        for group in ["AM", "LF"] {
            let share = "mul(div(\(contract)_\(group),\(contract)_OI),100)"
            let r = try RotorProcess.run(["export", "--data", "Samples/demo", share, "diff(\(share))", "pctrank(\(share),156)"])
            #expect(r.status == 0, "\(r.stderr)")
            let got = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let rows = want.filter { $0[1] == "\(contract) \(group)" }
            #expect(got.count == rows.count && rows.count > 300)
            for (g, w) in zip(got, rows) {
                #expect(String(g[0]) == w[0])
                for k in 1...3 {
                    #expect(Self.agree(Double(g[k]), Double(w[k + 1])), "\(contract) \(group) \(w[0]) column \(k): \(g[k]) vs \(w[k + 1])")
                }
            }
        }
    }

    @Test func squeezeRiskIsUpFromEachFlaggedReportToTheNext() throws {
        let model = try #require(GoldenScreenTests.model)
        let pane = try #require(model.pane(named: "positioning"))
        let joined = try Self.csv("demo-squeeze.csv")
        #expect(joined.filter { $0[3] == "1" }.map { $0[0] } == ["2024-07-16", "2024-07-23"])
        for (i, row) in joined.enumerated() {
            let day = try #require(Day(parsing: row[0]))
            let until = i + 1 < joined.count ? try #require(Day(parsing: joined[i + 1][0])) : day.adding(days: 7)
            // The report's day and the day before the next report.
            for date in [day, until.adding(days: -1)] {
                let reader = PaneReader(model: model, asOf: date, lookback: .year1)
                let up = pane.activeFlags(reader).contains { $0.word == "SQUEEZE RISK" }
                #expect(up == (row[3] == "1"), "\(date.iso)")
            }
        }
    }
}
