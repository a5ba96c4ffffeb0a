public import Foundation
public import RotorCore

/// The CFTC's Commitments of Traders, Traders in Financial Futures, futures only,
/// from its public Socrata API (PROVIDERS.md): one contract per feed, its ticker the
/// contract code (`239742`, the E-mini Russell 2000), giving three series dated by
/// the report's as-of Tuesday (`PositioningSeries`): asset managers' net (long -
/// short), leveraged funds' net and open interest. When each report was released is
/// the calendar's to say (`CFTCReleaseCalendar`), and the poller asks again when the
/// next one is due (`FeedSpec.waitForRelease`).
///
/// The rows as they really come, and what is done with them:
/// - every number is a JSON string (`"123456"`; a JSON number is read too);
/// - codes may carry spaces (`"239742 "`): compared trimmed, and rows of another
///   contract are ignored (the query asks for one; a server may not listen);
/// - dates are `2025-04-29T00:00:00.000`;
/// - a field can be missing (suppressed), null, empty or unreadable: the series that
///   needs it has no value on that date; the row's other series keep theirs;
/// - two rows of one date: if they agree they are one; if not, the one with the
///   larger open interest is kept (a partial or superseded row has fewer contracts),
///   whole, never mixed with the other, so the choice does not depend on the order
///   the server lists them in (ties: the one with more of the fields, then the first);
/// - `[]` is no data (`FeedError.empty`); a JSON object is Socrata's error
///   (`{"error":true,"message":...}` or `{"errorCode":...,"message":...}`), its
///   message shown.
public struct CFTC: Provider {
    public static let defaultBaseURL = "https://publicreporting.cftc.gov"
    /// Traders in Financial Futures, futures only (`yw9f-hn96` would be futures and
    /// options combined).
    public static let dataset = "gpe5-46if"
    /// Rows of a first fetch: the whole history of a contract (weekly since 2006 is
    /// about 1,000 rows).
    static let historyLimit = 2000
    /// Rows of a later fetch: the reports of the last `refetchDays`, so a revised
    /// report is fetched again.
    static let updateLimit = 100
    static let refetchDays = 28
    let fetcher: any HTTPFetching
    let baseURL: String
    let timeout: Double

    public init(fetcher: any HTTPFetching, baseURL: String? = nil, timeout: Double = 20) {
        self.fetcher = fetcher
        self.baseURL = (baseURL ?? CFTC.defaultBaseURL).trimmingSuffix("/")
        self.timeout = timeout
    }

