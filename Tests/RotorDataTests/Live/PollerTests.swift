import Foundation
import RotorCore
import Testing
@testable import RotorData

/// The poller's real loop on virtual clocks: hours of polling in well under a second.
@Suite(.serialized) struct PollerTests {
    /// Seconds that pass only when the poller sleeps; the wall clock can be made to jump.
    final class VirtualTime: @unchecked Sendable {
        private let lock = NSLock()
        private var t = 0.0
        private var jump = 0.0
        var now: Double { lock.withLock { t } }
        var wall: Date { lock.withLock { Date(timeIntervalSince1970: 1_750_000_000 + t + jump) } }
        func advance(_ d: Double) { lock.withLock { t += d } }
        func jumpWallClock(by d: Double) { lock.withLock { jump += d } }
    }

    /// Answers from memory and records (virtual time, ticker) of each call.
    final class FakeProvider: Provider, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var calls: [(Double, String)] = []
        let time: VirtualTime
        let failing: Set<String>

        init(time: VirtualTime, failing: Set<String> = []) {
            self.time = time
            self.failing = failing
        }

        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            lock.withLock { calls.append((time.now, ticker)) }
            if failing.contains(ticker) { throw .http(status: 503, detail: "down") }
            let day = Day(year: 2025, month: 6, day: 2)!.adding(days: Int(time.now / 86_400))
            return Bars(series: Series(dates: [day], values: [100 + time.now / 1000]), marketOpen: true)
        }

        func times(_ ticker: String) -> [Double] { lock.withLock { calls.filter { $0.1 == ticker }.map(\.0) } }
        var count: Int { lock.withLock { calls.count } }
    }

    static let feeds = ["ES", "RTY", "NQ", "SPX"].map { FeedSpec(symbol: $0, kind: .yahoo) }
        + [FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2")]

    /// The poller, for an action taken from inside the virtual clock.
    final class PollerBox: @unchecked Sendable {
        var poller: Poller?
        var done = false
    }

    /// Runs a poller until the virtual clock passes `seconds`; `during` runs once
    /// when it passes `mark`. Time moves only inside the poller's naps, after the
    /// fetches it started have had their turn, so each call is stamped at the virtual
    /// time it was made.
    func run(_ store: LiveStore, _ provider: FakeProvider, _ time: VirtualTime, for seconds: Double,
             at mark: Double = .infinity, during: @escaping @Sendable (Poller) async -> Void = { _ in }) async {
        let box = PollerBox()
        let clocks = Poller.Clocks(monotonic: { time.now }, wall: { time.wall }, sleep: { d in
            for _ in 0..<4 { await Task.yield() }
            let before = time.now
            time.advance(d)
            if before < mark, time.now >= mark, let poller = box.poller { await during(poller) }
        }, jitter: { 0.5 })
        let poller = Poller(store: store, cache: nil, providers: { _ in provider }, clocks: clocks)
        box.poller = poller
        let task = Task { await poller.run() }
        while time.now < seconds { try? await Task.sleep(for: .milliseconds(1)) }
        task.cancel()
        await task.value
    }

    @Test func hoursOfPollingKeepTheIntervalsAndTheBudget() async {
        let time = VirtualTime()
        let provider = FakeProvider(time: time, failing: ["RTY"])
        let store = LiveStore(feeds: Self.feeds)
        await run(store, provider, time, for: 4 * 3600)
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
    }

    @Test func aWallClockJumpRefreshesOnceWithoutABurst() async {
        let time = VirtualTime()
        let provider = FakeProvider(time: time)
        let store = LiveStore(feeds: Self.feeds)
        await run(store, provider, time, for: 2000, at: 1000) { _ in time.jumpWallClock(by: 8 * 3600) }
        // FRED is hourly: fetched at the start, then again right after the jump.
        let fred = provider.times("DGS2")
        #expect(fred.count == 2 && fred[1] >= 1000 && fred[1] < 1010, "\(fred)")
        let after = provider.times("ES").filter { $0 >= 1000 && $0 < 1010 }
        #expect(after.count == 1)
    }

    @Test func refreshAsksEveryFeedAgain() async {
        let time = VirtualTime()
        let provider = FakeProvider(time: time)
        let store = LiveStore(feeds: Self.feeds)
        await run(store, provider, time, for: 1500, at: 1000) { poller in await poller.refresh() }
        let fred = provider.times("DGS2")
        #expect(fred.count == 2 && fred[1] >= 1000 && fred[1] < 1010, "\(fred)")
    }

    @Test func storeMergesBarsByDate() {
        let d = (1...4).map { Day(year: 2025, month: 1, day: $0)! }
        let merged = LiveStore.merge(Series(dates: Array(d[0...2]), values: [1, 2, 3]),
                                     Series(dates: Array(d[2...3]), values: [30, 4]))
        #expect(merged.dates == d && merged.values == [1, 2, 30, 4])
        #expect(LiveStore.merge(Series(dates: [d[0]], values: [1]), Series(dates: [d[1]], values: [2])).values == [1, 2])
    }
}
