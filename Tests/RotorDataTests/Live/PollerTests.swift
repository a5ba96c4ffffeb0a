import Foundation
import RotorCore
import Testing
@testable import RotorData

/// The poller's real loop and its concurrent fetch tasks on a `VirtualClock`: hours of
/// polling in well under a second, the same on every run. Time moves only when the
/// loop and every fetch are parked on the clock, so each call is stamped at the
/// virtual time it was made; no test sleeps or yields to wait for the poller.
@Suite struct PollerTests {
    /// What a fake fetch does.
    enum Outcome: Sendable {
        case bars
        case fail(FeedError)
        /// Waits on the clock for so many seconds, then throws a timeout.
        case timeOut(after: Double)
        /// Never answers: waits until the fetch is cancelled.
        case stall
    }

    /// Answers from memory as `behaviour` says (ticker, how many calls of that
    /// ticker came before) and records every call: when it was made, how many of the
    /// same ticker were running at once, and how many have ended.
    final class FakeProvider: Provider, @unchecked Sendable {
        // @unchecked: every stored var is read and written under `lock`.
        private let lock = NSLock()
        private var calls: [(time: Double, ticker: String)] = []
        private var callsOf: [String: Int] = [:]
        private var active: [String: Int] = [:]
        private var mostAtOnce: [String: Int] = [:]
        private var endedCount = 0
        let clock: VirtualClock
        let behaviour: @Sendable (String, Int) -> Outcome

        init(clock: VirtualClock, behaviour: @escaping @Sendable (String, Int) -> Outcome = { _, _ in .bars }) {
            self.clock = clock
            self.behaviour = behaviour
        }

        convenience init(clock: VirtualClock, failing: Set<String>) {
            self.init(clock: clock) { ticker, _ in failing.contains(ticker) ? .fail(.http(status: 503, detail: "down")) : .bars }
        }

        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            let outcome = lock.withLock {
                let n = callsOf[ticker, default: 0]
                callsOf[ticker] = n + 1
                calls.append((clock.now, ticker))
                active[ticker, default: 0] += 1
                mostAtOnce[ticker] = max(mostAtOnce[ticker] ?? 0, active[ticker]!)
                return behaviour(ticker, n)
            }
            defer {
                lock.withLock {
                    active[ticker]! -= 1
                    endedCount += 1
                }
            }
            switch outcome {
            case .bars:
                let day = Day(year: 2025, month: 6, day: 2)!.adding(days: Int(clock.now / 86_400))
                return Bars(series: Series(dates: [day], values: [100 + clock.now / 1000]), marketOpen: true)
            case let .fail(error):
                throw error
            case let .timeOut(after):
                await clock.sleep(after)
                throw .timeout(seconds: after)
            case .stall:
                await clock.sleep(.infinity)
                throw .connection("cancelled")
            }
        }

