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
            let rows = try await c.query("""
                SELECT feed, provider, ticker, day, close FROM \(unescaped: s).history
                JOIN unnest(\(keys.map(\.feed))::text[], \(keys.map(\.provider.rawValue))::text[], \(keys.map(\.ticker))::text[],
                            \(keys.map { since[$0]!.ordinal })::integer[])
                    AS k(feed, provider, ticker, since) USING (feed, provider, ticker)
                WHERE day >= k.since
                ORDER BY feed, provider, ticker, day
                """, logger: logger)
            var bars: [CacheKey: (dates: [Day], values: [Double])] = [:]
            for try await (feed, provider, ticker, day, close) in rows.decode((String, String, String, Int64, Double).self) {
                guard let kind = FeedSpec.Kind(rawValue: provider) else { continue } // matched against keys: always known
                let key = CacheKey(feed: feed, provider: kind, ticker: ticker)
                if let problem = check.problem(day: day, close: close, provider: kind) {
                    contents.invalidRows[key, default: 0] += 1
                    if contents.firstProblem == nil {
                        let shown = Int32(exactly: day).map { Day(ordinal: $0).iso } ?? "day \(day)"
                        contents.firstProblem = "\(key) \(shown): \(problem)"
                    }
                } else {
                    bars[key, default: ([], [])].dates.append(Day(ordinal: Int32(day)))
                    bars[key]!.values.append(close)
                }
            }
            for (key, b) in bars { contents.histories[key] = Series(dates: b.dates, values: b.values) }
            return contents
        }
    }
}
