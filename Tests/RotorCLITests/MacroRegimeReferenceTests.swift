import Foundation
import Testing

/// The macro regime on the demo against Reference/demo-regimes.csv, which
/// regime_reference.py computes with pandas from the CSV files alone: `rotor line`
/// names the regime of the reference at several dates (none before the data can say),
/// the rates pane's row agrees, and the `macro-regime` alert fires exactly where the
/// reference's regime changes.
@Suite struct MacroRegimeReferenceTests {
    static let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    /// date -> (chg(ES,20), curve regime, regime name); empty strings where unknown.
    static func reference() throws -> [(date: String, change: String, curve: String, regime: String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/demo-regimes.csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (f[0], f[1], f[2], f[3])
        }
    }

    /// One date of each trend and of several curve regimes, and the first known date.
    static let dates = ["2022-12-15", "2023-03-13", "2024-07-17", "2024-08-21", "2025-02-24", "2025-04-08",
                        "2025-09-18", "2026-10-20", "2026-11-20"]

    @Test func theLineNamesTheReferencesRegime() throws {
        let reference = Dictionary(try Self.reference().map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        var names: Set<String> = []
        for date in Self.dates {
            let want = try #require(reference[date], "\(date) not in the reference")
            #expect(!want.regime.isEmpty, "\(date)")
            let r = try RotorProcess.run(["line", "--data", Self.demo, "--at", date], timeout: 60)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(" · regime \(want.regime)"), "\(date): want \(want.regime), got \(r.stdout)")
            #expect(r.stdout.contains(" \(want.curve) · regime "), "\(date): want curve \(want.curve), got \(r.stdout)")
            names.insert(want.regime)
        }
        #expect(names.count >= 5, "the dates cover only \(names.sorted())")
    }

    /// Before 21 rows of ES and of the yields nothing is known: no regime, not a wrong one.
    @Test func tooLittleHistoryShowsNoRegime() throws {
        let reference = try Self.reference()
        let unknown = try #require(reference.last { $0.regime.isEmpty })
        #expect(unknown.date == "2022-12-14")
        for date in ["2022-11-16", unknown.date] {
            let r = try RotorProcess.run(["line", "--data", Self.demo, "--at", date], timeout: 60)
            #expect(r.status == 0)
            #expect(!r.stdout.contains("regime"), "\(date): \(r.stdout)")
            let pane = try RotorProcess.run(["snapshot", "--data", Self.demo, "--at", date, "--focus", "5", "--zoom"])
            #expect(!pane.stdout.contains("regime "), "\(date)")
        }
    }

    /// The zoomed rates pane's row: the name, ES's 20-session change as the reference
    /// has it (in percent, one decimal) and the curve's words.
    @Test func thePanesRowAgrees() throws {
        let reference = Dictionary(try Self.reference().map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        for date in ["2024-08-21", "2025-04-08"] {
            let want = try #require(reference[date])
            let change = try #require(Double(want.change)) * 100
            let shown = (change >= 0 ? "+" : "") + String(format: "%.1f", change) + "%"
            let r = try RotorProcess.run(["snapshot", "--data", Self.demo, "--at", date, "--focus", "5", "--zoom"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("regime \(want.regime) (ES 20d \(shown), \(want.curve))"), "\(date): \(r.stdout)")
        }
    }

    /// `rotor alerts` fires macro-regime on every row whose regime differs from the
    /// last known one, with the new name, and nowhere else.
    @Test func theAlertFiresWhereTheReferenceChanges() throws {
        var want: [String] = []
        var previous: String?
        for row in try Self.reference() where !row.regime.isEmpty {
            if let previous, previous != row.regime { want.append("\(row.date),\(row.regime)") }
            previous = row.regime
        }
        let r = try RotorProcess.run(["alerts", "--data", Self.demo])
        #expect(r.status == 0, "\(r.stderr)")
        let got = r.stdout.split(separator: "\n").filter { $0.contains(",macro-regime,") }.map { line in
            let f = line.split(separator: ",").map(String.init)
            return "\(f[0]),\(f.last!)"
        }
        #expect(got.count == want.count)
        #expect(got == want)
        #expect(want.count > 100)
    }
}
