import Foundation
import RotorCore
import Testing
@testable import RotorData

/// A feed that fills several symbols (cftc: `RTY` fills RTY_AM, RTY_LF, RTY_OI):
/// each series in the store and under its own cache key, one health for the feed,
/// beside a one-series feed of the same symbol; and its polling, which follows the
/// CFTC's release calendar on the poller's real loop and a virtual clock.
@Suite struct MultiSeriesFeedTests {
    static let positioning = FeedSpec(symbol: "RTY", kind: .cftc, ticker: "239742")
    static let price = FeedSpec(symbol: "RTY", kind: .yahoo, ticker: "RTY=F")

    /// Weekly reports as of every Tuesday from 2025-01-07, each available from
    /// `arrival` after its scheduled release (a late upload), as of the `now` asked at.
    final class Reports: Provider, @unchecked Sendable {
        // @unchecked: `calls` is read and written under `lock`.
        private let lock = NSLock()
        private var calls: [Date] = []
        let arrival: Double

        init(arrival: Double = 0) { self.arrival = arrival }

        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            lock.withLock { calls.append(now) }
            let tuesdays = (0..<60).map { day("2025-01-07").adding(days: 7 * $0) }.filter {
                now.timeIntervalSince(CFTCReleaseCalendar.releaseMoment(asOf: $0)) >= arrival
            }
            guard !tuesdays.isEmpty else { throw .empty }
            func series(_ f: (Int) -> Double) -> Series {
                Series(dates: tuesdays, values: tuesdays.indices.map(f))
            }
            return Bars(parts: ["AM": series { Double(1000 + $0) }, "LF": series { Double(-2000 - $0) },
                                "OI": series { Double(400_000 + $0) }])
        }

