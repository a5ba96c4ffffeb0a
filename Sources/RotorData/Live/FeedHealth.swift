public import Foundation

/// How one feed is doing, for its pane, the status bar and the feeds overlay.
public struct FeedHealth: Sendable, Equatable {
    public enum State: String, Sendable { case waiting, ok, stale, failing }

    public var lastSuccess: Date?
    public var lastError: FeedError?
    /// When the current run of failures began.
    public var failingSince: Date?

    public init() {}

    public mutating func succeeded(at time: Date) {
        lastSuccess = time
        failingSince = nil
    }

    public mutating func failed(_ error: FeedError, at time: Date) {
        lastError = error
        if failingSince == nil { failingSince = time }
    }

    /// Failing while the latest attempt failed; stale when the last success is older
    /// than three intervals; waiting before the first answer.
    public func state(now: Date, interval: Double) -> State {
        if failingSince != nil { return .failing }
        guard let lastSuccess else { return .waiting }
        return now.timeIntervalSince(lastSuccess) > 3 * interval ? .stale : .ok
    }
}
