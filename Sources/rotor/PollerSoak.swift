import Foundation
import RotorCore
import RotorData

/// `rotor soak`'s endurance part: the real `Poller` (its loop, its concurrent fetch
/// tasks, the real `LiveStore` and, unless told not to, a real `FeedCache` in a
/// temporary folder) on a `VirtualClock`, against a provider having a bad day, for as
/// many fetches as asked. Weeks of polling take seconds, and what must stay flat is
/// measured: resident memory, open files, fetches in flight.
struct PollerSoak {
    var fetches: Int
    var seed: UInt64
    var withCache: Bool
    /// A new trading day every so many fetches; between them every success updates
    /// today's bar, as a live day does, so the store holds `fetches / fetchesPerDay` days.
    var fetchesPerDay = 10_000

    /// 12 main feeds on three providers, a universe of 8 members, and one feed whose
    /// every fetch hangs until it is cancelled. The intervals are short so that the
    /// budget (2 requests a second) is what paces the run.
    static let feeds: [FeedSpec] =
        ["ES", "NQ", "RTY", "YM", "SPX", "VIX", "TNX"].map { FeedSpec(symbol: $0, kind: .yahoo, interval: 5) }
        + ["DGS2", "DGS10", "T10Y2Y"].map { FeedSpec(symbol: $0, kind: .fred, interval: 10) }
        + ["BREADTH", "PUTCALL"].map { FeedSpec(symbol: $0, kind: .csv, ticker: "/soak/\($0).csv", interval: 5) }
        + (1...8).map { FeedSpec(symbol: "M\($0)", kind: .yahoo, interval: 20, universe: "soak") }
        + [FeedSpec(symbol: "STUCK", kind: .yahoo, interval: 5)]

    struct Report {
        var fetches: Int
        var seconds: Double
        var virtualSeconds: Double
        var counts: SoakProvider.Counts
        var statistics: Poller.Statistics
        var warmUpFetches: Int
        var memoryAtStart: Int, memoryAtEnd: Int
        var filesAtStart: Int, filesAtEnd: Int
        var mostDays: Int
        var feedsWithData: Int
        /// Days per feed read back from the cache, when there is one, and whether they
        /// match the store's.
        var cache: (feeds: Int, matches: Bool)?

        var lines: [String] {
            let c = counts
            var out = [
                String(format: "poller soak: %d fetches of %d feeds in %.1f s (%.0f fetches/s), %.0f virtual seconds (%.1f days)",
                       fetches, PollerSoak.feeds.count, seconds, Double(fetches) / max(seconds, 1e-9),
                       virtualSeconds, virtualSeconds / 86_400),
                "outcomes: \(c.ok) ok, \(c.unavailable) HTTP 503, \(c.timedOut) timed out, \(c.rateLimited) HTTP 429 "
                    + "(\(c.withRetryAfter) with Retry-After, \(c.absurdRetryAfter) of them nan/inf/huge/negative), "
                    + "\(c.hung) hung until cancelled",
                "store: \(feedsWithData) feeds with data, at most \(mostDays) days each",
            ]
            if let cache {
                out.append("cache: FeedCache in a temporary folder, \(cache.feeds) feeds read back, "
                           + (cache.matches ? "the same days as the store" : "NOT the same days as the store"))
            } else {
                out.append("cache: none (--no-cache)")
            }
            out += [
                "poller tasks: \(statistics.started) started, \(statistics.ended) ended, at most \(statistics.mostInFlight) in flight, \(statistics.inFlight) at the end",
                String(format: "poller memory: %.1f MB after warm-up (%d fetches), %.1f MB at the end (%+.2f MB)",
                       Double(memoryAtStart) / 1_048_576, warmUpFetches, Double(memoryAtEnd) / 1_048_576,
                       Double(memoryAtEnd - memoryAtStart) / 1_048_576),
                "poller open files: \(filesAtStart) after warm-up, \(filesAtEnd) at the end",
            ]
            return out
        }
    }