        func times(_ ticker: String) -> [Double] { lock.withLock { calls.filter { $0.ticker == ticker }.map(\.time) } }
        var count: Int { lock.withLock { calls.count } }
        var ended: Int { lock.withLock { endedCount } }
        var running: Int { lock.withLock { active.values.reduce(0, +) } }
        /// The most calls of any one ticker that were running at once.
        var mostOfOneTickerAtOnce: Int { lock.withLock { mostAtOnce.values.max() ?? 0 } }
    }

    /// Log lines, from the poller's actor.
    final class Lines: @unchecked Sendable {
        // @unchecked: `all` is read and written under `lock`.
        private let lock = NSLock()
        private var all: [String] = []
        func append(_ line: String) { lock.withLock { all.append(line) } }
        var lines: [String] { lock.withLock { all } }
    }

    static let feeds = ["ES", "RTY", "NQ", "SPX"].map { FeedSpec(symbol: $0, kind: .yahoo) }
        + [FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2")]

    /// Runs a poller on `clock` until virtual time `seconds`, with `during` run once at
    /// the quiet instant `mark`; returns once `run` has returned (every fetch ended).
    @discardableResult
    func run(_ store: LiveStore, _ provider: FakeProvider, _ clock: VirtualClock, for seconds: Double,
             at mark: Double? = nil, log: Lines = Lines(),
             during: @Sendable (Poller) async -> Void = { _ in }) async -> Poller.Statistics {
        let poller = Poller(store: store, cache: nil, providers: { _ in provider }, clocks: .virtual(clock),
                            log: { log.append($0) })
        let task = clock.task { await poller.run() }
        if let mark {
            await clock.advance(to: mark)
            await during(poller)
        }
        await clock.advance(to: seconds)
        task.cancel()
        await task.value
        return await poller.statistics
    }

    @Test func hoursOfPollingKeepTheIntervalsAndTheBudget() async {
        let clock = VirtualClock()
        let provider = FakeProvider(clock: clock, failing: ["RTY"])
        let store = LiveStore(feeds: Self.feeds)
        let statistics = await run(store, provider, clock, for: 4 * 3600)
        let es = provider.times("ES")
        #expect(es.count > 400, "ES polled \(es.count) times in 4 h") // every ~30 s
        #expect(zip(es, es.dropFirst()).allSatisfy { $1 - $0 >= 29 })
        #expect((4...6).contains(provider.times("DGS2").count)) // hourly
        // RTY failed every time: retried with backoff up to 10 minutes, not hammered.
        let rty = provider.times("RTY")
        #expect((20...40).contains(rty.count), "RTY tried \(rty.count) times")
        #expect(zip(rty, rty.dropFirst()).allSatisfy { $1 - $0 <= 605 })
        // The others kept their data; the failure is on RTY's health alone.
        let snapshot = store.snapshot()
        #expect(snapshot.market.symbols["ES"]?.isEmpty == false && snapshot.market.symbols["RTY"] == nil)
        let health = Dictionary(uniqueKeysWithValues: snapshot.health.map { ($0.feed.symbol, $0.health) })
        #expect(health["RTY"]?.lastError == .http(status: 503, detail: "down") && health["RTY"]?.failingSince != nil)
        #expect(health["ES"]?.failingSince == nil && health["ES"]?.lastSuccess != nil)
        // Never more than 3 + 2 w requests in any window of w seconds.
        let all = provider.times("ES") + provider.times("NQ") + provider.times("SPX") + rty + provider.times("DGS2")
        let sorted = all.sorted()
        for (i, t) in sorted.enumerated() { #expect(sorted[i...].prefix { $0 < t + 1 }.count <= 5) }
        // Every fetch the poller started reached the provider and ended.
        #expect(statistics.started == provider.count && statistics.ended == provider.ended && statistics.inFlight == 0)
    }

    @Test func aWallClockJumpRefreshesOnceWithoutABurst() async {
        let clock = VirtualClock()
        let provider = FakeProvider(clock: clock)
        let store = LiveStore(feeds: Self.feeds)
        let log = Lines()
        await run(store, provider, clock, for: 2000, at: 1000, log: log) { _ in clock.jumpWallClock(by: 8 * 3600) }
        // FRED is hourly: fetched at the start, then again right after the jump.
        let fred = provider.times("DGS2")
        #expect(fred.count == 2 && fred[1] >= 1000 && fred[1] < 1010, "\(fred)")
        let after = provider.times("ES").filter { $0 >= 1000 && $0 < 1010 }
        #expect(after.count == 1)
        #expect(log.lines.filter { $0.hasPrefix("wall clock jumped by ") }.count == 1, "\(log.lines)")
    }

    @Test func refreshAsksEveryFeedAgain() async {
        let clock = VirtualClock()
        let provider = FakeProvider(clock: clock)
        let store = LiveStore(feeds: Self.feeds)
        await run(store, provider, clock, for: 1500, at: 1000) { poller in await poller.refresh() }
        let fred = provider.times("DGS2")
        #expect(fred.count == 2 && fred[1] >= 1000 && fred[1] < 1010, "\(fred)")
    }

    @Test func aStalledFeedDelaysNoOther() async {
        let clock = VirtualClock()
        let feeds = Self.feeds + [FeedSpec(symbol: "STUCK", kind: .yahoo)]
        let provider = FakeProvider(clock: clock) { ticker, _ in ticker == "STUCK" ? .stall : .bars }
        let store = LiveStore(feeds: feeds)
        // A refresh half-way must not start a second fetch of the stalled feed.
        let statistics = await run(store, provider, clock, for: 3600, at: 1800) { poller in await poller.refresh() }
        let es = provider.times("ES")
        #expect(es.count >= 115, "ES polled \(es.count) times in an hour beside a stalled feed")
        #expect(zip(es, es.dropFirst()).allSatisfy { $1 - $0 <= 32 }, "\(es)") // 30 s, or sooner on the refresh
        #expect(provider.times("DGS2").count == 2) // at the start and on the refresh
        #expect(provider.times("STUCK").count == 1) // once, and never again while in flight
        #expect(provider.mostOfOneTickerAtOnce == 1)
        // Cancelling the run ended the stalled fetch too.
        #expect(provider.ended == provider.count && provider.running == 0 && statistics.inFlight == 0)
        #expect(store.snapshot().market.symbols["ES"]?.isEmpty == false)
    }

    @Test func cancellingTheRunEndsEveryFetch() async {
        let clock = VirtualClock()
        let provider = FakeProvider(clock: clock) { ticker, _ in
            ticker == "DGS2" ? .timeOut(after: 3600) : .stall
        }
        let store = LiveStore(feeds: Self.feeds)
        let statistics = await run(store, provider, clock, for: 60)
        // All five started (the budget lets them go within 2 s) and were running at
        // once; the cancellation ended every one before `run` returned.
        #expect(statistics.started == 5 && statistics.mostInFlight == 5, "\(statistics)")
        #expect(provider.count == 5 && provider.ended == 5 && provider.running == 0)
        #expect(statistics.inFlight == 0 && clock.busyUnits == 0)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, 1e20, -5, 7200, 90])
    func aRetryAfterOfAnyNumberWaitsAtMostAnHour(_ retryAfter: Double) async {
        let clock = VirtualClock()
        let provider = FakeProvider(clock: clock) { ticker, n in
            ticker == "ES" && n == 0 ? .fail(.rateLimited(retryAfter: retryAfter)) : .bars
        }
        let store = LiveStore(feeds: Self.feeds)
        let log = Lines()
        await run(store, provider, clock, for: 3600 + 120, log: log)
        let es = provider.times("ES")
        let wait = es[1] - es[0]
        let expected = PollSchedule.retryDelay(retryAfter) ?? PollSchedule.backoff(failures: 1, jitter: 0.5)
        #expect(wait >= expected && wait <= expected + 2, "Retry-After \(retryAfter): waited \(wait) s")
        #expect(wait <= 3600 + 2)
        // The whole provider paused as long; FRED did not.
        let nq = provider.times("NQ")
        #expect(!nq.contains { $0 > es[0] + 2 && $0 < es[0] + expected }, "NQ during the pause: \(nq.prefix(5))")
        #expect(provider.times("DGS2").count == 2) // hourly, at 0 s and at 3601 s
        // What the pane and the log say is bounded too.
        let health = store.snapshot().health.first { $0.feed.symbol == "ES" }!.health
        #expect(health.lastError == .rateLimited(retryAfter: PollSchedule.retryDelay(retryAfter)))
        #expect(log.lines.contains { $0.hasPrefix("feed ES (yahoo ES): HTTP 429 rate limited") })
    }

    @Test func finishedFetchesAreNotKept() async {
        // An hour of ten feeds polled every 5 s, two of them timing out after 8 s and
        // one failing: thousands of fetches, never more in flight than there are feeds.
        let clock = VirtualClock()
        let feeds = (1...10).map { FeedSpec(symbol: "F\($0)", kind: $0 > 8 ? .fred : .yahoo, interval: 5) }
        let provider = FakeProvider(clock: clock) { ticker, n in
            switch ticker {
            case "F1", "F9": n % 3 == 0 ? .timeOut(after: 8) : .bars
            case "F2": .fail(.http(status: 503, detail: "down"))
            default: .bars
            }
        }
        let store = LiveStore(feeds: feeds)
        let statistics = await run(store, provider, clock, for: 3600)
        #expect(statistics.started > 5000, "\(statistics)")
        #expect(statistics.mostInFlight <= feeds.count && statistics.inFlight == 0, "\(statistics)")
        #expect(provider.mostOfOneTickerAtOnce == 1)
        #expect(statistics.started == provider.count && provider.ended == provider.count)
    }

    @Test func storeMergesBarsByDate() {
        let d = (1...4).map { Day(year: 2025, month: 1, day: $0)! }
        let merged = LiveStore.merge(Series(dates: Array(d[0...2]), values: [1, 2, 3]),
                                     Series(dates: Array(d[2...3]), values: [30, 4]))
        #expect(merged.dates == d && merged.values == [1, 2, 30, 4])
        #expect(LiveStore.merge(Series(dates: [d[0]], values: [1]), Series(dates: [d[1]], values: [2])).values == [1, 2])
    }
}
