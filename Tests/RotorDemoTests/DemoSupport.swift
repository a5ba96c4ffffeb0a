import Foundation
import RotorCore
import RotorData
import Testing

/// The committed demo folder, loaded once through the real importer, and helpers that
/// read the facts off METRICS.md expressions.
enum Demo {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repositoryRoot.appendingPathComponent("Samples")
    static let folder = samples.appendingPathComponent("demo").path

    static let loaded: Result<MarketData, DataError> = Result { () throws(DataError) -> MarketData in
        try DataFolder.load(folder)
    }

    static func data() throws -> MarketData { try loaded.get() }

    /// Evaluates one expression on the committed data.
    static func series(_ expression: String) throws -> Series {
        var evaluator = Evaluator(data: try data())
        return try evaluator.evaluate(expression)
    }

    /// The value of `expression` on its last row.
    static func last(_ expression: String) throws -> Double {
        try #require(try series(expression).values.last, "\(expression) has no value")
    }

    /// A rolling statistic over the whole sample: `template` with `{n}` replaced by
    /// the number of rows of `rows` (the joined rows the statistic sees), read on the
    /// last row, where the window spans everything.
    static func fullSample(_ template: String, rows: String) throws -> Double {
        let n = try series(rows).count
        return try last(template.replacingOccurrences(of: "{n}", with: String(n)))
    }

    /// The lengths of the runs of consecutive rows whose value satisfies `test`.
    static func runs(_ series: Series, where test: (Double) -> Bool) -> [Int] {
        var out: [Int] = []
        var current = 0
        for v in series.values {
            if test(v) {
                current += 1
            } else if current > 0 {
                out.append(current)
                current = 0
            }
        }
        if current > 0 { out.append(current) }
        return out
    }

    static func day(_ text: String) -> Day { Day(parsing: text)! }

    /// The raw text of a committed file.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
}

extension Series {
    /// Pairs this series' values with another's on the dates both have.
    func zipped(with other: Series) -> [(date: Day, a: Double, b: Double)] {
        var out: [(date: Day, a: Double, b: Double)] = []
        for (i, day) in dates.enumerated() {
            if let v = other.value(on: day) { out.append((day, values[i], v)) }
        }
        return out
    }
}
