import Foundation

/// The benches' stopwatch and report line, shared by `--cache` and `--line`.
enum BenchTiming {
    /// `n` timed runs of `body` after one warm-up, in milliseconds, ascending.
    static func time(_ n: Int, _ body: () throws -> Void) throws -> [Double] {
        try body() // warm-up
        let clock = ContinuousClock()
        return try (0..<n).map { _ in
            let elapsed = try clock.measure(body)
            return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
        }.sorted()
    }

    /// `label: min …, median …, p95 … (n runs)` of sorted timings.
    static func report(_ label: String, _ ms: [Double]) -> String {
        let p95 = ms[min(ms.count - 1, Int((Double(ms.count) * 0.95).rounded(.up)) - 1)]
        return label + String(format: ": min %.2f ms, median %.2f ms, p95 %.2f ms (%d runs)", ms[0], ms[ms.count / 2], p95, ms.count)
    }
}
