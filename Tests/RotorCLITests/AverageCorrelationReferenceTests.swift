import Foundation
import Testing

/// `rotor export` of the Mag7's average pairwise correlation on the demo, of closes
/// and of one-row returns, equals the pandas computation of
/// Reference/avgcorr_reference.py on every date, to 1e-9 (METRICS.md's agreement).
@Suite struct AverageCorrelationReferenceTests {
    static let mag7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]

    /// A reference cell and an exported cell agree: both empty, or both numbers
    /// within a relative 1e-9 (absolute 1e-12 near 0).
    static func agree(_ want: Substring, _ got: Substring) -> Bool {
        if want.isEmpty || got.isEmpty { return want.isEmpty && got.isEmpty }
        guard let w = Double(want), let g = Double(got) else { return false }
        return abs(w - g) <= max(1e-9 * abs(w), 1e-12)
    }

    @Test func exportMatchesThePandasReference() throws {
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/demo-avgcorr.csv")
        let want = try String(contentsOf: reference, encoding: .utf8).split(separator: "\n").dropFirst()
        let closes = "avgcorr(" + Self.mag7.joined(separator: ",") + ",20)"
        let returns = "avgcorr(" + Self.mag7.map { "ret(\($0))" }.joined(separator: ",") + ",20)"
        #expect(closes == "avgcorr(AAPL,MSFT,GOOGL,AMZN,NVDA,META,TSLA,20)")
        let r = try RotorProcess.run(["export", "--data", "Samples/demo", closes, returns])
        #expect(r.status == 0, "\(r.stderr)")
        let got = r.stdout.split(separator: "\n").dropFirst()
        #expect(want.count > 900, "the reference has \(want.count) rows")
        #expect(got.count == want.count, "\(got.count) exported rows, \(want.count) in the reference")
        var mismatches = 0
        for (w, g) in zip(want, got) {
            let wc = w.split(separator: ",", omittingEmptySubsequences: false)
            let gc = g.split(separator: ",", omittingEmptySubsequences: false)
            let same = wc.count == 3 && gc.count == 3 && wc[0] == gc[0] && Self.agree(wc[1], gc[1]) && Self.agree(wc[2], gc[2])
            if !same {
                mismatches += 1
                if mismatches <= 3 { Issue.record("reference \(w) vs export \(g)") }
            }
        }
        #expect(mismatches == 0)
    }
}
