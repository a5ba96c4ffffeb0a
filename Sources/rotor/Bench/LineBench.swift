import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `rotor bench --line`: where `rotor line` spends its time, phase by phase, in
/// process. On a replay config (the demo) the phases are the config, the CSV folder,
/// the line's model and the text; with `--live` (Samples/live.toml unless --config),
/// a feed cache in a temporary folder is first filled from the demo's bars (each feed
/// of the config gets the demo series of its symbol, each universe member one of the
/// demo's members in turn), so no network is used, and the data phase is opening the
/// cache and reading it into a store. The dashboard's whole model is timed beside the
/// line's for comparison.
enum LineBench {
    static func run(iterations: Int, options: DataOptions, live: Bool, cacheRows: Int = 504) throws -> [String] {
        var lines: [String] = []
        var environment = ProcessInfo.processInfo.environment
        let options = try options.withLive(live)
        let (config, path) = try options.loadConfig()
        var folder: String?
        defer { if let folder { try? FileManager.default.removeItem(atPath: folder) } }
        if options.isLive(config) {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-line-bench-\(getpid())").path
            try? FileManager.default.removeItem(atPath: made)
            folder = made
            environment["XDG_CACHE_HOME"] = made
            let (feeds, bars) = try fillCache(config, configPath: path, environment: environment, rows: cacheRows)
            lines.append("live: \(config.feeds.count) [[feeds]] of \(path ?? "the config") = \(feeds) feeds, \(bars) bars cached "
                         + "(from the demo) in \(FeedCache.defaultPath(environment: environment))")
        }
        lines.append(BenchTiming.report("config (and member file)", try BenchTiming.time(iterations) {
            let (c, p) = try options.loadConfig()
            if options.isLive(c) { _ = try FeedList.specs(c, configPath: p, environment: environment) }
        }))
        if options.isLive(config) {
            // The live data phase in its two parts: SQLite's open (quick_check and the
            // migrations) and reading every feed's rows, each checked, into a store.
            let cachePath = FeedCache.defaultPath(environment: environment)
            lines.append(BenchTiming.report("cache alone: open it (integrity check, migrations)", try BenchTiming.time(iterations) {
                _ = try FeedCache(path: cachePath)
            }))
            lines.append(BenchTiming.report("cache alone: open it to read only (as rotor line does)", try BenchTiming.time(iterations) {
                _ = try FeedCache(readingOnly: cachePath)
            }))
            let cache = try FeedCache(readingOnly: cachePath), feeds = try FeedList.specs(config, configPath: path, environment: environment)
            lines.append(BenchTiming.report("cache alone: read every feed into a store", try BenchTiming.time(iterations) {
                _ = try Poller.loadCache(cache, into: LiveStore(feeds: feeds))
            }))
        }
        var input: LineInput?
        lines.append(BenchTiming.report(options.isLive(config) ? "open the cache and read it into a store (both)" : "load the CSV folder",
                            try BenchTiming.time(iterations) { input = try LineInput.load(options, live: live, environment: environment) }))
        guard let input else { return lines }
        let reading = input.reading
        var model: DashboardModel?
        lines.append(BenchTiming.report("the line's model (\(reading.expressions.count) expressions)", try BenchTiming.time(iterations) {
            model = reading.model(input.market, thresholds: config.thresholds)
        }))
        let full = DashboardModel(data: input.market, panes: config.paneSpecs, roles: config.roles,
                                  thresholds: config.thresholds, watching: AlertBook.expressions(config.alerts))
        lines.append(BenchTiming.report("the dashboard's model, for comparison (\(full.series.count + full.failures.count) expressions)",
                            try BenchTiming.time(max(3, iterations / 3)) {
            _ = DashboardModel(data: input.market, panes: config.paneSpecs, roles: config.roles,
                               thresholds: config.thresholds, watching: AlertBook.expressions(config.alerts))
        }))
        guard let model else { return lines }
        var text = ""
        lines.append(BenchTiming.report("the text (flags up, alerts stepped over \(model.dates.count) sessions)", try BenchTiming.time(iterations) {
            text = reading.text(model, at: nil).tmux(.standard)
        }))
        lines.append(BenchTiming.report("the whole line in process", try BenchTiming.time(iterations) {
            let i = try LineInput.load(options, live: live, environment: environment)
            let r = i.reading
            _ = r.text(r.model(i.market, thresholds: i.config.thresholds), at: nil).tmux(.standard)
        }))
        lines.append(BenchTiming.report("the whole line as a process (rotor line --format tmux)", try BenchTiming.time(max(3, iterations / 3)) {
            try runProcess(options: options, live: live, environment: environment)
        }))
        lines.append("line: " + text)
        return lines
    }

    /// Stores the demo's bars for every feed of the config into the cache at the
    /// environment's place, the last `rows` of each (0: all); returns the feeds and
    /// bars stored. A live feed's first fetch stores two years (Yahoo `range=2y`):
    /// 504 rows is the cache of a dashboard started today.
    static func fillCache(_ config: RotorConfig, configPath: String?, environment: [String: String], rows: Int = 0) throws -> (Int, Int) {
        guard let demo = BundledSamples.demoData else { throw CommandFailure.usage("Samples/demo not found") }
        let market = try DataFolder.load(demo)
        let members = market.universes.values.first?.members.map(\.series) ?? []
        let cache = try FeedCache(path: FeedCache.defaultPath(environment: environment))
        var feeds = 0, bars = 0, member = 0
        for feed in try FeedList.specs(config, configPath: configPath, environment: environment) {
            let series: Series?
            if feed.universe != nil {
                series = members.isEmpty ? nil : members[member % members.count]
                member += 1
            } else if feed.kind.parts.isEmpty {
                series = market.series(feed.symbol)
            } else {
                series = nil // a feed of several series (cftc): the demo has none to give it
            }
            guard var series, !series.isEmpty else { continue }
            if rows > 0, series.count > rows {
                series = Series(dates: Array(series.dates.suffix(rows)), values: Array(series.values.suffix(rows)))
            }
            try cache.store(feed.cacheKey, series)
            feeds += 1
            bars += series.count
        }
        return (feeds, bars)
    }

    /// `rotor line --format tmux` as tmux runs it: this binary, a process of its own.
    private static func runProcess(options: DataOptions, live: Bool, environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        process.arguments = ["line", "--format", "tmux"] + (live ? ["--live"] : []) + (options.config.map { ["--config", $0] } ?? [])
            + (options.data.map { ["--data", $0] } ?? [])
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure.runtime("bench: rotor line exited with status \(process.terminationStatus)")
        }
    }
}
