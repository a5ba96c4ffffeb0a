import Testing
@testable import RotorUI

/// The live feeds' report, word for word: what the status bar, the `f` overlay and
/// the panes say for each state, universe members counted, outside text escaped.
@Suite struct LiveFeedReportTests {
    typealias M = FeedStatus.Moment

    @Test func everyStateHasItsLine() {
        let feeds = [
            FeedStatus(label: "ES (yahoo ES=F)", symbol: "ES", state: .ok, lastSuccess: M(clock: "14:02:11", secondsAgo: 42)),
            FeedStatus(label: "DGS10 (fred DGS10)", symbol: "DGS10", state: .waiting),
            FeedStatus(label: "RTY (yahoo RTY=F)", symbol: "RTY", state: .stale,
                       lastSuccess: M(clock: "09:00:00", secondsAgo: 3 * 3600 + 5)),
            FeedStatus(label: "VIX (yahoo ^VIX)", symbol: "VIX", state: .failing,
                       lastSuccess: M(clock: "13:00:00", secondsAgo: 600), failingSince: M(clock: "13:55:00", secondsAgo: 60),
                       lastError: "HTTP 503: down\u{1B}[2J"),
        ]
        let report = FeedReport.live(feeds, loaded: [:])
        #expect(report.lines == [
            "ES (yahoo ES=F)            ok       last ok 14:02:11 (42 s ago)",
            "DGS10 (fred DGS10)         waiting  no data yet",
            "RTY (yahoo RTY=F)          stale    last ok 09:00:00 (3 h ago)",
            "VIX (yahoo ^VIX)           FAILING  since 13:55:00: HTTP 503: down\\e[2J; last ok 13:00:00 (10 min ago)",
        ])
        #expect(report.summary == "feeds 1/4 ok, 2 with problems")
        #expect(report.problems == ["RTY": "stale, last ok 09:00:00 (3 h ago)", "VIX": "HTTP 503: down\\e[2J since 13:55:00"])
        #expect(report.progress.isEmpty)
    }

    /// A feed of several series (cftc) beside a price feed of the same symbol: its
    /// problem is shown against each of its series, never against the price, and it
    /// counts as one feed.
    @Test func aFeedOfSeveralSeriesHasItsProblemOnEach() {
        let feeds = [
            FeedStatus(label: "RTY (yahoo RTY=F)", symbol: "RTY", state: .ok, lastSuccess: M(clock: "14:02:11", secondsAgo: 42)),
            FeedStatus(label: "RTY (cftc 239742)", symbol: "RTY", state: .failing, failingSince: M(clock: "13:55:00", secondsAgo: 60),
                       lastError: "HTTP 500: an HTML page", symbols: ["RTY_AM", "RTY_LF", "RTY_OI"]),
        ]
        let report = FeedReport.live(feeds, loaded: [:])
        let problem = "HTTP 500: an HTML page since 13:55:00"
        #expect(report.problems == ["RTY_AM": problem, "RTY_LF": problem, "RTY_OI": problem])
        #expect(report.summary == "feeds 1/2 ok, 1 with problems")
        #expect(report.lines[1] == "RTY (cftc 239742)          FAILING  since 13:55:00: HTTP 500: an HTML page; no data yet")
    }

    @Test func aLongLabelIsNotCut() {
        let label = "A_VERY_LONG_SYMBOL_NAME (yahoo A_VERY_LONG_SYMBOL_NAME)"
        let report = FeedReport.live([FeedStatus(label: label, symbol: "A", state: .waiting)], loaded: [:])
        #expect(report.lines == [label + " waiting  no data yet"])
        #expect(report.summary == "feeds ok 0/1")
    }

    @Test func universeMembersAreCountedNotListed() {
        var feeds = (0..<10).map { FeedStatus(label: "@u M\($0) (yahoo M\($0))", symbol: "M\($0)", universe: "u", state: .ok) }
        feeds[3].state = .failing
        feeds[3].lastError = "timed out"
        let report = FeedReport.live(feeds, loaded: ["u": 7])
        #expect(report.lines == ["@u: 7/10 members loaded, 1 failing (last: timed out)"])
        #expect(report.progress == ["@u": "loading 7/10"])
        // One failing member in ten is a problem of the universe.
        #expect(report.problems == ["@u": "1 of 10 members failing"])
        #expect(report.summary == "feeds 0/0 ok, 1 with problems")
        let loaded = FeedReport.live(Array(feeds[4...]), loaded: ["u": 6])
        #expect(loaded.progress.isEmpty && loaded.problems.isEmpty && loaded.summary == "feeds ok 0/0")
    }

    @Test func aFailedCacheWriteIsSaidAndEscaped() {
        let failure = FeedStatus.CacheFailure(message: "disk full\u{07}", since: M(clock: "10:00:00", secondsAgo: 60),
                                              last: M(clock: "10:01:00", secondsAgo: 0))
        let report = FeedReport.live([FeedStatus(label: "ES (yahoo ES=F)", symbol: "ES", state: .ok,
                                                 lastSuccess: M(clock: "10:01:00", secondsAgo: 0), cacheFailure: failure)],
                                     loaded: [:])
        #expect(report.lines.last == "cache: ES (yahoo ES=F) not saved since 10:00:00 (last 10:01:00): disk full\\x07")
        #expect(report.summary == "feeds ok 1/1, 1 not saved to the cache (f)")
    }

    @Test func ages() {
        #expect([0, 119, 120, 7199, 7200, 172_799, 172_800, -5].map(FeedReport.age)
            == ["0 s ago", "119 s ago", "2 min ago", "119 min ago", "2 h ago", "47 h ago", "2 days ago", "0 s ago"])
    }
}
