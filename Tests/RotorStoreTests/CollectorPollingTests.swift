import Foundation
import RotorCore
import RotorData
import Testing
@testable import RotorStore

/// The dashboard's own `Poller` with the shared store as its sink (what `rotor
/// collect` runs), on a `VirtualClock`: every fetch the schedule makes is written,
/// so the store ends up holding exactly what the poller's memory holds, health
/// included. Time moves only once each write has committed (a fetch is busy on the
/// clock until its write returns), so no test waits on time.
@Suite(.enabled(if: TestServer.available, TestServer.skipReason))
struct CollectorPollingTests {
    /// A provider in memory: one bar per virtual day, or always a 503.
    final class DailyBars: Provider, @unchecked Sendable {
        // @unchecked: `calls` is read and written under `lock`.
        private let lock = NSLock()
        private var calls: [String: Int] = [:]
        let clock: VirtualClock
        let failing: Set<String>

        init(clock: VirtualClock, failing: Set<String>) {
            self.clock = clock
            self.failing = failing
        }

        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            lock.withLock { calls[ticker, default: 0] += 1 }
            if failing.contains(ticker) { throw .http(status: 503, detail: "down") }
            let day = Day(year: 2025, month: 6, day: 2)!.adding(days: Int(clock.now / 600))
            return Bars(series: Series(dates: [day], values: [100 + clock.now / 1000]), marketOpen: true)
        }

        func count(_ ticker: String) -> Int { lock.withLock { calls[ticker] ?? 0 } }
    }

    /// PostgreSQL keeps times to the microsecond; virtual time has finer fractions.
    static func sameToTheMicrosecond(_ a: FeedHealth, _ b: FeedHealth) -> Bool {
        func near(_ x: Date?, _ y: Date?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): abs(x.timeIntervalSince(y)) < 1e-6
            default: false
            }
        }
        return near(a.lastSuccess, b.lastSuccess) && near(a.failingSince, b.failingSince) && a.lastError == b.lastError
            && near(a.cacheError?.since, b.cacheError?.since) && a.cacheError?.message == b.cacheError?.message
    }

    @Test func everyFetchOfTheScheduleIsWrittenWithItsHealth() async throws {
        let store = try await TestServer.store()
        let clock = VirtualClock(wallStart: Date(timeIntervalSince1970: 1_750_000_000))
        let feeds = [FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F", interval: 60),
                     FeedSpec(symbol: "RTY", kind: .yahoo, ticker: "RTY=F", interval: 60),
                     FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2", interval: 300)]
        let provider = DailyBars(clock: clock, failing: ["RTY=F"])
        let live = LiveStore(feeds: feeds)
        let poller = Poller(store: live, cache: nil, sink: StoreSink(store), providers: { _ in provider },
                            clocks: .virtual(clock))
        let task = clock.task { await poller.run() }
        await clock.advance(to: 1800)
        task.cancel()
        await task.value

        // The schedule's rules held (the same poller as the dashboard's).
        #expect((29...32).contains(provider.count("ES=F")), "ES fetched \(provider.count("ES=F")) times")
        #expect((6...8).contains(provider.count("DGS2")))
        #expect(provider.count("RTY=F") < 15) // backed off
        // What the collector holds is what the store holds.
        let snapshot = live.snapshot()
        let stored = try await store.load(feeds.flatMap(\.cacheKeys), now: clock.wall)
        #expect(stored.histories[feeds[0].cacheKey] == snapshot.market.symbols["ES"])
        #expect(stored.histories[feeds[2].cacheKey] == snapshot.market.symbols["US2Y"])
        #expect(stored.histories[feeds[1].cacheKey] == nil)
        let health = try await store.health()
        for (feed, h) in snapshot.health {
            #expect(health.feeds[feed.cacheKey].map { Self.sameToTheMicrosecond($0, h) } == true, "\(feed.label)")
        }
        #expect(health.feeds[feeds[1].cacheKey]?.lastError == .http(status: 503, detail: "down"))
        #expect(try await store.lastWrite()?.lastWrite != nil)
        await TestServer.drop(store)
    }
}
