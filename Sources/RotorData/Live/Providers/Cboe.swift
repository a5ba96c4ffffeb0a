public import Foundation
public import RotorCore

/// Cboe's keyless daily index history (PROVIDERS.md, "Cboe index history"): one CSV
/// file per index, `{base}/api/global/us_indices/daily_prices/{SYMBOL}_History.csv`,
/// the whole history oldest first, `DATE,OPEN,HIGH,LOW,CLOSE` (the close is taken)
/// or `DATE,<NAME>` for a single-value index, dates `MM/DD/YYYY`. A missing close
/// (empty or `.`) skips its row: never a zero. COR1M and COR3M (the implied
/// correlation of the S&P 500's top 50) are what Yahoo cannot give a history of.
///
/// The file has no date parameter: every fetch downloads it whole (COR1M's is some
/// 200 kB since 2006), which is why the default interval is an hour.
public struct Cboe: Provider {
    public static let defaultBaseURL = "https://cdn.cboe.com"
    let fetcher: any HTTPFetching
    let baseURL: String
    let timeout: Double

    public init(fetcher: any HTTPFetching, baseURL: String? = nil, timeout: Double = 15) {
        self.fetcher = fetcher
        self.baseURL = (baseURL ?? Cboe.defaultBaseURL).trimmingSuffix("/")
        self.timeout = timeout
    }

    /// Cboe's dates are its trading dates, in Chicago and New York alike.
    static let zone = TimeZone(identifier: "America/New_York")!

    public func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        let response = try await fetcher.get(Cboe.url(base: baseURL, symbol: ticker), timeout: timeout)
        return Bars(series: try refusingFutureBars(Cboe.parse(response, symbol: ticker), zone: Cboe.zone, now: now))
    }

    /// `{base}/api/global/us_indices/daily_prices/COR1M_History.csv`, the symbol
    /// percent-encoded as one path segment (a `/` or `?` in it cannot change the path).
    public static func url(base: String, symbol: String) -> String {
        let name = symbol.addingPercentEncoding(withAllowedCharacters: .urlUnreserved) ?? symbol
        return "\(base)/api/global/us_indices/daily_prices/\(name)_History.csv"
    }

    /// The file's one series. Cboe's CDN answers a file it does not have with 403 or
    /// 404 and an XML page: said as "no history file for SYMBOL".
    public static func parse(_ response: HTTPResponse, symbol: String) throws(FeedError) -> Series {
        if response.status == 403 || response.status == 404 {
            throw .http(status: response.status, detail: serverText("no history file for \(symbol)"))
        }
        return try csvSeries(response, name: "Cboe \(symbol)", wide: "more than one value column, and no CLOSE")
    }
}
