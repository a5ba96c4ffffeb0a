public import Foundation
public import RotorCore
public import RotorData

/// The shared store as a poller's sink: each fetch written in one transaction
/// (`SharedStore.write`), a failure told back as the feed's write error.
public struct StoreSink: FetchSink {
    public let store: SharedStore

    public init(_ store: SharedStore) { self.store = store }

    public func write(_ feed: FeedSpec, histories: [(key: CacheKey, series: Series)], health: FeedHealth, at: Date) async -> String? {
        do {
            try await store.write(FetchRecord(feed: feed.cacheKey, histories: histories, health: health, at: at))
            return nil
        } catch {
            return error.description
        }
    }
}
