import Foundation

/// Responses in the shapes PROVIDERS.md records for Cboe's index history files and
/// the CFTC's Socrata API (TFF futures only). The values are made up; the shapes,
/// field names, number and date formats are the services' own.
enum PositioningFixtures {
    /// Cboe's OHLC file: `MM/DD/YYYY`, oldest first; 05/06 has no close (empty) and
    /// 05/08 a `.`: both rows are skipped.
    static let cor1m = """
    DATE,OPEN,HIGH,LOW,CLOSE
    05/01/2025,21.94,22.50,21.10,21.37
    05/02/2025,21.37,21.37,19.80,20.12
    05/05/2025,20.30,20.88,20.02,20.55
    05/06/2025,20.55,21.40,20.40,
    05/07/2025,20.80,21.02,19.65,19.98
    05/08/2025,19.98,20.10,19.50,.

    """

    /// A single-value index: `DATE,<NAME>`, CRLF line ends.
    static let skew = "DATE,SKEW\r\n04/29/2025,141.26\r\n04/30/2025,139.80\r\n05/01/2025,140.02\r\n"

    /// Cboe's CDN on a file it does not have: S3's XML error, with a 403.
    static let cdnMissing = #"<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"#

    static let htmlError = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>down</body></html>"

    /// One TFF row of the E-mini Russell 2000 as Socrata sends it: every number a
    /// string, the exchange code with a trailing space, the date with a time.
    /// `omit` leaves fields out (suppressed), `code` overrides the contract code.
    static func tffRow(_ date: String, oi: Int, am: (Int, Int), lf: (Int, Int), code: String = "239742",
                       omit: Set<String> = []) -> String {
        let fields: [(String, String)] = [
            ("id", "\(date.prefix(10).replacingOccurrences(of: "-", with: "").dropFirst(2))239742F"),
            ("market_and_exchange_names", "E-MINI RUSSELL 2000 INDEX - CHICAGO MERCANTILE EXCHANGE"),
            ("report_date_as_yyyy_mm_dd", "\(date)T00:00:00.000"),
            ("yyyy_report_week_ww", "2025 Report Week 17"),
            ("contract_market_name", "E-MINI RUSSELL 2000 INDEX"),
            ("cftc_contract_market_code", code),
            ("cftc_market_code", "CME "),
            ("cftc_region_code", "CHI"),
            ("cftc_commodity_code", "239"),
            ("commodity_name", "STOCK INDICES"),
            ("open_interest_all", "\(oi)"),
            ("dealer_positions_long_all", "41207"),
            ("dealer_positions_short_all", "78312"),
            ("dealer_positions_spread_all", "1290"),
            ("asset_mgr_positions_long", "\(am.0)"),
            ("asset_mgr_positions_short", "\(am.1)"),
            ("asset_mgr_positions_spread", "5581"),
            ("lev_money_positions_long", "\(lf.0)"),
            ("lev_money_positions_short", "\(lf.1)"),
            ("lev_money_positions_spread", "7112"),
            ("other_rept_positions_long", "20980"),
            ("other_rept_positions_short", "9841"),
            ("tot_rept_positions_long_all", "411022"),
            ("nonrept_positions_long_all", "59351"),
            ("pct_of_open_interest_all", "100.0"),
            ("traders_tot_all", "331"),
            ("contract_units", "(RUSSELL 2000 INDEX X $50)"),
            ("futonly_or_combined", "FutOnly"),
        ]
        let body = fields.filter { !omit.contains($0.0) }.map { "\"\($0.0)\":\"\($0.1)\"" }.joined(separator: ",")
        return "{\(body)}"
    }

    /// Three reports, newest first as asked (`$order=... DESC`); the middle one has
    /// its contract code with a trailing space and leveraged funds' short suppressed.
    static let russell = "[" + [
        tffRow("2025-04-29", oi: 470_373, am: (211_406, 142_877), lf: (60_113, 151_290)),
        tffRow("2025-04-22", oi: 465_120, am: (209_950, 140_001), lf: (58_870, 149_004), code: "239742 ",
               omit: ["lev_money_positions_short"]),
        tffRow("2025-04-15", oi: 459_887, am: (205_311, 139_660), lf: (61_002, 140_115)),
    ].joined(separator: ",\n") + "]"

    /// Socrata's error bodies: the SODA 2.0 shape and the 2.1 one.
    static let soqlError = #"{"code":"query.soql.no-such-column","error":true,"message":"No such column: report_date","data":{"column":"report_date"}}"#
    static let soqlError21 = #"{"errorCode":"query.compiler.malformed","message":"Could not parse SoQL query","status":400}"#
}
