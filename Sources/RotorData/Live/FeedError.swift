/// Why a fetch gave no data: what the pane and `rotor check` show, so each case
/// says it in a few words a trader can act on.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An HTTP status that is not a success, with what the body said, if anything.
    case http(status: Int, detail: String)
    /// HTTP 429; `retryAfter` seconds when the server said so.
    case rateLimited(retryAfter: Double?)
    case timeout(seconds: Double)
    /// The connection failed (refused, reset, DNS, TLS).
    case connection(String)
    /// The body was not what the provider sends (truncated JSON, wrong shape).
    case badResponse(String)
    /// A well-formed answer with no bars in it.
    case empty

    public var description: String {
        switch self {
        case let .http(status, detail): detail.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(detail)"
        case let .rateLimited(after): "HTTP 429 rate limited" + (after.map { " (retry after \(Int($0)) s)" } ?? "")
        case let .timeout(s): "timed out after \(Int(s)) s"
        case let .connection(reason): reason
        case let .badResponse(reason): "bad response: \(reason)"
        case .empty: "no data in the response"
        }
    }

    /// The HTTP status, when there is one (`rotor check` prints it).
    public var status: Int? {
        switch self {
        case let .http(status, _): status
        case .rateLimited: 429
        default: nil
        }
    }
}
