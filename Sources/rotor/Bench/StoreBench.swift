import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorUI

/// `rotor bench --store --db URL`: a dashboard's start from the desk's shared store
/// with a large universe (issue 18: 2000 members, first frame under 1 s, under
/// 150 MB). Fills a fresh schema with the live config's main feeds (ten years of
/// daily bars each, as a first fetch of `range=max` leaves them) and `members`
/// universe members (two years each), as a collector would, one fetch a
/// transaction; then times what the dashboard does before its first frame: the
/// follower's first read into a live store, the pane model, one 120x40 frame. The
/// password comes from PGPASSWORD. With `keep`, the schema is left for a real
/// dashboard to open (Benchmarks/store-scale.sh), and its config is printed.
enum StoreBench {
    static let mainRows = 2520
    static let memberRows = 504

    static func run(iterations: Int, db: String, members: Int, keep: Bool) async throws -> [String] {
        let (config, path) = try DataOptions.parse([]).withLive(true).loadConfig()
        let schema = "bench\(getpid())"
        let settings: StoreSettings
        do {
            settings = try StoreSettings(url: db, schema: schema)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let store = SharedStore(settings)
        var lines: [String] = []
        do {
            let configured = try FeedList.specs(config, configPath: path, environment: ProcessInfo.processInfo.environment)
            let main = configured.filter { $0.universe == nil }
            // The config's universe, its members replaced by `members` synthetic ones.
            let name = configured.first { $0.universe != nil }?.universe ?? "universe"
            let universe = (1...max(1, members)).map { FeedSpec(symbol: String(format: "M%04d", $0), kind: .yahoo, universe: name) }
            let feeds = main + universe
            try await store.migrate()
            let clock = ContinuousClock()
            let filled = try await clock.measure { try await fill(store, main: main, members: universe) }
            lines.append("filled \(store.name) schema \(schema): \(main.count) main feeds x \(mainRows) bars, "
                         + "\(members) members x \(memberRows) bars, one transaction a feed: \(Int(ms(filled))) ms")
            var model: DashboardModel?
            var held = 0
            var read: [Double] = [], built: [Double] = [], drawn: [Double] = []
            for _ in 0..<max(1, iterations) {
                let live = LiveStore(feeds: feeds)
                let follower = StoreFollower(store: store, live: live)
                read.append(ms(try await clock.measure { try await follower.read() }))
                let market = live.snapshot().market
                held = market.universes[name]?.members.count ?? 0
                built.append(ms(clock.measure {
                    model = DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles,
                                           thresholds: config.thresholds, watching: AlertBook.expressions(config.alerts))
                }))
                guard let model else { continue }
                drawn.append(ms(clock.measure { _ = view(AppState(width: 120, height: 40), model: model, asOf: model.lastDate, mode: "LIVE") }))
            }
            let total = zip(zip(read, built), drawn).map { $0.0 + $0.1 + $1 }
            (read, built, drawn) = (read.sorted(), built.sorted(), drawn.sorted())
            lines.append(BenchTiming.report("the follower's first read (\(feeds.count) feeds)", read))
            lines.append(BenchTiming.report("the pane model", built))
            lines.append(BenchTiming.report("the first 120x40 frame", drawn))
            lines.append(BenchTiming.report("read + model + frame", total.sorted()))
            lines.append("universe: \(held) members read; "
                         + LongHistoryBench.Memory.now)
            if keep {
                lines.append("kept schema \(schema); members \(members)")
            } else {
                try await store.dropSchema()
            }
        } catch {
            await store.close()
            throw CommandFailure.runtime("\(error)")
        }
        await store.close()
        return lines
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }

    /// Writes every feed's bars and a success, as the collector's first round would.
    static func fill(_ store: SharedStore, main: [FeedSpec], members: [FeedSpec]) async throws {
        let sessions = LongHistoryBench.businessDays(mainRows)
        var random = LongHistoryBench.SplitMix(seed: 18)
        let now = Date()
        var health = FeedHealth()
        health.succeeded(at: now)
        for feed in main + members {
            let dates = feed.universe == nil ? sessions : Array(sessions.suffix(memberRows))
            var x = feed.kind == .fred ? 4.0 : 100.0
            let values = dates.map { _ -> Double in
                let u = random.unit() - 0.5
                x = feed.kind == .fred ? x + 0.1 * u : x * (1 + 0.03 * u)
                return (x * 100).rounded() / 100
            }
            let series = Series(dates: dates, values: values)
            let histories = feed.cacheKeys.map { ($0, series) }
            try await store.write(FetchRecord(feed: feed.cacheKey, histories: histories, health: health, at: now))
        }
    }
}
