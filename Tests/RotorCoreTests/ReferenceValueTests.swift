import Foundation
import RotorData
import Testing
@testable import RotorCore

/// Every function of METRICS.md against values computed independently in Python
/// (Reference/make_reference.py: pandas cross-checked with exact rational
/// arithmetic). The inputs are loaded through the real CSV importer. Agreement:
/// relative error <= 1e-9, or absolute <= 1e-12 near zero; the same dates present.
@Suite struct ReferenceValueTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference")

    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let expression: String
        var testDescription: String { "\(id) \(expression)" }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected/cases.csv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let comma = line.firstIndex(of: ",")!
            var expr = String(line[line.index(after: comma)...])
            if expr.hasPrefix("\"") { expr = String(expr.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            return Case(id: String(line[..<comma]), expression: expr)
        }
    }()

    static let data: MarketData? = try? DataFolder.load(folder.appendingPathComponent("inputs").path)

    @Test func referenceSetIsPresentAndBroad() throws {
        #expect(Self.cases.count >= 80)
        let data = try #require(Self.data)
        #expect(data.universes["U"] != nil)
        // Every function of the language has at least one reference case.
        for name in FunctionCatalog.names {
            #expect(Self.cases.contains { $0.expression.hasPrefix(name + "(") || $0.expression.contains("(" + name + "(") || $0.expression.contains("," + name + "(") },
                    "no reference case for \(name)")
        }
    }

    @Test(arguments: cases)
    func matchesReference(_ c: Case) throws {
        let data = try #require(Self.data)
        var evaluator = Evaluator(data: data)
        let actual = try evaluator.evaluate(c.expression)
        let text = try String(contentsOf: Self.folder.appendingPathComponent("expected/\(c.id).csv"), encoding: .utf8)
        var expectedDates: [Day] = [], expectedValues: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",")
            expectedDates.append(try #require(Day(parsing: parts[0])))
            expectedValues.append(try #require(Double(parts[1])))
        }
        #expect(actual.dates == expectedDates, "dates differ: \(actual.count) vs \(expectedDates.count) rows")
        guard actual.dates == expectedDates else { return }
        var worst = 0.0, failures = 0
        for (i, (a, e)) in zip(actual.values, expectedValues).enumerated() {
            let error = abs(a - e)
            let tolerance = max(1e-9 * abs(e), 1e-12)
            if error > tolerance {
                failures += 1
                if failures <= 3 { Issue.record("\(actual.dates[i].iso): \(a) vs expected \(e)") }
            }
            if e != 0 { worst = max(worst, error / abs(e)) }
        }
        #expect(failures == 0, "\(failures) values out of tolerance; worst relative error \(worst)")
    }
}
