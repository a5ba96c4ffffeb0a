import Foundation
import RotorTestSupport
import Testing

/// The cboe and cftc feeds as a user meets them, against a local stand-in for both
/// services: `rotor check` tries and names each, `rotor export` reads a cftc feed's
/// series by their symbols, live and then from the cache with the network down.
@Suite struct PositioningFeedCommandTests {
    /// Cboe's COR1M file and TFF rows for 239742 (newest first, numbers as strings);
    /// any other contract code gets Socrata's error object with a 400.
    static func server() throws -> LocalHTTPServer {
        try LocalHTTPServer { path in
            if path == "/api/global/us_indices/daily_prices/COR1M_History.csv" {
                return .init(headers: ["Content-Type": "text/csv"],
                             text: "DATE,OPEN,HIGH,LOW,CLOSE\n04/28/2025,22.1,22.9,21.8,22.4\n04/29/2025,22.4,22.4,20.9,21.1\n04/30/2025,21.1,21.5,20.2,\n")
            }
            if path.hasPrefix("/api/global/us_indices/daily_prices/") {
                return .init(status: 403, text: "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>")
            }
            guard path.hasPrefix("/resource/gpe5-46if.json?") else { return .init(status: 404, text: "no route") }
            guard path.contains("%27239742%27") else {
                return .init(status: 400, text: #"{"code":"query.soql.no-such-column","error":true,"message":"No such column: x"}"#)
            }
            let rows = [("2025-04-29", 470_373, 211_406, 142_877, 60_113, 151_290),
                        ("2025-04-22", 465_120, 209_950, 140_001, 58_870, 149_004),
                        ("2025-04-15", 459_887, 205_311, 139_660, 61_002, 140_115)].map { d, oi, al, ash, ll, ls in
                #"{"report_date_as_yyyy_mm_dd":"\#(d)T00:00:00.000","cftc_contract_market_code":"239742 ","cftc_market_code":"CME ","open_interest_all":"\#(oi)","asset_mgr_positions_long":"\#(al)","asset_mgr_positions_short":"\#(ash)","lev_money_positions_long":"\#(ll)","lev_money_positions_short":"\#(ls)"}"#
            }
            return .init(headers: ["Content-Type": "application/json"], text: "[" + rows.joined(separator: ",") + "]")
        }
    }

    static func environment(_ base: String, cache folder: String) -> [String: String] {
        ["ROTOR_CBOE_BASE_URL": base, "ROTOR_CFTC_BASE_URL": base, "XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder]
    }

    static func config(in folder: String, extra: String = "") throws -> String {
        let path = folder + "/positioning.toml"
        try """
            [[feeds]]
            symbol = "RTY"
            provider = "cftc"
            ticker = "239742"

            [[feeds]]
            symbol = "COR1M"
            provider = "cboe"
            \(extra)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkTriesEachFeedAndNamesItsSeries() throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.config(in: folder, extra: """

            [[feeds]]
            symbol = "NQ"
            provider = "cftc"
            ticker = "209742"

            [[feeds]]
            symbol = "COR9M"
            provider = "cboe"
            """)
        let r = try RotorProcess.run(["check", "--config", config], environment: Self.environment(server.baseURL, cache: folder))
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("RTY_AM RTY_LF RTY_OI ok"), "\(lines)")
        #expect(lines.contains("COR1M ok"))
        #expect(lines.contains("NQ_AM NQ_LF NQ_OI HTTP 400: No such column: x"))
        #expect(lines.contains("COR9M HTTP 403: no history file for COR9M"))
        #expect(server.requests.count == 4)
    }

    @Test func exportReadsTheSeriesLiveThenFromTheCache() throws {
        let server = try Self.server()
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.config(in: folder)
        let env = Self.environment(server.baseURL, cache: folder)
        let arguments = ["export", "--config", config, "RTY_LF", "RTY_AM", "RTY_OI", "COR1M"]
        let live = try RotorProcess.run(arguments, environment: env)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout == """
            date,RTY_LF,RTY_AM,RTY_OI,COR1M
            2025-04-15,-79113,65651,459887,
            2025-04-22,-90134,69949,465120,
            2025-04-28,,,,22.4
            2025-04-29,-91177,68529,470373,21.1

            """)
        // Only the feeds the expressions read are fetched.
        let one = try RotorProcess.run(["export", "--config", config, "RTY_OI"], environment: env)
        #expect(one.status == 0 && server.requests.filter { $0.hasPrefix("/api/") }.count == 1, "\(server.requests)")
        // The network goes down: the cache answers, and stderr says the data is stale.
        server.stop()
        let offline = try RotorProcess.run(arguments, environment: env)
        #expect(offline.status == 0)
        #expect(offline.stdout == live.stdout)
        #expect(offline.stderr.contains("rotor: warning: RTY (cftc 239742): connection refused; using cached data up to 2025-04-29 (stale)"))
        #expect(offline.stderr.contains("rotor: warning: COR1M (cboe COR1M): connection refused; using cached data up to 2025-04-29 (stale)"))
    }

    @Test func aSeriesWithNothingCachedIsNamedByItsSymbol() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.config(in: folder)
        let closed = "http://127.0.0.1:\(LocalHTTPServer.closedPort())"
        let r = try RotorProcess.run(["export", "--config", config, "zscore(RTY_LF,3)"], environment: Self.environment(closed, cache: folder))
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr == "rotor: RTY_LF: no data: cftc 239742 connection refused, nothing cached\n")
    }

    @Test func aBaseURLVariableOffLoopbackIsRefused() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.config(in: folder)
        var env = Self.environment("https://127.0.0.1:1", cache: folder)
        env["ROTOR_CFTC_BASE_URL"] = "http://example.com"
        let r = try RotorProcess.run(["export", "--config", config, "RTY_OI"], environment: env)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("rotor: ROTOR_CFTC_BASE_URL: "), "\(r.stderr)")
    }
}
