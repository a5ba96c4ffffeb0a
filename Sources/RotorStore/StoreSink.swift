public import Foundation
public import RotorCore
public import RotorData

/// The shared store as a poller's sink: each fetch written in one transaction
/// (`SharedStore.write`), a failure told back as the feed's write error.
///
/// Bars whose write failed are kept and written with the feed's next fetch: the
/// poller's next fetch starts from the last day it *holds*, so without this a
/// database down across a day would never get that day's bar.
public final class StoreSink: FetchSink, @unchecked Sendable {
    // @unchecked: `pending` is read and written under `lock`; `store` is an actor.
    public let store: SharedStore
    private let lock = NSLock()
    /// Per history: bars fetched but not yet written.
    private var pending: [CacheKey: Series] = [:]

    public init(_ store: SharedStore) { self.store = store }

    /// Bars waiting for the database, per history (for the tests and the log).
    public var unwritten: [CacheKey: Series] { lock.withLock { pending } }

    public func write(_ feed: FeedSpec, histories: [(key: CacheKey, series: Series)], health: FeedHealth, at: Date) async -> String? {
        let keys = Set(feed.cacheKeys)
        let all = lock.withLock { () -> [(key: CacheKey, series: Series)] in
            var merged = Dictionary(histories.map { ($0.key, $0.series) }, uniquingKeysWith: { Self.merge($0, $1) })
            for (key, waiting) in pending where keys.contains(key) {
                merged[key] = merged[key].map { Self.merge(waiting, $0) } ?? waiting
            }
            return merged.sorted { $0.key.description < $1.key.description }.map { ($0.key, $0.value) }
        }
        do {
            try await store.write(FetchRecord(feed: feed.cacheKey, histories: all, health: health, at: at))
            lock.withLock { for key in keys { pending[key] = nil } }
            return nil
        } catch {
            lock.withLock { for (key, series) in all where !series.isEmpty { pending[key] = series } }
            return error.description
        }
    }

    /// `old` and `new` by day, `new`'s bar winning a day both have.
    static func merge(_ old: Series, _ new: Series) -> Series {
        var byDay: [Day: Double] = [:]
        for (d, v) in zip(old.dates, old.values) { byDay[d] = v }
        for (d, v) in zip(new.dates, new.values) { byDay[d] = v }
        let days = byDay.keys.sorted()
        return Series(dates: days, values: days.map { byDay[$0]! })
    }
}
