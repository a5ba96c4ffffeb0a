import Foundation
import RotorConfig
import RotorData
import Testing
@testable import rotor

/// What the status bar and the `f` overlay say about the feeds, from their health.
@Suite struct FeedReportTests {
    /// A fetch whose bars could not be written to the cache keeps the feed ok (its
    /// data on screen is fresh) but is said in the overlay and the summary, escaped.
    @Test func aFailedCacheWriteIsShownNotSwallowed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try RotorConfig.parse("""
            [[feeds]]
            symbol = "ES"
            provider = "yahoo"
            ticker = "ES=F"
            """, file: "live.toml")
        let session = try LiveSession(config: config, configPath: folder + "/live.toml", log: { _ in },
                                      environment: ["XDG_CACHE_HOME": folder, "HOME": folder])
        let feed = try #require(session.feeds.first)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        session.store.record(feed) { $0.succeeded(at: t0) }
        var report = session.report(session.store.snapshot(), now: t0)
        #expect(report.summary == "feeds ok 1/1")
        #expect(!report.lines.contains { $0.hasPrefix("cache:") })

        session.store.record(feed) {
            $0.cacheWrite(failed: "feeds.sqlite: database or disk is full\u{1B}]0;x\u{07}", at: t0)
            $0.cacheWrite(failed: "feeds.sqlite: database or disk is full\u{1B}]0;x\u{07}", at: t0.addingTimeInterval(60))
        }
        report = session.report(session.store.snapshot(), now: t0.addingTimeInterval(61))
        #expect(report.summary == "feeds ok 1/1, 1 not saved to the cache (f)")
        let line = try #require(report.lines.first { $0.hasPrefix("cache:") })
        let since = FeedStatusReading.clock.string(from: t0), last = FeedStatusReading.clock.string(from: t0.addingTimeInterval(60))
        #expect(line == "cache: ES (yahoo ES=F) not saved since \(since) (last \(last)): feeds.sqlite: database or disk is full\\e]0;x\\x07")

        // The next write that works clears it.
        session.store.record(feed) { $0.cacheWrite(failed: nil, at: t0.addingTimeInterval(90)) }
        report = session.report(session.store.snapshot(), now: t0.addingTimeInterval(91))
        #expect(report.summary == "feeds ok 1/1")
    }
}
