public import Foundation
public import RotorCore

/// A source of daily bars: Yahoo's chart API, FRED, Cboe's index files, the CFTC's
/// positioning reports, a CSV file. Each fetch returns the bars it got or a
/// `FeedError` saying why not.
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
    /// For a provider of several series per feed (`FeedSpec.Kind.parts`): each by
    /// its part (`AM`), `series` left empty. A part may be missing or empty when the
    /// response had no value for it.
    public var parts: [String: Series]

    public init(series: Series, marketOpen: Bool? = nil) {
        self.series = series
        self.marketOpen = marketOpen
        parts = [:]
    }

    public init(parts: [String: Series]) {
        series = Series()
        marketOpen = nil
        self.parts = parts
    }
}

/// The body as a short phrase for an error: "an HTML page", or the first line, at
/// most 80 characters, control characters escaped.
func shortBody(_ response: HTTPResponse) -> String {
    let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return "" }
    if text.hasPrefix("<") { return "an HTML page" }
    return serverText(text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text)
}

/// Text a server wrote (a body's line, a JSON error message) as it may go into a
/// `FeedError`: one line, at most 80 characters, control characters escaped.
func serverText(_ text: String) -> String {
    let line = text.count > 80 ? String(text.prefix(77)) + "..." : text
    return line.escapingControlCharacters
}

/// Turns a non-2xx response into the error the poller acts on; `detail` is the
/// provider's reading of the body (its JSON error text), else the body's first line.
func statusError(_ response: HTTPResponse, detail: String? = nil) -> FeedError {
    if response.status == 429 { return .rateLimited(retryAfter: response.retryAfter) }
    return .http(status: response.status, detail: detail.map(serverText) ?? shortBody(response))
}

/// A 2xx CSV body (FRED's, Cboe's) as its one series: an HTML page, a CSV error
/// (named as `name`, line and column), a file of several value columns (`wide` says
/// it) or of no values are errors; missing cells are absent, never zero.
func csvSeries(_ response: HTTPResponse, name: String, wide: String) throws(FeedError) -> Series {
    guard (200..<300).contains(response.status) else { throw statusError(response) }
    if shortBody(response) == "an HTML page" { throw .badResponse("an HTML page, not CSV") }
    let content: CSVContent
    do {
        content = try CSVImporter.parse(response.body, name: name)
    } catch {
        throw .badResponse(error.message.escapingControlCharacters)
    }
    guard case let .series(s) = content else { throw .badResponse(wide) }
    guard !s.isEmpty else { throw .empty }
    return s
}

/// The series unless a bar is dated after tomorrow in the exchange's time zone
/// `zone` (a day of slack for zones and for a session that opens before midnight
/// UTC): such a bar is a server's error, and accepting it would move the feed's last
/// date into the future, so that every later fetch asks for data after it. The whole
/// response is refused, with the bar and the limit named, rather than trimmed: a
/// server that sends one impossible date may send wrong values too.
func refusingFutureBars(_ series: Series, zone: TimeZone, now: Date) throws(FeedError) -> Series {
    guard let last = series.last?.date else { return series }
    let tomorrow = day(of: now, in: zone).adding(days: 1)
    guard last > tomorrow else { return series }
    let first = series.dates.first { $0 > tomorrow } ?? last
    throw .badResponse("bar dated \(first.iso) is after tomorrow (\(tomorrow.iso) \(zone.identifier))")
}

/// The calendar date of `date` in `zone`.
func day(of date: Date, in zone: TimeZone) -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
}

extension CharacterSet {
    /// RFC 3986's unreserved characters, ASCII only: what a path segment or a query
    /// value may hold unencoded (everything else, `/ ? & = ' $` and spaces included,
    /// is percent-encoded).
    static let urlUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
