import Foundation
import RotorCore
import RotorTestSupport
import Testing
@testable import RotorData

/// How much a first fetch asks for: a main feed its whole history (Yahoo
/// `range=max`), a universe member two years (`range=2y`), every later fetch only
/// the days since its last bar, whatever the feed.
@Suite struct FirstHistoryTests {
    static let fetcher = NetworkFetcher(connectTimeout: 2)
    let now = Date(timeIntervalSince1970: 1_732_140_000)
    let base = "https://query1.finance.yahoo.com"

    @Test func aMainFeedTakesEverythingAMemberTwoYears() {
        #expect(YahooChart.firstHistory(for: FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F")) == .max)
        #expect(YahooChart.firstHistory(for: FeedSpec(symbol: "SPX", kind: .yahoo, ticker: "^GSPC")) == .max)
        #expect(YahooChart.firstHistory(for: FeedSpec(symbol: "BRK-B", kind: .yahoo, universe: "universe")) == .twoYears)
    }

    @Test func theQueryOfEachChoice() {
        #expect(YahooChart.url(base: base, ticker: "ES=F", since: nil, now: now, firstHistory: .max)
            == "\(base)/v8/finance/chart/ES=F?range=max&interval=1d")
        #expect(YahooChart.url(base: base, ticker: "BRK-B", since: nil, now: now, firstHistory: .twoYears)
            == "\(base)/v8/finance/chart/BRK-B?range=2y&interval=1d")
        // Once something is stored, both ask for the days since only.
        let since = Day(year: 2024, month: 11, day: 15)!
        for choice in [YahooChart.FirstHistory.max, .twoYears] {
            #expect(YahooChart.url(base: base, ticker: "ES=F", since: since, now: now, firstHistory: choice)
                .contains("?period1=\(Int64(since.adding(days: -5).ordinal) * 86_400)&period2="))
        }
    }

    /// Against the local fake server, through the poller's own fetch: the first fetch
    /// of each asks for its history, the second only for what is new.
    @Test func firstAndLaterFetchesOnTheWire() async throws {
        let server = try FakeMarketServer.start()
        defer { server.stop() }
        let fetcher = Self.fetcher
        let main = FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F")
        let member = FeedSpec(symbol: "BRK-B", kind: .yahoo, universe: "universe")
        let store = LiveStore(feeds: [main, member])
        for feed in [main, member, main, member] {
            let provider = YahooChart(fetcher: fetcher, baseURL: server.baseURL, firstHistory: YahooChart.firstHistory(for: feed))
            let result = await Poller.fetchOnce(feed, provider: provider, store: store, cache: nil, now: { Date() })
            if case let .failure(error) = result { Issue.record("\(feed.label): \(error)") }
        }
        let requests = server.requests
        #expect(requests.count == 4)
        #expect(requests.prefix(2) == ["/v8/finance/chart/ES=F?range=max&interval=1d", "/v8/finance/chart/BRK-B?range=2y&interval=1d"])
        #expect(requests.dropFirst(2).allSatisfy { $0.contains("?period1=") && !$0.contains("range=") }, "\(requests)")
    }
}
