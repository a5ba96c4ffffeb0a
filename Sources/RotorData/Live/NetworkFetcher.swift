import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// HTTP over the network with AsyncHTTPClient: connect and read timeouts, a current
/// browser User-Agent (Yahoo answers old or empty ones with 429s), compressed
/// responses, bodies capped at 16 MB, and HTTPS only except to this machine.
public final class NetworkFetcher: HTTPFetching {
    /// Chrome's current desktop string, as Yahoo expects from a browser.
    public static let userAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    static let maximumBody = 16 * 1024 * 1024

    private let client: HTTPClient
    private let connectTimeout: Double

    public init(connectTimeout: Double = 5) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .milliseconds(Int64(connectTimeout * 1000)))
        configuration.decompression = .enabled(limit: .size(NetworkFetcher.maximumBody))
        configuration.redirectConfiguration = .follow(max: 3, allowCycles: false)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.connectTimeout = connectTimeout
    }

    deinit { try? client.syncShutdown() }

    public func get(_ url: String, timeout: Double) async throws(FeedError) -> HTTPResponse {
        if let refused = refusedURL(url) { throw .connection(refused) }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: NetworkFetcher.userAgent)
        request.headers.add(name: "Accept", value: "application/json,text/csv,*/*")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            let body = try await response.body.collect(upTo: NetworkFetcher.maximumBody)
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw .timeout(seconds: error == .connectTimeout ? connectTimeout : timeout)
            case .remoteConnectionClosed:
                throw .connection("connection closed by the server")
            default:
                throw .connection("\(error)")
            }
        } catch {
            throw .connection(Self.describe(error))
        }
    }

    /// "connection refused" rather than a NIO type dump; never an API key.
    static func describe(_ error: any Error) -> String {
        let text = redactingKeys(String(describing: error))
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
            return "connection refused"
        }
        if text.contains("NIOConnectionError") { return "cannot connect" + (text.contains("dnsAResult") ? " (DNS)" : "") }
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }

    /// `api_key=...` in any text becomes `api_key=(hidden)`.
    public static func redactingKeys(_ text: String) -> String {
        guard let range = text.range(of: "api_key=") else { return text }
        let tail = text[range.upperBound...].drop { $0.isLetter || $0.isNumber }
        return String(text[..<range.upperBound]) + "(hidden)" + redactingKeys(String(tail))
    }
}
