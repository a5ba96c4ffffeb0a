import Foundation
import RotorCore
import RotorTestSupport
import Testing
@testable import RotorData

/// The `cftc` provider through the real HTTP client against a local server that
/// answers as the CFTC's Socrata API does: the recorded row shapes (numbers as
/// strings, codes with spaces, dates with a time, suppressed fields, duplicates),
/// an empty result, and each way it fails.
@Suite struct CFTCTests {
    static let fetcher = NetworkFetcher(connectTimeout: 2)
    let now = Date(timeIntervalSince1970: 1_748_736_000) // 2025-06-01 00:00 UTC, 05-31 in New York
    static let route = "/resource/gpe5-46if.json"

    /// Answers `/resource/gpe5-46if.json` with `reply(code)`, the code read back out
    /// of the `$where` the provider sent (so the test also checks the query decodes).
    func server(_ reply: @escaping @Sendable (String) -> LocalHTTPServer.Reply) throws -> LocalHTTPServer {
        try LocalHTTPServer { path in
            guard path.hasPrefix(Self.route + "?"), let query = URLComponents(string: path)?.queryItems,
                  let condition = query.first(where: { $0.name == "$where" })?.value,
                  let code = condition.split(separator: "'").dropFirst().first else {
                return .init(status: 400, text: #"{"error":true,"message":"bad request"}"#)
            }
            return reply(String(code))
        }
    }

    func fetch(_ s: LocalHTTPServer, _ code: String, since: Day? = nil) async throws(FeedError) -> Bars {
        try await CFTC(fetcher: Self.fetcher, baseURL: s.baseURL, timeout: HostileServerTests.patience)
            .fetch(code, since: since, now: now)
    }

    static func day(_ iso: String) -> Day { Day(parsing: iso)! }

    @Test func theRecordedRowsGiveThreeSeriesByTheirAsOfTuesdays() async throws {
        let s = try server { _ in .init(headers: ["Content-Type": "application/json"], text: PositioningFixtures.russell) }
        defer { s.stop() }
        let bars = try await fetch(s, "239742")
        let tuesdays = ["2025-04-15", "2025-04-22", "2025-04-29"].map(Self.day)
        #expect(bars.series.isEmpty && Set(bars.parts.keys) == ["AM", "LF", "OI"])
        #expect(bars.parts["AM"]?.dates == tuesdays)
        #expect(bars.parts["AM"]?.values == [205_311 - 139_660, 209_950 - 140_001, 211_406 - 142_877])
        #expect(bars.parts["OI"]?.values == [459_887, 465_120, 470_373])
        // 04-22 lacks leveraged funds' short: that value is absent, the row's others kept.
        #expect(bars.parts["LF"]?.dates == [tuesdays[0], tuesdays[2]])
        #expect(bars.parts["LF"]?.values == [61_002 - 140_115, 60_113 - 151_290])
        // Whole history on a first fetch, newest first, one contract.
        #expect(s.requests.count == 1)
        let query = URLComponents(string: s.requests[0])!.queryItems!
        #expect(query.map(\.name) == ["$where", "$order", "$limit"])
        #expect(query[0].value == "cftc_contract_market_code='239742'")
        #expect(query[1].value == "report_date_as_yyyy_mm_dd DESC" && query[2].value == "2000")
    }

    @Test func aLaterFetchAsksForTheLastFourWeeks() async throws {
        let s = try server { _ in .init(text: PositioningFixtures.russell) }
        defer { s.stop() }
        _ = try await fetch(s, "239742", since: Self.day("2025-04-29"))
        let query = URLComponents(string: s.requests[0])!.queryItems!
        #expect(query[0].value
            == "cftc_contract_market_code='239742' AND report_date_as_yyyy_mm_dd >= '2025-04-01T00:00:00.000'")
        #expect(query[2].value == "100")
        // Every character that means something in a URL or in SoQL is encoded; the
        // raw request line has no space or quote.
        #expect(!s.requests[0].contains(" ") && !s.requests[0].contains("'"))
    }

    @Test func aQuoteInTheCodeCannotChangeTheQuery() {
        let url = CFTC.url(base: "https://publicreporting.cftc.gov", code: "1' OR '1'='1", since: nil)
        let condition = URLComponents(string: url)!.queryItems!.first { $0.name == "$where" }!.value!
        #expect(condition == "cftc_contract_market_code='1'' OR ''1''=''1'")
    }

    @Test func duplicateDatesKeepOneWholeRowWhateverTheOrder() async throws {
        let full = PositioningFixtures.tffRow("2025-04-29", oi: 470_373, am: (211_406, 142_877), lf: (60_113, 151_290))
        let partial = PositioningFixtures.tffRow("2025-04-29", oi: 12_000, am: (9_000, 1_000), lf: (500, 700))
        let same = PositioningFixtures.tffRow("2025-04-22", oi: 465_120, am: (209_950, 140_001), lf: (58_870, 149_004))
        for rows in [[full, partial, same, same], [same, partial, same, full]] {
            let body = "[" + rows.joined(separator: ",") + "]"
            let s = try server { _ in .init(text: body) }
            defer { s.stop() }
            let bars = try await fetch(s, "239742")
            #expect(bars.parts["OI"]?.values == [465_120, 470_373])
            #expect(bars.parts["AM"]?.values == [209_950 - 140_001, 211_406 - 142_877])
            #expect(bars.parts["LF"]?.values == [58_870 - 149_004, 60_113 - 151_290])
        }
    }

