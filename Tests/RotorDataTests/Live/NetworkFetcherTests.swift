import Foundation
import RotorCore
import RotorTestSupport
import Testing
@testable import RotorData

/// The real HTTP client against a local server answering in the shapes and faults
/// of PROVIDERS.md: each fault ends as a named FeedError.
@Suite struct NetworkFetcherTests {
    static let fetcher = NetworkFetcher(connectTimeout: 2)
    let now = Date(timeIntervalSince1970: 1_732_140_000)

    func server(_ replies: [String: LocalHTTPServer.Reply]) throws -> LocalHTTPServer {
        try LocalHTTPServer { path in
            let key = String(path.prefix { $0 != "?" })
            return replies[key] ?? LocalHTTPServer.Reply(status: 404, text: "no route \(key)")
        }
    }

    func yahoo(_ s: LocalHTTPServer, _ ticker: String, timeout: Double = HostileServerTests.patience) async throws(FeedError) -> Bars {
        try await YahooChart(fetcher: Self.fetcher, baseURL: s.baseURL, timeout: timeout).fetch(ticker, since: nil, now: now)
    }

    @Test func barsArriveAndTheRequestLooksLikeYahoos() async throws {
        let s = try server(["/v8/finance/chart/%5EGSPC": .init(text: YahooFixtures.future)])
        defer { s.stop() }
        let bars = try await yahoo(s, "^GSPC")
        #expect(bars.series.values == [5704.5])
        #expect(s.requests == ["/v8/finance/chart/%5EGSPC?range=max&interval=1d"])
    }

    @Test func everyFaultIsNamed() async throws {
        let s = try server([
            "/v8/finance/chart/NOPE": .init(status: 404, text: YahooFixtures.notFound),
            "/v8/finance/chart/BUSY": .init(status: 429, headers: ["Retry-After": "42"], text: "Too Many Requests"),
            "/v8/finance/chart/BUSY2": .init(status: 429, text: "Too Many Requests"),
            "/v8/finance/chart/DOWN": .init(status: 500, text: YahooFixtures.html500),
            "/v8/finance/chart/CUT": .init(text: String(YahooFixtures.future.prefix(150))),
            "/v8/finance/chart/SHAPE": .init(text: YahooFixtures.wrongShape),
            "/v8/finance/chart/NULLS": .init(text: YahooFixtures.nullEverywhere),
            "/v8/finance/chart/EMPTY": .init(text: YahooFixtures.emptyResult),
            "/v8/finance/chart/SLOW": .init(text: YahooFixtures.future, delay: 3),
            "/v8/finance/chart/HALF": .init(text: YahooFixtures.future, cutAfter: 100),
        ])
        defer { s.stop() }
        let cases: [(String, FeedError)] = [
            ("NOPE", .http(status: 404, detail: "No data found, symbol may be delisted")),
            ("BUSY", .rateLimited(retryAfter: 42)),
            ("BUSY2", .rateLimited(retryAfter: nil)),
            ("DOWN", .http(status: 500, detail: "an HTML page")),
            ("CUT", .badResponse("not JSON (truncated?)")),
            ("SHAPE", .badResponse("no \"chart\" in the JSON")),
            ("NULLS", .empty),
            ("EMPTY", .empty),
        ]
        for (ticker, expected) in cases {
            await #expect(throws: expected, "\(ticker)") { try await yahoo(s, ticker) }
        }
        await #expect(throws: FeedError.timeout(seconds: 1)) { try await yahoo(s, "SLOW", timeout: 1) }
        do {
            _ = try await yahoo(s, "HALF")
            Issue.record("a body cut short must fail")
        } catch {
            if case .connection = error {} else { Issue.record("HALF: \(error)") }
        }
    }

    /// A gzip-compressed answer, as Yahoo sends when asked.
    @Test func compressedResponsesAreInflated() async throws {
        let gzipped = Data(base64Encoded: "H4sIAAAAAAACAx2NywrCMBRE937GXRdNtaU0O3+gKzciQUK8aDCPepOgGPLvJu6GmcOZDOohKQLPQBiSqemSwWKUrcJPXd0dT9ri1ztcpEXgcLRIWsndgu/r2dMTSgexIiFKu1ZBPx36ed4PjIkOtLtVNnoKzfhKPuL/QxkfWhonNmxHUUQplUYiT8BdMqaUzQ/mKU13ngAAAA==")!
        let s = try server(["/v8/finance/chart/ES=F": .init(headers: ["Content-Encoding": "gzip"], body: Array(gzipped))])
        defer { s.stop() }
        #expect(try await yahoo(s, "ES=F").series.values == [5704.5])
    }

    @Test func connectionRefused() async {
        let port = LocalHTTPServer.closedPort()
        let chart = YahooChart(fetcher: Self.fetcher, baseURL: "http://127.0.0.1:\(port)")
        await #expect(throws: FeedError.connection("connection refused")) {
            try await chart.fetch("ES=F", since: nil, now: now)
        }
    }

    @Test func plainHTTPOnlyToThisMachine() async {
        // The policy itself: NetworkPolicyTests. Here: the fetcher applies it before connecting.
        await #expect(throws: FeedError.connection("refusing http://example.com/v8/finance/chart/ES=F?range=max&interval=1d: only https, or http to this machine (127.0.0.1, ::1, localhost)")) {
            try await YahooChart(fetcher: Self.fetcher, baseURL: "http://example.com").fetch("ES=F", since: nil, now: now)
        }
    }

    @Test func fredCSVAndTheKeyNeverShows() async throws {
        let key = String(repeating: "k7", count: 16)
        let s = try server([
            "/graph/fredgraph.csv": .init(text: "DATE,DGS2\n2024-07-03,4.71\n2024-07-04,.\n"),
            "/fred/series/observations": .init(status: 400, text: #"{"error_code":400,"error_message":"Bad Request.  The series does not exist."}"#),
        ])
        defer { s.stop() }
        let csv = try await FRED(fetcher: Self.fetcher, baseURL: s.baseURL).fetch("DGS2", since: nil, now: now)
        #expect(csv.series.values == [4.71])
        do {
            _ = try await FRED(fetcher: Self.fetcher, baseURL: s.baseURL, apiKey: key).fetch("NOPE", since: nil, now: now)
            Issue.record("an unknown series must fail")
        } catch {
            #expect(error == .http(status: 400, detail: "Bad Request.  The series does not exist."))
            #expect(!"\(error)".contains(key))
        }
        #expect(s.requests.last?.contains("api_key=\(key)") == true) // sent, not shown
        #expect(NetworkFetcher.redactingKeys("GET /x?api_key=\(key)&file_type=json") == "GET /x?api_key=(key hidden)&file_type=json")
    }
}
