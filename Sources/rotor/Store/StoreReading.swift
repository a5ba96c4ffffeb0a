import Foundation
import RotorData
import RotorStore

/// Fills a live store from the shared one: every feed's stored bars (checked as the
/// cache's rows are) and health, so a collector restarted keeps each feed's last
/// success and fetches only what is missing.
enum StoreReading {
    static func fill(_ live: LiveStore, from store: SharedStore, now: Date = Date()) async throws(StoreError)
        -> (feeds: Int, warnings: [String])
    {
        let contents = try await store.load(live.feeds.flatMap(\.cacheKeys), now: now)
        let count = Poller.fill(live, from: contents.histories)
        let health = try await store.health()
        for feed in live.feeds {
            if let stored = health.feeds[feed.cacheKey] { live.record(feed) { $0 = stored } }
        }
        var warnings = contents.warning.map { [$0] } ?? []
        if !health.problems.isEmpty {
            warnings.append("\(store.name): skipped \(health.problems.count) unreadable feed health rows; first: \(health.problems[0])")
        }
        return (count, warnings)
    }
}
