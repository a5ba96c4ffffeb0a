import Foundation
import RotorCore
import RotorTestSupport
import Testing
@testable import RotorData

/// The `cboe` provider through the real HTTP client against a local server that
/// answers as Cboe's CDN does: the recorded file shapes, its date format, missing
/// closes, and each way it fails.
@Suite struct CboeTests {
    static let fetcher = NetworkFetcher(connectTimeout: 2)
    let now = Date(timeIntervalSince1970: 1_748_736_000) // 2025-06-01 00:00 UTC, 05-31 in New York
    static let path = "/api/global/us_indices/daily_prices/"

    func server(_ files: [String: LocalHTTPServer.Reply]) throws -> LocalHTTPServer {
        try LocalHTTPServer { path in
            let route = String(path.prefix { $0 != "?" })
            guard route.hasPrefix(Self.path) else { return .init(status: 404, text: "no route") }
            return files[String(route.dropFirst(Self.path.count))] ?? .init(status: 403, text: PositioningFixtures.cdnMissing)
        }
    }

    func fetch(_ s: LocalHTTPServer, _ symbol: String, now: Date? = nil) async throws(FeedError) -> Series {
        try await Cboe(fetcher: Self.fetcher, baseURL: s.baseURL + "/", timeout: HostileServerTests.patience)
            .fetch(symbol, since: nil, now: now ?? self.now).series
    }

    static func days(_ isos: [String]) -> [Day] { isos.map { Day(parsing: $0)! } }

    @Test func theRecordedFileGivesItsClosesAndSkipsMissingOnes() async throws {
        let s = try server(["COR1M_History.csv": .init(headers: ["Content-Type": "text/csv"], text: PositioningFixtures.cor1m)])
        defer { s.stop() }
        let series = try await fetch(s, "COR1M")
        // MM/DD/YYYY read as dates; the empty close of 05/06 and the "." of 05/08 are
        // skipped, not zero.
        #expect(series.dates == Self.days(["2025-05-01", "2025-05-02", "2025-05-05", "2025-05-07"]))
        #expect(series.values == [21.37, 20.12, 20.55, 19.98])
        // One request, for the whole file, however much is held (it has no date parameter).
        #expect(s.requests == ["/api/global/us_indices/daily_prices/COR1M_History.csv"])
    }

    @Test func aSingleValueIndexGivesItsOneColumn() async throws {
        let s = try server(["SKEW_History.csv": .init(text: PositioningFixtures.skew)])
        defer { s.stop() }
        let series = try await fetch(s, "SKEW")
        #expect(series.dates == Self.days(["2025-04-29", "2025-04-30", "2025-05-01"]))
        #expect(series.values == [141.26, 139.80, 140.02])
    }

    @Test func everyFaultIsNamed() async throws {
        let s = try server([
            "GONE_History.csv": .init(status: 404, text: PositioningFixtures.cdnMissing),
            "DOWN_History.csv": .init(status: 503, text: PositioningFixtures.htmlError),
            "PAGE_History.csv": .init(text: PositioningFixtures.htmlError),
            "JSON_History.csv": .init(text: #"{"error":"not found"}"#),
            "TEXT_History.csv": .init(text: "Service temporarily unavailable, try again later\n"),
            "WIDE_History.csv": .init(text: "DATE,A,B\n05/01/2025,1,2\n"),
            "BLANK_History.csv": .init(text: "DATE,OPEN,HIGH,LOW,CLOSE\n05/01/2025,1,2,0.5,.\n"),
            "EMPTY_History.csv": .init(text: ""),
            "BUSY_History.csv": .init(status: 429, headers: ["Retry-After": "30"], text: "slow down"),
        ])
        defer { s.stop() }
        let cases: [(String, FeedError)] = [
            ("NOPE", .http(status: 403, detail: "no history file for NOPE")), // the CDN's answer for a missing file
            ("GONE", .http(status: 404, detail: "no history file for GONE")),
            ("DOWN", .http(status: 503, detail: "an HTML page")),
            ("PAGE", .badResponse("an HTML page, not CSV")),
            ("WIDE", .badResponse("more than one value column, and no CLOSE")),
            ("BUSY", .rateLimited(retryAfter: 30)),
        ]
        for (symbol, expected) in cases {
            await #expect(throws: expected, "\(symbol)") { try await fetch(s, symbol) }
        }
        // A body that is not CSV, or has no value: a bad response naming the file.
        for symbol in ["JSON", "TEXT", "BLANK", "EMPTY"] {
            do {
                let series = try await fetch(s, symbol)
                Issue.record("\(symbol): no error, \(series.count) bars")
            } catch {
                guard case let .badResponse(reason) = error else { Issue.record("\(symbol): \(error)"); continue }
                #expect(reason.hasPrefix("Cboe \(symbol)"), "\(symbol): \(reason)")
            }
        }
    }

    @Test func aBarAfterTomorrowRefusesTheFile() async throws {
        let s = try server(["COR1M_History.csv": .init(text: PositioningFixtures.cor1m + "01/01/3000,1,1,1,20\n")])
        defer { s.stop() }
        await #expect(throws: FeedError.badResponse("bar dated 3000-01-01 is after tomorrow (2025-06-01 America/New_York)")) {
            try await fetch(s, "COR1M")
        }
    }

    @Test func theSymbolIsOnePathSegment() {
        #expect(Cboe.url(base: "https://cdn.cboe.com", symbol: "COR1M")
            == "https://cdn.cboe.com/api/global/us_indices/daily_prices/COR1M_History.csv")
        #expect(Cboe.url(base: "http://127.0.0.1:9", symbol: "../x?y=1#z")
            == "http://127.0.0.1:9/api/global/us_indices/daily_prices/..%2Fx%3Fy%3D1%23z_History.csv")
    }

    @Test func aStalledAnswerIsCutAtTheDeadline() async throws {
        let s = try server(["COR1M_History.csv": .init(text: PositioningFixtures.cor1m, pacing: .stall(afterBytes: 30))])
        defer { s.stop() }
        await #expect(throws: FeedError.timeout(seconds: 0.3)) {
            try await Cboe(fetcher: Self.fetcher, baseURL: s.baseURL, timeout: 0.3).fetch("COR1M", since: nil, now: now)
        }
    }
}