    func run() async throws -> Report {
        let started = Date()
        let clock = VirtualClock(wallStart: Date(timeIntervalSince1970: 1_767_312_000)) // 2026-01-02
        let provider = SoakProvider(clock: clock, seed: seed, fetchesPerDay: fetchesPerDay,
                                    firstDay: Day(year: 2026, month: 1, day: 2)!, hanging: "STUCK")
        let store = LiveStore(feeds: Self.feeds)
        var folder: String?
        var cache: FeedCache?
        if withCache {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-soak-\(UUID().uuidString)").path
            folder = path
            do {
                cache = try FeedCache(path: path + "/feeds.sqlite")
            } catch {
                throw CommandFailure.runtime("soak: cannot make a cache in \(path): \(error)")
            }
        }
        defer { if let folder { try? FileManager.default.removeItem(atPath: folder) } }

        let poller = Poller(store: store, cache: cache, providers: { _ in provider }, clocks: .virtual(clock, jitter: 0.5))
        let polling = clock.task { await poller.run() }
        /// Lets virtual time run until the provider has answered `target` fetches, a
        /// few minutes of virtual time at a time, taking a snapshot as the screen does.
        func runUntil(_ target: Int) async {
            while provider.calls < target {
                await clock.advance(by: max(1, min(600, Double(target - provider.calls) / 2)))
                _ = store.takeSnapshot()
            }
        }
        let warmUp = min(fetches, max(1000, min(20_000, fetches / 20)))
        await runUntil(warmUp)
        let memoryAtStart = SoakCommand.residentBytes(), filesAtStart = SoakCommand.openFiles()
        let warmUpFetches = provider.calls
        await runUntil(fetches)
        let memoryAtEnd = SoakCommand.residentBytes(), filesAtEnd = SoakCommand.openFiles()
        polling.cancel()
        await polling.value

        let snapshot = store.snapshot()
        var days: [String: Int] = [:]
        for (symbol, series) in snapshot.market.symbols { days[symbol] = series.count }
        for (u, universe) in snapshot.market.universes {
            for m in universe.members { days["@\(u)/\(m.name)"] = m.series.count }
        }
        var cacheCheck: (Int, Bool)?
        if let cache {
            let reread = LiveStore(feeds: Self.feeds)
            let count: Int
            do {
                count = try Poller.loadCache(cache, into: reread).feeds
            } catch {
                throw CommandFailure.runtime("soak: cannot read the cache back: \(error)")
            }
            let back = reread.snapshot().market
            let same = back.symbols.allSatisfy { snapshot.market.symbols[$0.key]?.dates == $0.value.dates }
                && back.symbols.count == snapshot.market.symbols.count
            cacheCheck = (count, same)
        }
        return Report(fetches: provider.calls, seconds: Date().timeIntervalSince(started), virtualSeconds: clock.now,
                      counts: provider.counts, statistics: await poller.statistics, warmUpFetches: warmUpFetches,
                      memoryAtStart: memoryAtStart, memoryAtEnd: memoryAtEnd, filesAtStart: filesAtStart,
                      filesAtEnd: filesAtEnd, mostDays: days.values.max() ?? 0, feedsWithData: days.count,
                      cache: cacheCheck)
    }
}

/// A provider on a bad day, from a seeded generator (the same outcomes on every run
/// of a seed): most fetches bring today's bar, others fail with HTTP 503, time out
/// after 10 s of virtual time, or answer 429 with or without a `Retry-After` (now and
/// then a nan, inf, 1e300 or negative one); one ticker hangs until cancelled.
final class SoakProvider: Provider, @unchecked Sendable {
    // @unchecked: every stored var is read and written under `lock`.
    struct Counts: Sendable {
        var ok = 0, unavailable = 0, timedOut = 0, rateLimited = 0, hung = 0
        var withRetryAfter = 0, absurdRetryAfter = 0
        var total: Int { ok + unavailable + timedOut + rateLimited + hung }
    }

    private enum Outcome {
        case bars(Day, Double)
        case unavailable, timeout, hang
        case rateLimited(Double?)
    }

    private let lock = NSLock()
    private var state: UInt64
    private var tally = Counts()
    private var prices: [String: Double] = [:]
    private let clock: VirtualClock
    private let fetchesPerDay: Int
    private let firstDay: Day
    private let hanging: String
    static let timeout = 10.0
    static let absurd: [Double] = [.nan, .infinity, 1e300, -1, 99_999_999_999_999_999_999]

    init(clock: VirtualClock, seed: UInt64, fetchesPerDay: Int, firstDay: Day, hanging: String) {
        self.clock = clock
        state = seed
        self.fetchesPerDay = fetchesPerDay
        self.firstDay = firstDay
        self.hanging = hanging
    }

    var counts: Counts { lock.withLock { tally } }
    var calls: Int { lock.withLock { tally.total } }

    /// SplitMix64: a number in 0..<1. Called under `lock`.
    private func random() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        let outcome: Outcome = lock.withLock {
            if ticker == hanging {
                tally.hung += 1
                return .hang
            }
            let r = random()
            switch r {
            case ..<0.90:
                let day = firstDay.adding(days: tally.total / fetchesPerDay)
                tally.ok += 1
                let price = (prices[ticker] ?? 100) * (1 + 0.002 * (random() - 0.5))
                prices[ticker] = price
                return .bars(day, price)
            case ..<0.95:
                tally.unavailable += 1
                return .unavailable
            case ..<0.98:
                tally.timedOut += 1
                return .timeout
            default:
                tally.rateLimited += 1
                // 1 in 2 429s says Retry-After; 1 in 200 of those says something absurd.
                guard random() < 0.5 else { return .rateLimited(nil) }
                tally.withRetryAfter += 1
                if random() < 0.005 {
                    tally.absurdRetryAfter += 1
                    return .rateLimited(Self.absurd[Int(random() * Double(Self.absurd.count)) % Self.absurd.count])
                }
                return .rateLimited([5, 30, 120][Int(random() * 3) % 3])
            }
        }
        switch outcome {
        case let .bars(day, price):
            return Bars(series: Series(dates: [day], values: [price]), marketOpen: true)
        case .unavailable:
            throw .http(status: 503, detail: "Service Unavailable")
        case .timeout:
            await clock.sleep(Self.timeout)
            throw .timeout(seconds: Self.timeout)
        case .hang:
            await clock.sleep(.infinity)
            throw .connection("cancelled")
        case let .rateLimited(after):
            throw .rateLimited(retryAfter: after)
        }
    }
}
