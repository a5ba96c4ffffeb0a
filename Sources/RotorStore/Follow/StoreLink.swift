public import Foundation

/// How a dashboard's link to the shared store is doing, for the status bar and the
/// feeds overlay: connected and reading, or lost (since when, why, the next try),
/// and the collector's last write as last read.
public struct StoreLink: Sendable, Equatable {
    public enum State: String, Sendable { case connecting, ok, lost }

    public var state: State = .connecting
    /// The first failure of the current run of failures (nil while connected).
    public var lostSince: Date?
    /// The last failure's words (the URL redacted, as every `StoreError`).
    public var lastError: String?
    /// The end of the last read that worked: the data on screen is as of then.
    public var lastRead: Date?
    /// When the next attempt to connect is due, while lost.
    public var retryAt: Date?
    /// The collector's heartbeat as of the last read (nil: it has written nothing).
    public var collector: CollectorBeat?
    /// Stored rows skipped by the last read (bad values), said once in the overlay.
    public var warning: String?

    public init() {}
}
