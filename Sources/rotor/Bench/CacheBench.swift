import Foundation
import RotorCore
import RotorData

/// `rotor bench --cache`: the feed cache at the size of a large live config, 100
/// feeds of 2,500 daily bars (10 years), in a temporary folder: opening the file
/// (integrity check and migrations), loading every history (each row checked), and
/// storing one feed's 2,500 bars (the first fetch of a feed) and its live bar (every
/// later poll).
enum CacheBench {
    static let feeds = 100
    static let bars = 2_500

    /// The report lines, one per operation: min, median and p95 of `iterations` runs.
    static func run(iterations: Int) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-cache-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/feeds.sqlite"
        let start = Day(year: 2016, month: 1, day: 4)!
        let days = (0..<bars).map { start.adding(days: $0) }
        let keys = (0..<feeds).map { CacheKey(feed: "S\($0)", provider: .yahoo, ticker: "S\($0)=F") }
        let history = { (i: Int) in Series(dates: days, values: days.indices.map { 100 + Double(i) + Double($0) / 100 }) }
        let now = Date(timeIntervalSince1970: Double(days[bars - 1].ordinal) * 86_400)
        do {
            let cache = try FeedCache(path: path)
            for (i, key) in keys.enumerated() { try cache.store(key, history(i)) }
        }
        var lines = ["cache: \(feeds) feeds x \(bars) bars in \(path)"]
        lines.append(BenchTiming.report("open the cache (integrity check, migrations)", try BenchTiming.time(iterations) {
            _ = try FeedCache(path: path)
        }))
        let cache = try FeedCache(path: path)
        var loaded = 0
        lines.append(BenchTiming.report("load \(feeds) x \(bars) bars", try BenchTiming.time(iterations) {
            loaded = try cache.load(keys, now: now).histories.values.reduce(0) { $0 + $1.count }
        }))
        guard loaded == feeds * bars else { throw CommandFailure.runtime("cache bench: loaded \(loaded) bars, expected \(feeds * bars)") }
        let fresh = CacheKey(feed: "NEW", provider: .yahoo, ticker: "NEW=F")
        lines.append(BenchTiming.report("store \(bars) bars of one feed", try BenchTiming.time(iterations) {
            try cache.store(fresh, history(0))
        }))
        let live = Series(dates: [days[bars - 1]], values: [123.25])
        lines.append(BenchTiming.report("store one live bar", try BenchTiming.time(iterations) {
            try cache.store(keys[0], live)
        }))
        return lines
    }
}
