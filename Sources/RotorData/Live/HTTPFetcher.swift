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

    /// `Retry-After` in seconds (the delta-seconds form; an HTTP date is ignored).
    public var retryAfter: Double? { headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Only HTTPS goes out; plain HTTP is allowed to this machine, for tests and local
/// proxies. Returns the reason a URL is refused.
public func refusedURL(_ url: String) -> String? {
    if url.hasPrefix("https://") { return nil }
    for local in ["http://127.0.0.1", "http://localhost", "http://[::1]"] where url.hasPrefix(local) {
        let rest = url.dropFirst(local.count)
        if rest.isEmpty || rest.first == ":" || rest.first == "/" { return nil }
    }
    return "refusing \(url): only https, or http to 127.0.0.1/localhost"
}
