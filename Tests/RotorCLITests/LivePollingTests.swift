import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI
import Testing
@testable import rotor

/// The shell's side of live data: `.readFeeds` turns the store into messages (the
/// report always, the model only when allowed and the store has moved), and
/// `update` takes them in. The poller is never started: bars are merged into the
/// store by hand, as a fetch would.
@Suite struct LivePollingTests {
    @Test func newBarsArriveAsAMessageWhenARebuildIsAllowed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-polling-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try RotorConfig.parse("""
            [[feeds]]
            symbol = "ES"
            provider = "csv"
            ticker = "es.csv"

            [[feeds]]
            symbol = "RTY"
            provider = "csv"
            ticker = "rty.csv"
            """, file: "live.toml")
        let session = try LiveSession(config: config, configPath: folder + "/live.toml", log: { _ in },
                                      environment: ["XDG_CACHE_HOME": folder, "HOME": folder])
        let polling = LivePolling(session: session)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let (model, report, cursor) = polling.initial(now: t0)
        #expect(model.lastDate == nil && report.summary == "feeds ok 0/2")
        var state = DashboardState(app: AppState(width: 120, height: 40), model: model, report: report, feed: .live(cursor))

        // Nothing new in the store: the report only, even when a rebuild is allowed.
        let quiet = polling.read(modelVersion: cursor.version, rebuild: true, model: model, now: t0)
        #expect(quiet.count == 1)
        guard case .feedsChanged = quiet.first else { throw Failure("expected the report") }

        let days = (0..<30).map { Day(year: 2026, month: 3, day: 2)!.adding(days: $0) }
        for (feed, level) in zip(session.feeds, [5000.0, 2000]) {
            session.store.merge(feed, Series(dates: days, values: days.indices.map { level + Double($0) }))
            session.store.record(feed) { $0.succeeded(at: t0) }
        }
        // New bars, but within a second of the last rebuild: still the report only.
        #expect(polling.read(modelVersion: cursor.version, rebuild: false, model: model, now: t0).count == 1)

        for msg in polling.read(modelVersion: cursor.version, rebuild: true, model: model, now: t0.addingTimeInterval(5)) {
            _ = update(&state, msg)
        }
        guard case let .live(after) = state.feed else { throw Failure("not live") }
        #expect(after.version == session.store.currentVersion && after.version != cursor.version)
        #expect(state.asOf == days.last && state.model.series["ratio(RTY,ES)"]?.last?.value == 2029.0 / 5029)
        #expect(state.report.summary == "feeds ok 2/2")
        #expect(state.report.lines.first?.hasSuffix("ok       last ok \(FeedStatusReading.clock.string(from: t0)) (5 s ago)") == true)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}
