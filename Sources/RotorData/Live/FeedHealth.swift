public import Foundation

/// How one feed is doing, for its pane, the status bar and the feeds overlay.
public struct FeedHealth: Sendable, Equatable {
    public enum State: String, Sendable { case waiting, ok, stale, failing }

    public var lastSuccess: Date?
    public var lastError: FeedError?
    /// When the current run of failures began.
    public var failingSince: Date?
    /// Set while the feed's bars cannot be written to the cache (disk full, read-only
    /// file, locked by another process): they are on screen but would be gone after a
    /// restart. Cleared by the next write that works.
    public var cacheError: CacheError?

    /// A failed cache write: SQLite's words and when it happened.
    public struct CacheError: Sendable, Equatable {
        /// `/home/me/.cache/rotor/feeds.sqlite: database or disk is full`.
        public var message: String
        /// The first failed write of the current run of failures, and the latest.
        public var since: Date
        public var last: Date

        public init(message: String, since: Date, last: Date) {
            self.message = message
            self.since = since
            self.last = last
        }
    }

    public init() {}

    public mutating func succeeded(at time: Date) {
        lastSuccess = time
        failingSince = nil
    }

    public mutating func failed(_ error: FeedError, at time: Date) {
        lastError = error
        if failingSince == nil { failingSince = time }
    }

    /// The outcome of writing a fetch's bars to the cache: nil when it worked.
    public mutating func cacheWrite(failed message: String?, at time: Date) {
        guard let message else {
            cacheError = nil
            return
        }
        cacheError = CacheError(message: message, since: cacheError?.since ?? time, last: time)
    }

    /// Failing while the latest attempt failed; stale when the last success is older
    /// than three intervals; waiting before the first answer.
    public func state(now: Date, interval: Double) -> State {
        if failingSince != nil { return .failing }
        guard let lastSuccess else { return .waiting }
        return now.timeIntervalSince(lastSuccess) > 3 * interval ? .stale : .ok
    }
}
