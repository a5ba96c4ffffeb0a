import Foundation
import RotorCore
import Testing
@testable import RotorData

@Suite struct YahooChartTests {
    let now = Date(timeIntervalSince1970: 1_732_140_000)

    func parse(_ body: String, status: Int = 200, headers: [String: String] = [:]) throws(FeedError) -> Bars {
        try YahooChart.parse(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)), now: now)
    }

    @Test func futureBarsBecomeNewYorkSessionDatesAndNullsAreSkipped() throws {
        let bars = try parse(YahooFixtures.future)
        // 1731992400 is 2024-11-19 00:00 in New York (05:00 UTC).
        #expect(bars.series.dates == [Day(year: 2024, month: 11, day: 19)!])
        #expect(bars.series.values == [5704.5])
        #expect(bars.marketOpen == nil)
    }

    @Test func sessionDateIsTheExchangesNotUTCs() throws {
        // 15:00 UTC on 2024-11-18 is 00:00 on the 19th in Tokyo.
        let body = #"{"chart":{"result":[{"meta":{"exchangeTimezoneName":"Asia/Tokyo"},"timestamp":[1731942000],"indicators":{"quote":[{"close":[38500.5]}]}}],"error":null}}"#
        #expect(try parse(body).series.dates == [Day(year: 2024, month: 11, day: 19)!])
    }

    @Test func equityBarsAndTheRegularSession() throws {
        let open = try parse(YahooFixtures.equity(closes: [228.5, nil, 229.0], regular: (1_732_113_000, 1_732_136_400 + 9000)))
        #expect(open.series.values == [228.5, 229.0])
        #expect(open.series.dates == [Day(year: 2024, month: 11, day: 19)!, Day(year: 2024, month: 11, day: 21)!])
        #expect(open.marketOpen == true)
        let closed = try parse(YahooFixtures.equity(closes: [1.5], regular: (1_732_113_000, 1_732_136_400)))
        #expect(closed.marketOpen == false)
    }

    @Test func failuresAreNamed() {
        #expect(throws: FeedError.http(status: 404, detail: "No data found, symbol may be delisted")) {
            try parse(YahooFixtures.notFound, status: 404)
        }
        #expect(throws: FeedError.rateLimited(retryAfter: 30)) {
            try parse("Too Many Requests", status: 429, headers: ["retry-after": "30"])
        }
        #expect(throws: FeedError.rateLimited(retryAfter: nil)) { try parse("Too Many Requests", status: 429) }
        #expect(throws: FeedError.http(status: 500, detail: "an HTML page")) { try parse(YahooFixtures.html500, status: 500) }
        #expect(throws: FeedError.badResponse("not JSON (truncated?)")) {
            try parse(String(YahooFixtures.future.prefix(200)))
        }
        #expect(throws: FeedError.badResponse("no \"chart\" in the JSON")) { try parse(YahooFixtures.wrongShape) }
        #expect(throws: FeedError.empty) { try parse(YahooFixtures.emptyResult) }
        #expect(throws: FeedError.empty) { try parse(YahooFixtures.nullEverywhere) }
        #expect(throws: FeedError.badResponse("empty body")) { try parse("") }
    }

    @Test func urls() {
        let base = "https://query1.finance.yahoo.com"
        #expect(YahooChart.url(base: base, ticker: "^GSPC", since: nil, now: now)
            == "https://query1.finance.yahoo.com/v8/finance/chart/%5EGSPC?range=max&interval=1d")
        #expect(YahooChart.url(base: base, ticker: "ES=F", since: nil, now: now).contains("/chart/ES=F?"))
        #expect(YahooChart.url(base: base, ticker: "BRK-B", since: nil, now: now).contains("/chart/BRK-B?"))
        // From the cache's last date, five days back: only what is missing.
        let since = Day(year: 2024, month: 11, day: 15)!
        let start = Int64(since.adding(days: -5).ordinal) * 86_400
        #expect(YahooChart.url(base: base, ticker: "AAPL", since: since, now: now)
            == "\(base)/v8/finance/chart/AAPL?period1=\(start)&period2=\(1_732_140_000 + 86_400)&interval=1d")
    }
}

@Suite struct FREDTests {
    func response(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, body: Array(text.utf8))
    }

    @Test func csvWithBothHeadersAndBothMissingMarkers() throws {
        let new = try FRED.parseCSV(response("observation_date,DGS2\r\n2024-07-03,4.71\r\n2024-07-04,\r\n2024-07-05,4.60\r\n"),
                                    series: "DGS2")
        #expect(new.values == [4.71, 4.60] && new.dates.last == Day(year: 2024, month: 7, day: 5))
        let old = try FRED.parseCSV(response("DATE,DGS2\n2024-07-03,4.71\n2024-07-04,.\n2024-07-05,4.60\n"), series: "DGS2")
        #expect(old == new)
    }

    @Test func csvFailures() {
        #expect(throws: FeedError.http(status: 404, detail: "an HTML page")) {
            try FRED.parseCSV(response("<html>Not found</html>", status: 404), series: "X")
        }
        #expect(throws: FeedError.badResponse("an HTML page, not CSV")) {
            try FRED.parseCSV(response("<!DOCTYPE html><html></html>"), series: "X")
        }
        #expect(throws: FeedError.badResponse("FRED DGS2: no values in column DGS2")) {
            try FRED.parseCSV(response("DATE,DGS2\n2024-07-04,.\n"), series: "DGS2")
        }
    }

    @Test func jsonAPI() throws {
        let s = try FRED.parseJSON(response(#"{"realtime_start":"x","observations":[{"date":"2024-07-03","value":"4.71"},{"date":"2024-07-04","value":"."},{"date":"2024-07-05","value":"4.6"}]}"#))
        #expect(s.values == [4.71, 4.6])
        #expect(throws: FeedError.http(status: 400, detail: "Bad Request.  The series does not exist.")) {
            try FRED.parseJSON(response(#"{"error_code":400,"error_message":"Bad Request.  The series does not exist."}"#, status: 400))
        }
        #expect(FRED.isValidKey(String(repeating: "a1", count: 16)) && !FRED.isValidKey("ABC"))
    }
}
