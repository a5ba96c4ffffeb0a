public import Foundation
public import RotorCore
public import RotorData
import PostgresNIO

extension SharedStore {
    /// The stored bars of each key from its day on (the day itself included: the
    /// collector replaces the live bar of today on every poll), every row checked
    /// with `CachedRowCheck` at `now` as `load` checks them. A follower that holds a
    /// feed up to day D asks for D onwards, so a refresh reads a few rows a feed,
    /// not its history.
    public func load(recent since: [CacheKey: Day], now: Date = Date()) async throws(StoreError) -> StoreContents {
        let keys = since.keys.sorted { $0.description < $1.description }
        let s = self.s, logger = self.logger
        let check = CachedRowCheck(now: now)
        let place = name
        return try await run("cannot read recent bars") { c in
            var contents = StoreContents(place: place)
            guard !keys.isEmpty else { return contents }
            // One row per history, as `load` reads them.
            let rows = try await c.query("""
                SELECT feed, provider, ticker, array_agg(day ORDER BY day), array_agg(close ORDER BY day)
                FROM \(unescaped: s).history
                JOIN unnest(\(keys.map(\.feed))::text[], \(keys.map(\.provider.rawValue))::text[], \(keys.map(\.ticker))::text[],
                            \(keys.map { since[$0]!.ordinal })::integer[])
                    AS k(feed, provider, ticker, since) USING (feed, provider, ticker)
                WHERE day >= k.since
                GROUP BY feed, provider, ticker
                """, logger: logger)
            for try await row in rows {
                let cells = row.makeRandomAccess()
                let (feed, provider, ticker) = try (cells[0].decode(String.self), cells[1].decode(String.self), cells[2].decode(String.self))
                guard let kind = FeedSpec.Kind(rawValue: provider) else { continue } // matched against keys: always known
                contents.add(CacheKey(feed: feed, provider: kind, ticker: ticker),
                             days: try StoredArrays.days(cells[3]), closes: try StoredArrays.closes(cells[4]), check: check)
            }
            return contents
        }
    }
}
