/// A dashboard's link to the desk's shared store, in the report's plain words (as
/// `FeedStatus` is for a feed): connected or lost, since when and why, and the
/// collector's last write. Nil in a report of a dashboard that polls by itself.
public struct StoreLinkStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable { case connecting, ok, lost }

    /// The store's redacted URL: `postgres://rotor@db.desk:5432/rotor`.
    public var store: String
    public var state: State
    /// While lost: the first failure of the run.
    public var lostSince: FeedStatus.Moment?
    /// While lost: the last failure's words.
    public var lastError: String?
    /// The last read that worked: the data on screen is as of then.
    public var lastRead: FeedStatus.Moment?
    /// While lost: seconds to the next attempt.
    public var retryIn: Double?
    public var collector: Collector?
    /// Stored rows the last read skipped.
    public var warning: String?

    /// The collector's heartbeat: which process, its last write, and whether that is
    /// older than its feeds' schedule allows (`stale`).
    public struct Collector: Sendable, Equatable {
        public var host: String
        public var pid: Int
        public var lastWrite: FeedStatus.Moment
        public var stale: Bool

        public init(host: String, pid: Int, lastWrite: FeedStatus.Moment, stale: Bool) {
            self.host = host
            self.pid = pid
            self.lastWrite = lastWrite
            self.stale = stale
        }
    }

    public init(store: String, state: State, lostSince: FeedStatus.Moment? = nil, lastError: String? = nil,
                lastRead: FeedStatus.Moment? = nil, retryIn: Double? = nil, collector: Collector? = nil,
                warning: String? = nil) {
        self.store = store
        self.state = state
        self.lostSince = lostSince
        self.lastError = lastError
        self.lastRead = lastRead
        self.retryIn = retryIn
        self.collector = collector
        self.warning = warning
    }
}
