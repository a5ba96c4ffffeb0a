public import Foundation
public import RotorCore

/// Yahoo Finance's keyless v8 chart endpoint (PROVIDERS.md): daily bars whose
/// timestamps become session dates in the exchange's own time zone; nulls skipped;
/// today's bar is live and replaces the cached one of the same date.
public struct YahooChart: Provider {
    public static let defaultBaseURL = "https://query1.finance.yahoo.com"
    let fetcher: any HTTPFetching
    let baseURL: String
    let timeout: Double
    let firstHistory: FirstHistory

    /// How much history a feed's first fetch (nothing stored for it yet) asks for, as
    /// Yahoo's `range`: a main feed takes all there is, so records reach back decades
    /// (`^GSPC` from 1927, `ES=F` from 2000: about 25,000 and 6,500 daily bars, a few
    /// MB of JSON at most, under `NetworkFetcher.maximumBody`); a universe member keeps
    /// two years, which is all breadth reads (252-session windows) and keeps 500 first
    /// fetches small.
    public enum FirstHistory: String, Sendable, Equatable {
        case max
        case twoYears = "2y"
    }

    /// The first history of a feed: two years for a universe member, all of it otherwise.
    public static func firstHistory(for feed: FeedSpec) -> FirstHistory { feed.universe == nil ? .max : .twoYears }

    public init(fetcher: any HTTPFetching, baseURL: String? = nil, timeout: Double = 10, firstHistory: FirstHistory = .max) {
        self.fetcher = fetcher
        self.baseURL = (baseURL ?? YahooChart.defaultBaseURL).trimmingSuffix("/")
        self.timeout = timeout
        self.firstHistory = firstHistory
    }

    public func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        let response = try await fetcher.get(YahooChart.url(base: baseURL, ticker: ticker, since: since, now: now,
                                                            firstHistory: firstHistory),
                                             timeout: timeout)
        return try YahooChart.parse(response, now: now)
    }

    /// `/v8/finance/chart/%5EGSPC?range=max&interval=1d` (or `range=2y`: `firstHistory`)
    /// when nothing is stored yet, else `period1`/`period2` from a few days before
    /// `since` (so a revised last bar is fetched again): later polls ask only for the
    /// days since.
    public static func url(base: String, ticker: String, since: Day?, now: Date, firstHistory: FirstHistory = .max) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "^/?#%")
        let path = ticker.addingPercentEncoding(withAllowedCharacters: allowed) ?? ticker
        let query: String
        if let since {
            let start = Int64(since.adding(days: -5).ordinal) * 86_400
            query = "period1=\(start)&period2=\(Int64(now.timeIntervalSince1970) + 86_400)&interval=1d"
        } else {
            query = "range=\(firstHistory.rawValue)&interval=1d"
        }
        return "\(base)/v8/finance/chart/\(path)?\(query)"
    }

    public static func parse(_ response: HTTPResponse, now: Date) throws(FeedError) -> Bars {
        let json = try? JSONSerialization.jsonObject(with: Data(response.body))
        let chart = (json as? [String: Any])?["chart"] as? [String: Any]
        let yahooError = (chart?["error"] as? [String: Any])?["description"] as? String
        guard (200..<300).contains(response.status) else { throw statusError(response, detail: yahooError) }
        guard json != nil else {
            throw .badResponse(response.body.isEmpty ? "empty body" : "not JSON (truncated?)")
        }
        guard let chart else { throw .badResponse("no \"chart\" in the JSON") }
        if let yahooError { throw .http(status: response.status, detail: serverText(yahooError)) }
        guard let results = chart["result"] as? [Any] else {
            if chart["result"] is NSNull { throw .empty }
            throw .badResponse("no chart.result array")
        }
        guard let result = results.first as? [String: Any] else { throw .empty }
        let meta = result["meta"] as? [String: Any] ?? [:]
        let zone = (meta["exchangeTimezoneName"] as? String).flatMap(TimeZone.init(identifier:))
            ?? TimeZone(identifier: "America/New_York")!
        guard let stamps = result["timestamp"] as? [Any] else { throw .empty }
        guard let indicators = result["indicators"] as? [String: Any],
              let quotes = indicators["quote"] as? [Any], let quote = quotes.first as? [String: Any],
              let closes = quote["close"] as? [Any] else {
            throw .badResponse("no indicators.quote[0].close")
        }
        guard closes.count == stamps.count else {
            throw .badResponse("\(stamps.count) timestamps but \(closes.count) closes")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var byDay: [Day: Double] = [:]
        for (stamp, close) in zip(stamps, closes) {
            guard let t = (stamp as? NSNumber)?.doubleValue, let c = (close as? NSNumber)?.doubleValue, c.isFinite,
                  c > 0 else { continue }
            // Days are Int32 and calendars misbehave far out: a stamp outside 1900...5000
            // is a server's error, named like a future bar.
            guard (-2_208_988_800...95_617_584_000).contains(t) else {
                throw .badResponse("timestamp \(t) is outside the years 1900...5000")
            }
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: t))
            guard let day = Day(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else { continue }
            byDay[day] = c // a later bar of the same session wins
        }
        guard !byDay.isEmpty else { throw .empty }
        let days = byDay.keys.sorted()
        let series = try refusingFutureBars(Series(dates: days, values: days.map { byDay[$0]! }), zone: zone, now: now)
        return Bars(series: series, marketOpen: regularSessionOpen(meta, now: now))
    }

    /// From `currentTradingPeriod.regular` when the response has it (futures trade
    /// nearly all day: no fixed hours are assumed).
    static func regularSessionOpen(_ meta: [String: Any], now: Date) -> Bool? {
        guard let period = meta["currentTradingPeriod"] as? [String: Any],
              let regular = period["regular"] as? [String: Any],
              let start = (regular["start"] as? NSNumber)?.doubleValue,
              let end = (regular["end"] as? NSNumber)?.doubleValue else { return nil }
        let t = now.timeIntervalSince1970
        return t >= start && t < end
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}
