import Foundation
import RotorData

/// A feed's health as the `feed_health` row stores it, and back. The error is kept
/// as its case and fields (not its text), so a dashboard reading the store shows it
/// exactly as the collector's own screen would.
struct HealthColumns: Sendable, Equatable {
    var lastSuccess: Date?
    var failingSince: Date?
    var errorKind: String?
    var errorStatus: Int32?
    var errorSeconds: Double?
    var errorText: String?
    var writeError: String?
    var writeErrorSince: Date?
    var writeErrorLast: Date?

    init(lastSuccess: Date?, failingSince: Date?, errorKind: String?, errorStatus: Int32?, errorSeconds: Double?,
         errorText: String?, writeError: String?, writeErrorSince: Date?, writeErrorLast: Date?) {
        self.lastSuccess = lastSuccess
        self.failingSince = failingSince
        self.errorKind = errorKind
        self.errorStatus = errorStatus
        self.errorSeconds = errorSeconds
        self.errorText = errorText
        self.writeError = writeError
        self.writeErrorSince = writeErrorSince
        self.writeErrorLast = writeErrorLast
    }

    init(_ health: FeedHealth) {
        lastSuccess = health.lastSuccess
        failingSince = health.failingSince
        switch health.lastError {
        case nil: break
        case let .http(status, detail)?: (errorKind, errorStatus, errorText) = ("http", Int32(clamping: status), detail)
        case let .rateLimited(after)?: (errorKind, errorSeconds) = ("rate_limited", after)
        case let .timeout(seconds)?: (errorKind, errorSeconds) = ("timeout", seconds)
        case let .connection(reason)?: (errorKind, errorText) = ("connection", reason)
        case let .badResponse(reason)?: (errorKind, errorText) = ("bad_response", reason)
        case .empty?: errorKind = "empty"
        }
        if let e = health.cacheError { (writeError, writeErrorSince, writeErrorLast) = (e.message, e.since, e.last) }
    }

    /// The health these columns hold, or why they cannot be one (a row written by
    /// another program or a newer rotor).
    func health() -> Result<FeedHealth, StoreError> {
        var health = FeedHealth()
        health.lastSuccess = lastSuccess
        health.failingSince = failingSince
        if let errorKind {
            switch (errorKind, errorStatus, errorSeconds, errorText) {
            case let ("http", status?, _, detail): health.lastError = .http(status: Int(status), detail: detail ?? "")
            case let ("rate_limited", _, after, _): health.lastError = .rateLimited(retryAfter: after)
            case let ("timeout", _, seconds?, _): health.lastError = .timeout(seconds: seconds)
            case let ("connection", _, _, reason?): health.lastError = .connection(reason)
            case let ("bad_response", _, _, reason?): health.lastError = .badResponse(reason)
            case ("empty", _, _, _): health.lastError = .empty
            default: return .failure(StoreError("the error kind '\(errorKind.prefix(40))' is not one rotor writes, or lacks its fields"))
            }
        }
        switch (writeError, writeErrorSince, writeErrorLast) {
        case (nil, nil, nil): break
        case let (message?, since?, last?): health.cacheError = .init(message: message, since: since, last: last)
        default: return .failure(StoreError("the write error has only some of its three fields"))
        }
        return .success(health)
    }
}
