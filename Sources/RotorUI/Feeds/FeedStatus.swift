/// One live feed as the screen needs to hear of it: the data layer's health turned
/// into plain values (a state, times already read on the wall clock, an error's
/// words), so the report's text is written here without RotorUI knowing the store,
/// the poller or Foundation's dates.
public struct FeedStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable { case waiting, ok, stale, failing }

    /// A moment on the wall clock: `14:02:11`, and how long ago it was at the report's `now`.
    public struct Moment: Sendable, Equatable {
        public var clock: String
        public var secondsAgo: Double
        public init(clock: String, secondsAgo: Double) {
            self.clock = clock
            self.secondsAgo = secondsAgo
        }
    }

    /// `ES (yahoo ES=F)`, `@universe AAPL (yahoo AAPL)`: the overlay's name for it.
    public var label: String
    /// The name panes read it by (a member's own ticker for a universe member).
    public var symbol: String
    /// Every name its data goes by: `[symbol]`, or each series of a feed of several
    /// (`RTY_AM`, `RTY_LF`, `RTY_OI`), which is what a problem is shown against.
    public var symbols: [String]
    /// The universe it is a member of, if any (then it is counted, not listed).
    public var universe: String?
    public var state: State
    public var lastSuccess: Moment?
    /// When the current run of failures began.
    public var failingSince: Moment?
    /// The last error's text (as the data layer words it; escaped here).
    public var lastError: String?
    /// A failed write to the cache, if the latest one failed.
    public var cacheFailure: CacheFailure?

    /// SQLite's words, the first failed write of the run and the latest.
    public struct CacheFailure: Sendable, Equatable {
        public var message: String
        public var since: Moment
        public var last: Moment
        public init(message: String, since: Moment, last: Moment) {
            self.message = message
            self.since = since
            self.last = last
        }
    }

    public init(label: String, symbol: String, universe: String? = nil, state: State,
                lastSuccess: Moment? = nil, failingSince: Moment? = nil, lastError: String? = nil,
                cacheFailure: CacheFailure? = nil, symbols: [String]? = nil) {
        self.label = label
        self.symbol = symbol
        self.symbols = symbols ?? [symbol]
        self.universe = universe
        self.state = state
        self.lastSuccess = lastSuccess
        self.failingSince = failingSince
        self.lastError = lastError
        self.cacheFailure = cacheFailure
    }
}