        var times: [Date] { lock.withLock { calls } }
    }

    /// A fixed price history for the yahoo feed.
    struct Prices: Provider {
        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            Bars(series: Series(dates: days(["2025-04-28", "2025-04-29"]), values: [2010, 2022]))
        }
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-parts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aFeedNamesItsSeriesAndKeepsEachUnderItsOwnKey() {
        let feed = Self.positioning
        #expect(feed.names == ["RTY_AM", "RTY_LF", "RTY_OI"])
        #expect(feed.cacheKeys.map(\.description) == ["RTY_AM|cftc|239742", "RTY_LF|cftc|239742", "RTY_OI|cftc|239742"])
        #expect(Self.price.names == ["RTY"] && Self.price.cacheKeys == [Self.price.cacheKey])
        #expect(FeedSpec(symbol: "COR1M", kind: .cboe).names == ["COR1M"])
    }

    @Test func eachSeriesGoesToTheStoreAndTheCacheAndComesBackOnRestart() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try FeedCache(path: folder + "/feeds.sqlite")
        let feeds = [Self.price, Self.positioning]
        let store = LiveStore(feeds: feeds)
        let now = Date(timeIntervalSince1970: 1_746_300_000) // 2025-05-03, after the 04-29 report's release
        for (feed, provider) in [(Self.price, Prices() as any Provider), (Self.positioning, Reports())] {
            let result = await Poller.fetchOnce(feed, provider: provider, store: store, cache: cache, now: { now })
            #expect(result == .success(nil))
        }
        let market = store.snapshot().market
        // The price feed's RTY is its own; the positioning feed fills only its three.
        #expect(market.symbols["RTY"]?.values == [2010, 2022])
        #expect(market.symbols["RTY_AM"]?.last?.date == day("2025-04-29") && market.symbols["RTY_AM"]?.count == 17)
        #expect(market.symbols["RTY_LF"]?.last?.value == -2016 && market.symbols["RTY_OI"]?.first?.value == 400_000)
        #expect(store.lastDate(Self.positioning) == day("2025-04-29"))
        #expect(store.lastDate(Self.positioning, part: "LF") == day("2025-04-29"))
        // One health per feed.
        #expect(store.snapshot().health.map(\.feed) == feeds)
        #expect(store.snapshot().health.allSatisfy { $0.health.lastSuccess == now && $0.health.cacheError == nil })

        // A restart: the cache gives every series back, each from its own key.
        let loaded = try cache.load(Self.positioning.cacheKeys)
        #expect(loaded.histories.count == 3)
        let again = LiveStore(feeds: feeds)
        let restored = try Poller.loadCache(cache, into: again, now: now)
        #expect(restored.feeds == 2 && restored.warning == nil)
        let back = again.snapshot().market.symbols
        for name in ["RTY", "RTY_AM", "RTY_LF", "RTY_OI"] { #expect(back[name] == market.symbols[name], "\(name)") }
    }

    @Test func aMissingPartIsLeftAloneAndTheOthersMerge() async {
        struct OnlyOI: Provider {
            func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
                Bars(parts: ["OI": Series(dates: [day("2025-05-06")], values: [1]), "AM": Series()])
            }
        }
        let store = LiveStore(feeds: [Self.positioning])
        store.merge(Self.positioning, part: "AM", Series(dates: [day("2025-04-29")], values: [7]))
        _ = store.takeSnapshot()
        _ = await Poller.fetchOnce(Self.positioning, provider: OnlyOI(), store: store, cache: nil, now: { Date() })
        let (snapshot, changed) = store.takeSnapshot()
        #expect(snapshot.market.symbols["RTY_AM"]?.values == [7])
        #expect(snapshot.market.symbols["RTY_OI"]?.values == [1] && snapshot.market.symbols["RTY_LF"] == nil)
        #expect(changed == ["RTY_OI"])
        #expect(store.lastDate(Self.positioning) == day("2025-05-06"))
    }

    /// Runs the poller on one cftc feed from `start` for `seconds` of virtual time;
    /// returns the wall times it fetched at.
    func poll(_ feed: FeedSpec, from start: Date, for seconds: Double, arrival: Double) async -> [Date] {
        let clock = VirtualClock(wallStart: start)
        let reports = Reports(arrival: arrival)
        let store = LiveStore(feeds: [feed])
        let poller = Poller(store: store, cache: nil, providers: { _ in reports }, clocks: .virtual(clock))
        let task = clock.task { await poller.run() }
        await clock.advance(to: seconds)
        task.cancel()
        await task.value
        return reports.times
    }

    static let utc: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "EEE MM-dd HH:mm"
        f.timeZone = TimeZone(identifier: "UTC")
        f.locale = Locale(identifier: "en_US_POSIX")
        return f
    }()

    @Test func dailyChecksThenHourlyFromTheReleaseUntilTheReportArrives() async {
        // From Thursday 2025-05-01 12:00 UTC, the 04-22 report held; the 04-29 report is
        // due Friday 05-02 15:30 New York (19:30 UTC) and arrives two hours late.
        let start = Date(timeIntervalSince1970: 1_746_100_800)
        let times = await poll(Self.positioning, from: start, for: 2.5 * 86_400, arrival: 7200)
        // (To the minute: a fetch starts on the loop's first wake at or after its time.)
        let minutes = times.map { Self.utc.string(from: Date(timeIntervalSince1970: ($0.timeIntervalSince1970 / 60).rounded() * 60)) }
        #expect(minutes == [
            "Thu 05-01 12:00", "Fri 05-02 12:00", // daily
            "Fri 05-02 19:35", "Fri 05-02 20:35", "Fri 05-02 21:35", // five minutes after 15:30 New York, then hourly
            "Sat 05-03 21:35", // the new report arrived: daily again
        ])
    }

    @Test func aConfiguredIntervalWins() async {
        var feed = Self.positioning
        feed.interval = 2 * 3600
        let times = await poll(feed, from: Date(timeIntervalSince1970: 1_746_100_800), for: 12 * 3600 - 60, arrival: 0)
        #expect(times.count == 6 && zip(times, times.dropFirst()).allSatisfy { abs($1.timeIntervalSince($0) - 2 * 3600) < 1 })
    }

    @Test func theWaitAfterEachKindOfSuccess() {
        let feed = Self.positioning
        let asOf = day("2025-04-22")
        let release = CFTCReleaseCalendar.releaseMoment(asOf: day("2025-04-29")) // Fri 05-02 19:30 UTC
        #expect(feed.waitForRelease(now: release.addingTimeInterval(-3 * 86_400), latest: asOf) == 86_400)
        #expect(feed.waitForRelease(now: release.addingTimeInterval(-3600), latest: asOf) == 3900)
        #expect(feed.waitForRelease(now: release.addingTimeInterval(600), latest: asOf) == 3600)
        // Four days late (a shutdown): daily again.
        #expect(feed.waitForRelease(now: release.addingTimeInterval(5 * 86_400), latest: asOf) == 86_400)
        // Not for other providers, nor before anything is held.
        #expect(Self.price.waitForRelease(now: release, latest: asOf) == nil)
        #expect(feed.waitForRelease(now: release, latest: nil) == nil)
    }
}
