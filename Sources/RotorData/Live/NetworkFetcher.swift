import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RotorCore

/// HTTP over the network with AsyncHTTPClient, for feeds that must never hang or
/// crash rotor:
/// - a refused connection fails at once (connection establishment is not retried:
///   a machine offline gives every feed its "connection refused" in milliseconds);
/// - one deadline for the whole answer, headers and body, across redirects (a server
///   that stalls after the headers, or drips a byte a second, is cut at it);
/// - up to `connectionsPerHost` connections to a host at once, so one stalled feed
///   never queues the others behind it;
/// - every URL, and every redirect (followed here, at most 3), passes
///   `NetworkPolicy` before a connection is made;
/// - a current browser User-Agent (Yahoo answers old or empty ones with 429s),
///   compressed responses, bodies capped at 16 MB.
public final class NetworkFetcher: HTTPFetching {
    /// Chrome's current desktop string, as Yahoo expects from a browser.
    public static let userAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    static let maximumBody = 16 * 1024 * 1024
    /// More than the feeds of one provider fetch at once (AsyncHTTPClient's default
    /// is 8), so a stalled request holds one connection, not the host.
    public static let connectionsPerHost = 16

    private let client: HTTPClient
    private let connectTimeout: Double

    public init(connectTimeout: Double = 5) {
        let connectTimeout = NetworkFetcher.bounded(connectTimeout)
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .nanoseconds(Int64(connectTimeout * 1e9)))
        configuration.decompression = .enabled(limit: .size(NetworkFetcher.maximumBody))
        // Followed in `get`, where NetworkPolicy vets each hop.
        configuration.redirectConfiguration = .disallow
        // AsyncHTTPClient otherwise retries a refused connection until the connect
        // timeout: 5 s per feed offline.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = NetworkFetcher.connectionsPerHost
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.connectTimeout = connectTimeout
    }

    deinit { try? client.syncShutdown() }

    /// The answer to a GET of `url`, following redirects, within `timeout` seconds in
    /// all.
    public func get(_ url: String, timeout: Double) async throws(FeedError) -> HTTPResponse {
        var target = try Self.allowed(NetworkPolicy.target(url))
        let timeout = Self.bounded(timeout)
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout * 1e9))
        var hop = 0
        while true {
            let response = try await answer(target, deadline: deadline, timeout: timeout)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"] else {
                return response
            }
            hop += 1
            target = try Self.allowed(NetworkPolicy.redirect(from: target, to: location, hop: hop))
        }
    }

    private static func allowed(_ decision: Result<NetworkPolicy.Target, NetworkPolicy.Refusal>)
        throws(FeedError) -> NetworkPolicy.Target
    {
        switch decision {
        case let .success(target): return target
        case let .failure(refusal): throw .connection(refusal.reason)
        }
    }

    /// One request and its whole body, or `.timeout` at `deadline`. The delegate API
    /// is used (not `execute(_:deadline:)`, whose deadline ends with the headers):
    /// its deadline holds until the body is complete, and it is kept on NIO's event
    /// loop, so a busy Swift concurrency pool can neither stretch it nor trip it.
    private func answer(_ target: NetworkPolicy.Target, deadline: NIODeadline, timeout: Double)
        async throws(FeedError) -> HTTPResponse
    {
        do {
            let request = try HTTPClient.Request(url: target.url.absoluteString, method: .GET, headers: Self.headers)
            let task = client.execute(request: request,
                                      delegate: ResponseAccumulator(request: request, maxBodySize: NetworkFetcher.maximumBody),
                                      deadline: deadline)
            let response = try await withTaskCancellationHandler {
                try await task.get()
            } onCancel: {
                task.cancel()
            }
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            return HTTPResponse(status: Int(response.status.code), headers: headers,
                                body: response.body.map { Array(buffer: $0) } ?? [])
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                throw .timeout(seconds: timeout)
            case .connectTimeout:
                throw .timeout(seconds: connectTimeout)
            case .remoteConnectionClosed:
                throw .connection("connection closed by the server")
            case .cancelled:
                throw .connection("cancelled")
            default:
                throw .connection(Self.describe(error))
            }
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw .badResponse("body larger than \(NetworkFetcher.maximumBody / 1_048_576) MB")
        } catch {
            throw .connection(Self.describe(error))
        }
    }

    /// What every request sends: a browser's headers.
    private static let headers: HTTPHeaders = [
        "User-Agent": NetworkFetcher.userAgent,
        "Accept": "application/json,text/csv,*/*",
        "Accept-Encoding": "gzip, deflate",
    ]

    /// Seconds as a duration can hold them: 1 ms to a day (nan or inf from a caller
    /// must not trap in a conversion).
    static func bounded(_ seconds: Double) -> Double {
        guard seconds.isFinite else { return 86_400 }
        return min(86_400, max(0.001, seconds))
    }

    /// "connection refused" rather than a NIO type dump; never an API key, never a
    /// control character.
    static func describe(_ error: any Error) -> String {
        let text = redactingKeys(String(describing: error)).escapingControlCharacters
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
            return "connection refused"
        }
        if text.contains("NIOConnectionError") { return "cannot connect" + (text.contains("dnsAResult") ? " (DNS)" : "") }
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }

    /// `api_key=...` in any text becomes `api_key=(key hidden)` (a URL in a NIO error).
    public static func redactingKeys(_ text: String) -> String {
        guard let range = text.range(of: "api_key=") else { return text }
        let tail = text[range.upperBound...].drop { $0.isLetter || $0.isNumber }
        return String(text[..<range.upperBound]) + FeedError.hiddenSecret + redactingKeys(String(tail))
    }
}
