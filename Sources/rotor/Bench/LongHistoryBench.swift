import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `rotor bench --long-history`: what a live start costs once the main feeds have
/// their whole history (Yahoo `range=max`, FRED's full series) instead of two years.
/// For the live config (Samples/live.toml unless --config), a feed cache in a
/// temporary folder is filled with synthetic daily bars, `years` x 252 sessions for
/// each main feed and two years for each universe member, as a first start leaves it;
/// then the dashboard's start is timed phase by phase: opening the cache and reading
/// it into a store, the whole pane model, and the alerts' first pass over every date
/// (a live start with no state file steps all of them). The same run on a two-year
/// cache comes first, for comparison; the process's resident memory is read after
/// each model is built.
enum LongHistoryBench {
    static let memberRows = 504

    static func run(iterations: Int, options: DataOptions, years: Int) throws -> [String] {
        let options = try options.withLive(true)
        let (config, path) = try options.loadConfig()
        guard !config.feeds.isEmpty else { throw CommandFailure.usage("--long-history: \(path ?? "the config") has no [[feeds]]") }
        var lines: [String] = []
        for (label, rows) in [("2 years", 2 * 252), ("\(years) years", years * 252)] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-long-bench-\(getpid())-\(rows)").path
            try? FileManager.default.removeItem(atPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = folder
            let feeds = try FeedList.specs(config, configPath: path, environment: environment)
            let cachePath = FeedCache.defaultPath(environment: environment)
            let stored = try fill(feeds, cachePath: cachePath, mainRows: rows)
            let bytes = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: cachePath + $0)[.size] as? Int }
                .reduce(0, +)
            lines.append("\(label): \(stored.main) main feeds x \(rows) bars, \(stored.members) members x \(memberRows) bars; "
                         + "cache \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB")
            var market = MarketData()
            lines.append(BenchTiming.report("  open the cache and read it into a store", try BenchTiming.time(iterations) {
                let store = LiveStore(feeds: feeds)
                _ = try Poller.loadCache(try FeedCache(path: cachePath), into: store)
                market = store.snapshot().market
            }))
            var model: DashboardModel?
            let build = {
                DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds,
                               watching: AlertBook.expressions(config.alerts))
            }
            lines.append(BenchTiming.report("  the dashboard's model", try BenchTiming.time(max(3, iterations / 3)) { model = build() }))
            guard let model else { continue }
            lines.append("  model: \(model.dates.count) dates from \(model.firstDate?.iso ?? "-") to \(model.lastDate?.iso ?? "-"), "
                         + "\(model.series.values.reduce(0) { $0 + $1.count }) values in \(model.series.count) series; "
                         + Memory.now)
            let book = AlertBook(panes: model.panes, rules: config.alerts)
            var firings = 0
            lines.append(BenchTiming.report("  the alerts' first pass over every date", try BenchTiming.time(max(3, iterations / 3)) {
                firings = AlertTracker.history(book, model, dates: model.dates).count
            }))
            lines.append("  alerts: \(firings) firings; " + Memory.now)
        }
        return lines
    }

    /// Stores synthetic bars for every feed: `mainRows` sessions ending today for a
    /// main feed (prices as a geometric walk, FRED yields as an arithmetic one),
    /// two years for each member. Returns how many of each were stored.
    static func fill(_ feeds: [FeedSpec], cachePath: String, mainRows: Int) throws -> (main: Int, members: Int) {
        let cache = try FeedCache(path: cachePath)
        var bars = SyntheticBars(mainRows: mainRows, memberRows: memberRows, seed: 15)
        var main = 0, members = 0
        for feed in feeds {
            try cache.store(feed.cacheKey, bars.series(for: feed))
            if feed.universe == nil { main += 1 } else { members += 1 }
        }
        return (main, members)
    }

    /// The process's resident memory now and its peak, from /proc/self/status (Linux).
    enum Memory {
        static var now: String {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "memory: n/a" }
            func field(_ name: String) -> String {
                status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                    .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? "?"
            }
            return "resident \(field("VmRSS")), peak \(field("VmHWM"))"
        }
    }
}