    public func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        let response = try await fetcher.get(CFTC.url(base: baseURL, code: ticker, since: since), timeout: timeout)
        return try CFTC.parse(response, code: ticker, now: now)
    }

    /// `{base}/resource/gpe5-46if.json?$where=...&$order=...&$limit=...`, every value
    /// percent-encoded; the code is a SoQL string literal (a `'` in it doubled, so no
    /// ticker can change the query).
    public static func url(base: String, code: String, since: Day?) -> String {
        let literal = code.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "'", with: "''")
        var condition = "cftc_contract_market_code='\(literal)'"
        if let since {
            condition += " AND report_date_as_yyyy_mm_dd >= '\(since.adding(days: -refetchDays).iso)T00:00:00.000'"
        }
        func encoded(_ value: String) -> String { value.addingPercentEncoding(withAllowedCharacters: .urlUnreserved) ?? value }
        return "\(base)/resource/\(dataset).json?$where=\(encoded(condition))"
            + "&$order=\(encoded("report_date_as_yyyy_mm_dd DESC"))&$limit=\(since == nil ? historyLimit : updateLimit)"
    }

    /// The fields each series is computed from.
    static let dateField = "report_date_as_yyyy_mm_dd"
    static let codeField = "cftc_contract_market_code"
    static let openInterestField = "open_interest_all"
    static let assetManagerFields = ("asset_mgr_positions_long", "asset_mgr_positions_short")
    static let leveragedFundFields = ("lev_money_positions_long", "lev_money_positions_short")

    /// One report's values; nil where the row had no readable value for it.
    struct Report: Equatable {
        var assetManagers: Double?
        var leveragedFunds: Double?
        var openInterest: Double?

        var fieldCount: Int { [assetManagers, leveragedFunds, openInterest].compactMap { $0 }.count }

        /// Whether this row wins over `other` of the same date (see the type's doc).
        func preferred(over other: Report) -> Bool {
            let mine = openInterest ?? -.infinity, theirs = other.openInterest ?? -.infinity
            if mine != theirs { return mine > theirs }
            return fieldCount > other.fieldCount
        }
    }

    public static func parse(_ response: HTTPResponse, code: String, now: Date) throws(FeedError) -> Bars {
        let json = try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        let serverError = (json as? [String: Any]).flatMap(errorMessage)
        guard (200..<300).contains(response.status) else { throw statusError(response, detail: serverError) }
        if shortBody(response) == "an HTML page" { throw .badResponse("an HTML page, not JSON") }
        guard let json else { throw .badResponse(response.body.isEmpty ? "empty body" : "not JSON (truncated?)") }
        if let object = json as? [String: Any] {
            throw .badResponse(errorMessage(object).map { "the server says: " + serverText($0) } ?? "a JSON object, not rows")
        }
        guard let rows = json as? [Any] else { throw .badResponse("not an array of rows") }
        guard !rows.isEmpty else { throw .empty }

        let wanted = code.trimmingCharacters(in: .whitespaces).uppercased()
        var reports: [Day: Report] = [:]
        for case let row as [String: Any] in rows {
            guard let day = (row[dateField] as? String).flatMap({ Day(parsing: $0) }),
                  let rowCode = row[codeField] as? String,
                  rowCode.trimmingCharacters(in: .whitespaces).uppercased() == wanted else { continue }
            let report = Report(assetManagers: net(row, assetManagerFields), leveragedFunds: net(row, leveragedFundFields),
                                openInterest: number(row[openInterestField]))
            if let held = reports[day], !report.preferred(over: held) { continue }
            reports[day] = report
        }
        guard !reports.isEmpty else {
            throw .badResponse("\(rows.count) row\(rows.count == 1 ? "" : "s"), none for contract \(serverText(wanted)) with a readable \(dateField)")
        }
        let days = reports.keys.sorted()
        func series(_ value: (Report) -> Double?) -> Series {
            Series(sorting: days.compactMap { day in value(reports[day]!).map { (day, $0) } })
        }
        let parts: [PositioningSeries: Series] = [
            .assetManagers: series(\.assetManagers), .leveragedFunds: series(\.leveragedFunds),
            .openInterest: series(\.openInterest),
        ]
        guard parts.values.contains(where: { !$0.isEmpty }) else {
            throw .badResponse("\(days.count) report\(days.count == 1 ? "" : "s") without open interest or positions")
        }
        var out: [String: Series] = [:]
        for (part, s) in parts { out[part.rawValue] = try refusingFutureBars(s, zone: CFTCReleaseCalendar.zone, now: now) }
        return Bars(parts: out)
    }

    /// Long minus short, when the row has both.
    static func net(_ row: [String: Any], _ fields: (long: String, short: String)) -> Double? {
        guard let long = number(row[fields.long]), let short = number(row[fields.short]) else { return nil }
        return long - short
    }

    /// A count as the API sends it: a string of digits (`"123456"`, a sign and a
    /// decimal part allowed, spaces around trimmed) or a JSON number; nil for
    /// anything else (missing, null, empty, `"n/a"`, `"1e400"`, `"0x10"`).
    static func number(_ value: Any?) -> Double? {
        if let n = value as? NSNumber {
            let d = n.doubleValue
            return d.isFinite ? d : nil
        }
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let pieces = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// Socrata's message in an error object, whichever of its shapes.
    static func errorMessage(_ object: [String: Any]) -> String? {
        for key in ["message", "errorMessage", "error_message", "description"] {
            if let text = object[key] as? String, !text.isEmpty { return text }
        }
        if let text = object["error"] as? String, !text.isEmpty { return text }
        for key in ["errorCode", "code"] {
            if let text = object[key] as? String, !text.isEmpty { return text }
        }
        return nil
    }
}