    @Test func rowsOfAnotherContractOrWithoutADateAreIgnored() async throws {
        let rows = [
            PositioningFixtures.tffRow("2025-04-29", oi: 470_373, am: (211_406, 142_877), lf: (60_113, 151_290)),
            PositioningFixtures.tffRow("2025-04-22", oi: 1, am: (1, 1), lf: (1, 1), code: "13874A"),
            PositioningFixtures.tffRow("2025-04-15", oi: 1, am: (1, 1), lf: (1, 1), omit: ["report_date_as_yyyy_mm_dd"]),
            #"{"report_date_as_yyyy_mm_dd":"yesterday","cftc_contract_market_code":"239742","open_interest_all":"5"}"#,
            #""a string, not a row""#,
        ]
        let s = try server { _ in .init(text: "[" + rows.joined(separator: ",") + "]") }
        defer { s.stop() }
        let bars = try await fetch(s, "239742")
        #expect(bars.parts["OI"]?.dates == [Self.day("2025-04-29")])
    }

    @Test func numbersAreReadStrictly() {
        #expect(CFTC.number("123456") == 123_456 && CFTC.number(" 42 ") == 42 && CFTC.number("-7") == -7)
        #expect(CFTC.number("12.5") == 12.5 && CFTC.number(NSNumber(value: 99)) == 99)
        for bad: Any? in [nil, "", "n/a", "1e400", "0x10", "inf", "nan", "1,234", ".", "5.", NSNull()] {
            #expect(CFTC.number(bad) == nil, "\(String(describing: bad))")
        }
    }

    @Test func everyFaultIsNamed() async throws {
        let replies: [String: LocalHTTPServer.Reply] = [
            "EMPTY1": .init(text: "[]"),
            "HTTP50": .init(status: 500, text: PositioningFixtures.htmlError),
            "SOQL40": .init(status: 400, text: PositioningFixtures.soqlError),
            "SOQL21": .init(status: 400, text: PositioningFixtures.soqlError21),
            "OBJ200": .init(text: PositioningFixtures.soqlError),
            "PAGE20": .init(text: PositioningFixtures.htmlError),
            "CUTCUT": .init(text: String(PositioningFixtures.russell.prefix(300))),
            "BARE00": .init(text: ""),
            "BUSY29": .init(status: 429, headers: ["Retry-After": "120"], text: "Too Many Requests"),
            "OTHERS": .init(text: "[" + PositioningFixtures.tffRow("2025-04-29", oi: 1, am: (1, 1), lf: (1, 1), code: "13874A") + "]"),
            "NOVALS": .init(text: #"[{"report_date_as_yyyy_mm_dd":"2025-04-29T00:00:00.000","cftc_contract_market_code":"NOVALS"}]"#),
            "SCALAR": .init(text: "42"),
            "FUTURE": .init(text: "[" + PositioningFixtures.tffRow("3000-01-06", oi: 1, am: (1, 1), lf: (1, 1), code: "FUTURE") + "]"),
        ]
        let s = try server { code in replies[code] ?? .init(status: 404, text: "{}") }
        defer { s.stop() }
        let cases: [(String, FeedError)] = [
            ("EMPTY1", .empty),
            ("HTTP50", .http(status: 500, detail: "an HTML page")),
            ("SOQL40", .http(status: 400, detail: "No such column: report_date")),
            ("SOQL21", .http(status: 400, detail: "Could not parse SoQL query")),
            ("OBJ200", .badResponse("the server says: No such column: report_date")),
            ("PAGE20", .badResponse("an HTML page, not JSON")),
            ("CUTCUT", .badResponse("not JSON (truncated?)")),
            ("BARE00", .badResponse("empty body")),
            ("BUSY29", .rateLimited(retryAfter: 120)),
            ("OTHERS", .badResponse("1 row, none for contract OTHERS with a readable report_date_as_yyyy_mm_dd")),
            ("NOVALS", .badResponse("1 report without open interest or positions")),
            ("SCALAR", .badResponse("not an array of rows")),
            ("FUTURE", .badResponse("bar dated 3000-01-06 is after tomorrow (2025-06-01 America/New_York)")),
        ]
        for (code, expected) in cases {
            await #expect(throws: expected, "\(code)") { try await fetch(s, code) }
        }
    }

    @Test func aStalledAnswerIsCutAtTheDeadline() async throws {
        let s = try server { _ in .init(text: PositioningFixtures.russell, pacing: .stall(afterBytes: 30)) }
        defer { s.stop() }
        await #expect(throws: FeedError.timeout(seconds: 0.3)) {
            try await CFTC(fetcher: Self.fetcher, baseURL: s.baseURL, timeout: 0.3).fetch("239742", since: nil, now: now)
        }
    }

    @Test func aServersMessageIsShortAndEscaped() async throws {
        let long = String(repeating: "x", count: 200)
        let s = try server { code in
            code == "LONG00" ? .init(status: 400, text: #"{"error":true,"message":"\#(long)"}"#)
                : .init(status: 400, text: #"{"error":true,"message":"\u001b]0;owned\u0007 bad"}"#)
        }
        defer { s.stop() }
        await #expect(throws: FeedError.http(status: 400, detail: "\\e]0;owned\\x07 bad")) { try await fetch(s, "ESCAPE") }
        await #expect(throws: FeedError.http(status: 400, detail: String(repeating: "x", count: 77) + "...")) {
            try await fetch(s, "LONG00")
        }
    }
}
