import Foundation
public import RotorCore

/// The benchmarks' market: ten years of business days for the sixteen symbols the
/// panes use plus a 500-member universe, as geometric random walks from a fixed
/// seed (timings need realistic sizes, not realistic prices).
public struct BenchmarkMarket: Sendable {
    public static let sessions = 2_520
    public static let members = 500
    static let priceSymbols = ["ES", "RTY", "NQ", "SPX", "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]
    static let levelSymbols = ["VIX", "VXN", "RVX", "US2Y", "US10Y"]

    public let data: MarketData

    public init(seed: UInt64 = 42) {
        var rng = WorkloadRandom(seed: seed)
        var dates: [Day] = []
        var day = Day(year: 2016, month: 1, day: 4)!
        while dates.count < Self.sessions {
            if (1...5).contains(day.weekday) { dates.append(day) }
            day = day.adding(days: 1)
        }
        func walk(start: Double, vol: Double) -> Series {
            var x = start
            return Series(dates: dates, values: dates.map { _ in
                x *= exp(vol * rng.normal())
                return (x * 100).rounded() / 100
            })
        }
        var symbols: [String: Series] = [:]
        for s in Self.priceSymbols { symbols[s] = walk(start: 1_000, vol: 0.015) }
        for s in Self.levelSymbols { symbols[s] = walk(start: 20, vol: 0.03) }
        // Members start at staggered dates, as a real index's constituents do.
        let members = (0..<Self.members).map { i -> (name: String, series: Series) in
            let name = "M" + String(format: "%03d", i + 1)
            let full = walk(start: 50, vol: 0.02)
            let start = i % 10 == 0 ? i : 0
            return (name, Series(dates: Array(full.dates[start...]), values: Array(full.values[start...])))
        }
        data = MarketData(symbols: symbols, universes: ["universe": Universe(name: "universe", members: members)])
    }

    /// Writes the workload as a `--data` folder: `SYMBOL.csv` (`Date,Close`) and a
    /// wide `universe.csv`, so `rotor export` and pandas can be timed on the same files.
    public func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, series) in data.symbols {
            var text = "Date,Close\n"
            for (d, v) in zip(series.dates, series.values) { text += "\(d.iso),\(NumberFormat.shortest(v))\n" }
            try text.write(toFile: folder + "/\(name).csv", atomically: true, encoding: .utf8)
        }
        let universe = data.universes["universe"]!
        let table = ExportTable(columns: universe.members.map { ($0.name, $0.series) })
        var text = "Date"
        for h in table.headers { text += "," + h }
        text += "\n"
        for (row, date) in table.dates.enumerated() {
            text += date.iso
            for column in table.cells { text += "," + (column[row].map(NumberFormat.shortest) ?? "") }
            text += "\n"
        }
        try text.write(toFile: folder + "/universe.csv", atomically: true, encoding: .utf8)
    }
}

/// Uniform and normal draws (Box-Muller) from the demo's SplitMix64: deterministic
/// across runs and platforms.
struct WorkloadRandom {
    private var bits: SplitMix64
    init(seed: UInt64) { bits = SplitMix64(seed: seed) }

    mutating func uniform() -> Double { (Double(bits.next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform())
    }
}
