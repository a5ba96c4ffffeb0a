public import Foundation
public import RotorCore

/// Where a poller writes each fetch besides its store in memory and the SQLite
/// cache: `rotor collect`'s shared PostgreSQL store (RotorStore's `StoreSink`).
public protocol FetchSink: Sendable {
    /// Writes one fetch, its bars (empty for a failed fetch) and the feed's health
    /// after it, all or nothing. Returns why the write failed, or nil when it worked.
    func write(_ feed: FeedSpec, histories: [(key: CacheKey, series: Series)], health: FeedHealth, at: Date) async -> String?
}
