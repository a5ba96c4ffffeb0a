import Foundation
import RotorCore

/// Why a fetch gave no data: what the pane and `rotor check` show, so each case
/// says it in a few words a trader can act on.
public enum FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An HTTP status that is not a success, with what the body said, if anything.
    case http(status: Int, detail: String)
    /// HTTP 429; `retryAfter` seconds when the server said so.
    case rateLimited(retryAfter: Double?)
    case timeout(seconds: Double)
    /// The connection failed (refused, reset, DNS, TLS), or the URL was refused.
    case connection(String)
    /// The body was not what the provider sends (truncated JSON, wrong shape).
    case badResponse(String)
    /// A well-formed answer with no bars in it.
    case empty

    /// One line, with any control character from a server written out (the texts
    /// are escaped where they are taken from a response, and again here, so nothing
    /// that reaches a terminal or a log can act on it).
    public var description: String {
        let text = switch self {
        case let .http(status, detail): detail.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(detail)"
        case let .rateLimited(after): "HTTP 429 rate limited" + (after.map { " (retry after \(Self.seconds($0)) s)" } ?? "")
        case let .timeout(s): "timed out after \(Self.seconds(s)) s"
        case let .connection(reason): reason
        case let .badResponse(reason): "bad response: \(reason)"
        case .empty: "no data in the response"
        }
        return text.escapingControlCharacters
    }

    /// The HTTP status, when there is one (`rotor check` prints it).
    public var status: Int? {
        switch self {
        case let .http(status, _): status
        case .rateLimited: 429
        default: nil
        }
    }

    /// What stands for a secret in a message.
    public static let hiddenSecret = "(key hidden)"

    /// The same error with every occurrence of `secret` (as is, and percent-encoded)
    /// in its texts replaced by `(key hidden)`: a provider that holds a key throws
    /// only redacted errors, even when a server echoes the key in a body or NIO puts
    /// the URL in its message.
    public func redacting(_ secret: String) -> FeedError {
        guard !secret.isEmpty else { return self }
        func hide(_ text: String) -> String { text.hiding(secret) }
        switch self {
        case let .http(status, detail): return .http(status: status, detail: hide(detail))
        case let .connection(reason): return .connection(hide(reason))
        case let .badResponse(reason): return .badResponse(hide(reason))
        case .rateLimited, .timeout, .empty: return self
        }
    }

    /// Seconds for a message, whatever the Double: whole numbers as integers, others
    /// with three significant digits (`0.3`, `1e+300`, `nan`, `inf`); never a trap.
    static func seconds(_ value: Double) -> String {
        if value.isFinite, value.magnitude < 1e9, value == value.rounded() { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}

extension String {
    /// The text with `secret`, as is and percent-encoded, replaced by `(key hidden)`.
    func hiding(_ secret: String) -> String {
        guard !secret.isEmpty else { return self }
        var out = replacingOccurrences(of: secret, with: FeedError.hiddenSecret)
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
            out = out.replacingOccurrences(of: encoded, with: FeedError.hiddenSecret)
        }
        return out
    }
}
