import Foundation

/// One HTTP GET as the providers need it. A protocol so the poller and providers
/// are tested against canned answers as well as against a local server.
public protocol HTTPFetching: Sendable {
    func get(_ url: String, timeout: Double) async throws(FeedError) -> HTTPResponse
}

public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `Retry-After` in seconds, bounded (see `retryAfterSeconds(_:)`).
    public var retryAfter: Double? { headers["retry-after"].flatMap(HTTPResponse.retryAfterSeconds) }

    /// The longest wait a server can ask for: an hour.
    public static let maximumRetryAfter: Double = 3600

    /// A `Retry-After` value as seconds to wait, read strictly: delta-seconds as
    /// digits (at most 10), optionally with a decimal fraction (`1.5`), spaces around
    /// allowed; capped at `maximumRetryAfter`. Anything else gives nil, so the normal
    /// backoff applies: an HTTP date, a sign, an exponent (`1e300`), `nan`, `inf`, an
    /// absurd length of digits. A hostile header can neither crash rotor nor pause a
    /// provider for longer than an hour.
    public static func retryAfterSeconds(_ text: String) -> Double? {
        let value = text.trimmingCharacters(in: .whitespaces)
        let parts = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : nil
        func digits(_ s: Substring, _ range: ClosedRange<Int>) -> Bool {
            range.contains(s.utf8.count) && s.utf8.allSatisfy { (0x30...0x39).contains($0) }
        }
        guard digits(whole, 1...10), fraction.map({ digits($0, 1...9) }) ?? true,
              let seconds = Double(value), seconds.isFinite else { return nil }
        return min(seconds, maximumRetryAfter)
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}
