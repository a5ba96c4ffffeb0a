public import Foundation
public import RotorCore

/// FRED's yields: the keyless CSV download (`DATE` or `observation_date` header, `.`
/// or empty for missing), or the JSON API when an API key is set. The key is sent
/// and never shown: every error out of `fetch` has it hidden, even where a server
/// echoes it back, so no pane, log line or snapshot can carry it.
public struct FRED: Provider {
    public static let defaultBaseURL = "https://fred.stlouisfed.org"
    public static let defaultAPIURL = "https://api.stlouisfed.org"
    let fetcher: any HTTPFetching
    let baseURL: String
    let apiKey: String?
    let timeout: Double

    public init(fetcher: any HTTPFetching, baseURL: String? = nil, apiKey: String? = nil, timeout: Double = 15) {
        self.fetcher = fetcher
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.baseURL = (baseURL ?? (self.apiKey == nil ? FRED.defaultBaseURL : FRED.defaultAPIURL)).trimmingSuffix("/")
        self.timeout = timeout
    }

    /// A key as FRED issues them: 32 lower-case letters and digits.
    public static func isValidKey(_ key: String) -> Bool {
        key.count == 32 && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// FRED's dates are New York's.
    static let zone = TimeZone(identifier: "America/New_York")!

    /// The bars, or an error in which the API key, if any, is hidden wherever it
    /// appears (a server may echo the query string; NIO may name the URL).
    public func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        do {
            return try await fetchRevealing(ticker, since: since, now: now)
        } catch {
            throw apiKey.map(error.redacting) ?? error
        }
    }

    private func fetchRevealing(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        let id = ticker.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ticker
        let start = since.map { "&cosd=" + $0.adding(days: -10).iso } ?? ""
        if let apiKey {
            let from = since.map { "&observation_start=" + $0.adding(days: -10).iso } ?? ""
            var response = try await fetcher.get(
                "\(baseURL)/fred/series/observations?series_id=\(id)&api_key=\(apiKey)&file_type=json\(from)",
                timeout: timeout)
            // Hidden before the body is read for a message, which may be shortened
            // and so cut the key where `redacting` could not find it.
            let text = response.text, hidden = text.hiding(apiKey)
            if hidden != text { response.body = Array(hidden.utf8) }
            return Bars(series: try refusingFutureBars(FRED.parseJSON(response), zone: FRED.zone, now: now))
        }
        let response = try await fetcher.get("\(baseURL)/graph/fredgraph.csv?id=\(id)\(start)", timeout: timeout)
        return Bars(series: try refusingFutureBars(FRED.parseCSV(response, series: ticker), zone: FRED.zone, now: now))
    }

    public static func parseCSV(_ response: HTTPResponse, series: String) throws(FeedError) -> Series {
        try csvSeries(response, name: "FRED \(series)", wide: "more than one value column")
    }

    public static func parseJSON(_ response: HTTPResponse) throws(FeedError) -> Series {
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        guard (200..<300).contains(response.status) else {
            throw statusError(response, detail: json?["error_message"] as? String)
        }
        guard let json else { throw .badResponse("not JSON (truncated?)") }
        guard let observations = json["observations"] as? [Any] else { throw .badResponse("no observations array") }
        var pairs: [(Day, Double)] = []
        for case let o as [String: Any] in observations {
            guard let d = (o["date"] as? String).flatMap({ Day(parsing: $0) }),
                  let v = (o["value"] as? String).flatMap(Double.init), v.isFinite else { continue } // "." is missing
            pairs.append((d, v))
        }
        guard !pairs.isEmpty else { throw .empty }
        return Series(sorting: pairs)
    }
}
