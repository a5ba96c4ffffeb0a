import Foundation
import RotorData

/// The one-shot commands' view of a network that is down: a provider (its kind and
/// the host of its base URL) whose connection failed once in this run (refused,
/// unreachable, timed out) is offline for the rest of the run, so its other feeds
/// fail at once instead of each waiting for its own failure. Local CSV feeds are
/// never offline. (The dashboard's poller does not use this: it retries each feed on
/// its backoff, so a network that comes back is seen.)
struct OfflineProviders {
    private var first: [String: FeedError] = [:]

    /// The provider a feed is fetched from: "yahoo query1.finance.yahoo.com"-like,
    /// or nil for a local file.
    static func key(_ feed: FeedSpec) -> String? {
        guard feed.kind != .csv else { return nil }
        let host = feed.baseURL.flatMap { URL(string: $0)?.host } ?? feed.baseURL ?? "default"
        return feed.kind.rawValue + " " + host
    }

    /// The error a feed fails with without being fetched, when its provider is offline.
    func failure(for feed: FeedSpec) -> FeedError? {
        guard let key = Self.key(feed), let error = first[key] else { return nil }
        return .connection("offline: \(error)")
    }

    /// Takes note of a failed fetch; only a connection failure or a timeout makes the
    /// provider offline (an HTTP error means the server answered).
    mutating func record(_ feed: FeedSpec, _ error: FeedError) {
        guard let key = Self.key(feed), first[key] == nil else { return }
        switch error {
        case .connection, .timeout: first[key] = error
        default: break
        }
    }
}
