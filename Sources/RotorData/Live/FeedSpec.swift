/// One thing to poll: a rotor symbol from a provider, or one member of a breadth
/// universe (members are fetched in slow batches, never in a burst).
public struct FeedSpec: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case yahoo, fred, csv }

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

    /// How the feed is named on screen: `ES (yahoo ES=F)`.
    public var label: String { "\(universe.map { "@\($0) " } ?? "")\(symbol) (\(kind.rawValue) \(ticker))" }

    /// Seconds to the next poll after a success: the configured interval, else Yahoo
    /// every 30 s in the regular session and 5 minutes otherwise (its responses are
    /// cached for ~10 s, so faster gains nothing), FRED hourly (it publishes daily),
    /// a CSV file every minute, universe members every 6 hours.
    public func interval(marketOpen: Bool?) -> Double {
        if let interval { return interval }
        if universe != nil { return 6 * 3600 }
        switch kind {
        case .yahoo: return marketOpen == false ? 300 : 30
        case .fred: return 3600
        case .csv: return 60
        }
    }
}
