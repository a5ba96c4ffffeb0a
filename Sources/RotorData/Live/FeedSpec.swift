public import Foundation
public import RotorCore

/// One thing to poll: a rotor symbol from a provider, or one member of a breadth
/// universe (members are fetched in slow batches, never in a burst). A feed of a
/// provider with several series per feed (cftc) fills one symbol per series, named
/// by the feed's symbol and the series' suffix (`RTY_AM`, `RTY_LF`, `RTY_OI`).
public struct FeedSpec: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case yahoo, fred, csv, cboe, cftc

        /// The series one feed of this provider fills, by the suffix of each symbol
        /// (`AM` for `RTY_AM`); empty for a provider of one series per feed.
        public var parts: [String] {
            self == .cftc ? PositioningSeries.allCases.map(\.rawValue) : []
        }
    }

    /// The name expressions use (`ES`); for a member, the member's own name.
    public var symbol: String
    public var kind: Kind
    /// The provider's symbol (`ES=F`, `DGS2`, a CSV path).
    public var ticker: String
    /// Seconds between polls; nil takes the provider's default.
    public var interval: Double?
    public var baseURL: String?
    /// The universe this feed is a member of (without `@`), if it is a member.
    public var universe: String?

    public init(symbol: String, kind: Kind, ticker: String? = nil, interval: Double? = nil,
                baseURL: String? = nil, universe: String? = nil) {
        self.symbol = symbol
        self.kind = kind
        self.ticker = ticker ?? symbol
        self.interval = interval
        self.baseURL = baseURL
        self.universe = universe
    }

    /// The name expressions use for what this feed fills: the symbol, or `@universe`
    /// for a member.
    public var name: String { universe.map { "@" + $0 } ?? symbol }

    /// Where the cache keeps its bars: the symbol (or `@universe/MEMBER`) with the
    /// provider and ticker, so a changed source starts a new history (`CacheKey`).
    public var cacheKey: CacheKey {
        CacheKey(feed: universe.map { "@\($0)/\(symbol)" } ?? symbol, provider: kind, ticker: ticker)
    }

    /// The names expressions use for what this feed fills: `name`, or one symbol per
    /// part (`RTY_AM`, `RTY_LF`, `RTY_OI`).
    public var names: [String] { kind.parts.isEmpty ? [name] : kind.parts.map { symbol(part: $0) } }

    /// The symbol of one part of the feed: `RTY_AM`.
    public func symbol(part: String) -> String { symbol + "_" + part }

    /// Where the cache keeps one part: as `cacheKey`, under the part's symbol.
    public func cacheKey(part: String) -> CacheKey {
        CacheKey(feed: symbol(part: part), provider: kind, ticker: ticker)
    }

    /// Every history this feed keeps in the cache: `cacheKey`, or one per part.
    public var cacheKeys: [CacheKey] { kind.parts.isEmpty ? [cacheKey] : kind.parts.map(cacheKey(part:)) }

    /// How the feed is named on screen: `ES (yahoo ES=F)`.
    public var label: String { "\(universe.map { "@\($0) " } ?? "")\(symbol) (\(kind.rawValue) \(ticker))" }

    /// Seconds to the next poll after a success: the configured interval, else Yahoo
    /// every 30 s in the regular session and 5 minutes otherwise (its responses are
    /// cached for ~10 s, so faster gains nothing), FRED hourly (it publishes daily),
    /// a CSV file every minute, Cboe's daily file hourly, the CFTC's weekly report
    /// daily (see `waitForRelease`), universe members every 6 hours.
    public func interval(marketOpen: Bool?) -> Double {
        if let interval { return interval }
        if universe != nil { return 6 * 3600 }
        switch kind {
        case .yahoo: return marketOpen == false ? 300 : 30
        case .fred: return 3600
        case .csv: return 60
        case .cboe: return 3600
        case .cftc: return 86_400
        }
    }

    /// For a report published on a known calendar (cftc), the seconds from `now` to
    /// the next poll after a success, given `latest`, the newest as-of date held:
    /// until 5 minutes after the next report's scheduled release (15:30 New York,
    /// `CFTCReleaseCalendar`) when that is within a day, else a day; hourly once that
    /// release has passed without the report, for up to 4 days (a holiday or a late
    /// upload), then daily again (a long delay, such as a government shutdown). Nil
    /// for other providers and when the config sets `interval`, which wins.
    public func waitForRelease(now: Date, latest: Day?) -> Double? {
        guard kind == .cftc, interval == nil, let latest else { return nil }
        let release = CFTCReleaseCalendar.releaseMoment(asOf: CFTCReleaseCalendar.nextAsOf(after: latest))
        let untilRelease = release.timeIntervalSince(now) + 300
        if untilRelease > 0 { return min(untilRelease, 86_400) }
        return -untilRelease < 4 * 86_400 ? 3600 : 86_400
    }
}
