import Foundation
import RotorData

extension LiveSession {
    /// One fetch of each feed that `wanted` accepts (nil: all), two a second, into
    /// the store and the cache; universe members already cached are not fetched
    /// again (a refresh of 500 members is the dashboard's slow job). Returns the
    /// feeds that failed and why; their cached data stays in the store.
    ///
    /// Offline is quick: after a provider's first connection failure in this call
    /// (see `OfflineProviders`) its other feeds are not tried; they fail at once with
    /// "offline: <first error>" and keep their cached data. The half-second spacing
    /// is kept only between real requests. `progress` hears about each universe
    /// member done: (universe, done, total).
    func fetchOnce(refetchingCachedMembers: Bool = false,
                   progress: (@Sendable (_ universe: String, _ done: Int, _ total: Int) -> Void)? = nil,
                   where wanted: ((FeedSpec) -> Bool)? = nil) async -> [(FeedSpec, FeedError)] {
        let store = self.store, cache = self.cache, sink = self.sink
        let chosen = feeds.filter { wanted?($0) ?? true }
            .filter { refetchingCachedMembers || $0.universe == nil || store.lastDate($0) == nil }
        let memberTotals = chosen.reduce(into: [String: Int]()) { totals, feed in
            if let u = feed.universe { totals["@" + u, default: 0] += 1 }
        }
        let providers = self.providers
        var failures: [(FeedSpec, FeedError)] = []
        var offline = OfflineProviders()
        var requested = false
        var membersDone: [String: Int] = [:]
        for feed in chosen {
            if let skipped = offline.failure(for: feed) {
                store.record(feed) { $0.failed(skipped, at: Date()) }
                failures.append((feed, skipped))
            } else {
                if requested { try? await Task.sleep(for: .milliseconds(500)) } // the poller's budget: 2 a second
                requested = true
                let result = await Poller.fetchOnce(feed, provider: providers(feed), store: store, cache: cache, sink: sink,
                                                    now: { Date() })
                if case let .failure(error) = result {
                    failures.append((feed, error))
                    offline.record(feed, error)
                }
            }
            if let u = feed.universe.map({ "@" + $0 }), let progress {
                membersDone[u, default: 0] += 1
                progress(u, membersDone[u]!, memberTotals[u] ?? 0)
            }
        }
        return failures
    }

    /// The feeds a pane reads that have no data at all after a one-shot fetch, each
    /// with why: a symbol's feed that failed with nothing cached, or a universe none
    /// of whose members has data. Empty when every pane has something to show.
    func missingData(after failures: [(FeedSpec, FeedError)]) -> [(name: String, message: String)] {
        var out: [(name: String, message: String)] = []
        var universes: [String: (withData: Int, error: FeedError?)] = [:]
        for feed in feeds {
            let error = failures.first { $0.0 == feed }?.1
            if let u = feed.universe {
                universes["@" + u, default: (0, nil)].withData += store.lastDate(feed) == nil ? 0 : 1
                if universes["@" + u]!.error == nil { universes["@" + u]!.error = error }
            } else if !feed.kind.parts.isEmpty {
                // Each series of the feed on its own: a report can lack one of them.
                for part in feed.kind.parts where store.lastDate(feed, part: part) == nil {
                    let symbol = feed.symbol(part: part)
                    let why = error.map { "\($0)" } ?? (store.lastDate(feed) == nil ? "not fetched" : "had no values for it")
                    out.append((symbol, "\(symbol): no data: \(feed.kind.rawValue) \(feed.ticker) \(why), nothing cached"))
                }
            } else if store.lastDate(feed) == nil {
                out.append((feed.symbol, "\(feed.symbol): no data: \(feed.kind.rawValue) \(feed.ticker) "
                                + (error.map { "\($0)" } ?? "not fetched") + ", nothing cached"))
            }
        }
        for (u, state) in universes.sorted(by: { $0.key < $1.key }) where state.withData == 0 {
            out.append((u, "\(u): no data: no member fetched" + (state.error.map { " (\($0))" } ?? "") + ", nothing cached"))
        }
        return out
    }

    /// What `snapshot --live` and `alerts --live` do first: the session's warnings,
    /// then every feed fetched once (universe progress on stderr), and a warning for
    /// each feed that failed but has cached data (`note`: what is done with it).
    /// Returns the failures.
    func fetchAllOnce(cachedNote note: String) async -> [(FeedSpec, FeedError)] {
        for warning in warnings { writeError("rotor: warning: \(warning)") }
        let progress = ProgressLine()
        let failures = await fetchOnce(progress: progress.universeProgress)
        progress.clear()
        for (feed, error) in failures where store.lastDate(feed) != nil {
            writeError("rotor: warning: \(feed.label): \(error); \(note)")
        }
        return failures
    }
}
