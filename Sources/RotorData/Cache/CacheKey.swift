/// Whose bars a cached row holds: the feed's name and the source it came from.
///
/// The provider and its ticker are part of the key so that a feed whose source
/// changes (ES from Yahoo's `ES=F` to another ticker, or to FRED) starts a history of
/// its own: the bars of two sources are never spliced into one series. The old
/// source's rows are kept apart, under their own key, and are used again if the
/// config goes back to it (several configs may share one cache file, so rows of a
/// source that the current config does not name are not deleted).
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The symbol expressions use (`ES`), or `@universe/MEMBER` for a member.
    public var feed: String
    public var provider: FeedSpec.Kind
    /// The provider's symbol (`ES=F`, `DGS2`, a CSV path).
    public var ticker: String

    public init(feed: String, provider: FeedSpec.Kind, ticker: String) {
        self.feed = feed
        self.provider = provider
        self.ticker = ticker
    }

    /// `ES|yahoo|ES=F`: how messages name a cached history.
    public var description: String { "\(feed)|\(provider.rawValue)|\(ticker)" }
}
