public import Foundation
public import RotorCore

/// A source of daily bars: Yahoo's chart API, FRED, a CSV file. Each fetch returns
/// the bars it got or a `FeedError` saying why not.
public protocol Provider: Sendable {
    /// Daily closes of `ticker` from `since` (nil: the provider's default history),
    /// as of the wall-clock time `now`.
    func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars
}

/// What a fetch brings back.
public struct Bars: Sendable, Equatable {
    public var series: Series
    /// True when the response says the market is in its regular session now (the
    /// poller polls faster then); nil when the provider cannot tell.
    public var marketOpen: Bool?

    public init(series: Series, marketOpen: Bool? = nil) {
        self.series = series
        self.marketOpen = marketOpen
    }
}

/// The body as a short phrase for an error: the JSON error's text, "an HTML page",
/// or the first line.
func shortBody(_ response: HTTPResponse) -> String {
    let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return "" }
    if text.hasPrefix("<") { return "an HTML page" }
    let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    return first.count > 80 ? String(first.prefix(77)) + "..." : first
}

/// Turns a non-2xx response into the error the poller acts on.
func statusError(_ response: HTTPResponse, detail: String? = nil) -> FeedError {
    if response.status == 429 { return .rateLimited(retryAfter: response.retryAfter) }
    return .http(status: response.status, detail: detail ?? shortBody(response))
}
