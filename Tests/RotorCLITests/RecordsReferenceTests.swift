import Foundation
import Testing

/// `rotor export 'sincehigh(spread(RTY,ES,10))'` (and sincelow) on the demo equals
/// the pandas computation of Reference/records_reference.py, row for row, records
/// (no value) included.
@Suite struct RecordsReferenceTests {
    @Test func exportMatchesThePandasReference() throws {
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/demo-records.csv")
        let want = try String(contentsOf: reference, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init)
        let r = try RotorProcess.run(["export", "--data", "Samples/demo", "sincehigh(spread(RTY,ES,10))",
                                      "sincelow(spread(RTY,ES,10))"])
        #expect(r.status == 0, "\(r.stderr)")
        let got = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }.map(String.init)
        // The export's rows are the union of the two columns' dates; the reference has
        // every spread row, so its rows where both are records are not exported.
        let kept = want.filter { !$0.hasSuffix(",,") }
        #expect(got.count == kept.count)
        #expect(got == kept)
        #expect(want.count > 900, "the reference has \(want.count) rows")
        #expect(kept.contains { $0.split(separator: ",", omittingEmptySubsequences: false)[1].isEmpty }, "no record high in the reference")
    }
}
