import Foundation
import RotorCore
import RotorData
import RotorDemo

/// `rotor bench --avgcorr`: the cost of `avgcorr` (k^2 / 2 rolling correlations on
/// the join) for the Mag7 (k = 7) and the Mag7 with SPX (k = 8), of closes and of
/// returns, on the bundled demo and on the benchmark's 10 years; one `corr` of two
/// of the names for scale. Each run is a fresh evaluator, so nothing is cached.
enum AverageCorrelationBench {
    static let mag7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]

    static func expressions() -> [(label: String, text: String)] {
        let eight = mag7 + ["SPX"]
        return [
            ("corr, 1 pair", "corr(AAPL,MSFT,20)"),
            ("k = 7 closes", "avgcorr(" + mag7.joined(separator: ",") + ",20)"),
            ("k = 8 closes", "avgcorr(" + eight.joined(separator: ",") + ",20)"),
            ("k = 7 returns", "avgcorr(" + mag7.map { "ret(\($0))" }.joined(separator: ",") + ",20)"),
            ("k = 8 returns", "avgcorr(" + eight.map { "ret(\($0))" }.joined(separator: ",") + ",20)"),
        ]
    }

    static func run(iterations: Int, demo: String?) throws -> [String] {
        var markets: [(String, MarketData)] = []
        if let demo { markets.append(("demo", try DataFolder.load(demo))) }
        markets.append(("10 years", BenchmarkMarket().data))
        var lines: [String] = []
        for (name, data) in markets {
            for (label, text) in expressions() {
                var rows = 0
                let ms = try BenchTiming.time(iterations) {
                    var evaluator = Evaluator(data: data)
                    rows = try evaluator.evaluate(text).count
                }
                lines.append(BenchTiming.report("\(name), \(label) (\(rows) rows)", ms))
            }
        }
        return lines
    }
}
