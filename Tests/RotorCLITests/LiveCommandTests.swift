import Foundation
import RotorTestSupport
import Testing

/// `--live` as a user meets it, against a local stand-in for Yahoo and FRED: each
/// feed tried and named, answers from the cache when the network is down, keys
/// never shown.
@Suite struct LiveCommandTests {
    /// The environment that points every live feed at `server` and keeps the cache in `folder`.
    static func environment(_ server: LocalHTTPServer, cache folder: String) -> [String: String] {
        ["ROTOR_YAHOO_BASE_URL": server.baseURL, "ROTOR_FRED_BASE_URL": server.baseURL,
         "ROTOR_CBOE_BASE_URL": server.baseURL, "XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder]
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-live-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func checkTriesEveryFeedAndNamesEachFailure() throws {
        let server = try FakeMarketServer.start(failing: ["^RVX": .notFound, "DGS10": .serverError])
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["check", "--live"], environment: Self.environment(server, cache: folder))
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        for ok in ["ES", "RTY", "NQ", "SPX", "VIX", "VXN", "AAPL", "TSLA", "US2Y", "COR1M", "COR3M", "@universe"] {
            #expect(lines.contains("\(ok) ok"), "\(ok)")
        }
        #expect(lines.contains("RVX HTTP 404: No data found, symbol may be delisted"))
        #expect(lines.contains("US10Y HTTP 500: an HTML page"))
        // One request per feed (COR1M and COR3M from the Cboe route), the universe's first member only.
        #expect(server.requests.count == 24)
    }

    @Test func exportFetchesOnlyWhatItNeedsAndFallsBackToTheCache() throws {
        let server = try FakeMarketServer.start()
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = Self.environment(server, cache: folder)
        let first = try RotorProcess.run(["export", "--live", "ratio(RTY,ES)"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Set(server.requests.map { String($0.prefix { $0 != "?" }) })
            == ["/v8/finance/chart/ES=F", "/v8/finance/chart/RTY=F"])
        let rows = first.stdout.split(separator: "\n")
        #expect(rows.first == "date,\"ratio(RTY,ES)\"" && rows.count > 300)
        // The network goes down: the same export answers from the cache and says so.
        server.stop()
        let offline = try RotorProcess.run(["export", "--live", "ratio(RTY,ES)"], environment: env)
        #expect(offline.status == 0)
        #expect(offline.stdout == first.stdout)
        #expect(offline.stderr.contains("rotor: warning: ES (yahoo ES=F): connection refused; using cached data up to"))
        #expect(offline.stderr.contains("(stale)"))
    }

    /// Samples/live.toml with a universe of three members (a first fetch of the
    /// bundled 100 takes 50 s at two requests a second).
    static func smallLiveConfig(in folder: String) throws -> String {
        let live = try String(contentsOfFile: RotorProcess.repositoryRoot.appendingPathComponent("Samples/live.toml").path,
                              encoding: .utf8)
        try "AAPL\nMSFT\nBRK-B\n".write(toFile: folder + "/members.txt", atomically: true, encoding: .utf8)
        // Its [events] file, beside it as in Samples/.
        try FileManager.default.copyItem(atPath: RotorProcess.repositoryRoot.appendingPathComponent("Samples/events.csv").path,
                                         toPath: folder + "/events.csv")
        let file = folder + "/live.toml"
        // Without its CFTC feeds: these tests answer Yahoo and FRED from a local server
        // (the cftc provider has its own, PositioningFeedCommandTests).
        let begin = try #require(live.range(of: "# cftc-begin")), end = try #require(live.range(of: "# cftc-end"))
        var text = live
        text.removeSubrange(begin.lowerBound..<end.upperBound)
        try text.replacingOccurrences(of: "members = \"universe-large-us.txt\"", with: "members = \"members.txt\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func snapshotShowsLiveDataAndFailingFeeds() throws {
        let server = try FakeMarketServer.start(failing: ["^VIX": .rateLimited(retryAfter: 60)])
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.smallLiveConfig(in: folder)
        let r = try RotorProcess.run(["snapshot", "--config", config, "--width", "120", "--height", "40", "--focus", "3"],
                                     environment: Self.environment(server, cache: folder))
        #expect(r.status == 0)
        #expect(r.stdout.contains(" LIVE ") && r.stdout.contains("1 RTY/ES") && r.stdout.contains("ratio 0."))
        #expect(r.stdout.contains("⚠ VIX: HTTP 429 rate limited"))
        #expect(r.stdout.contains("feeds 22/23 ok, 1 with problems"))
        // Missing data is named on stderr; with the other feeds' data shown the status is 0.
        #expect(r.stderr == "rotor: warning: VIX: no data: yahoo ^VIX HTTP 429 rate limited (retry after 60 s), nothing cached\n")
    }

    /// A config with feeds is live for export too; --live with a config without feeds is an error.
    @Test func aConfigWithFeedsIsLiveAndLiveNeedsFeeds() throws {
        let server = try FakeMarketServer.start()
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try Self.smallLiveConfig(in: folder)
        let r = try RotorProcess.run(["export", "--config", config, "ES"], environment: Self.environment(server, cache: folder))
        #expect(r.status == 0 && server.requests.map { String($0.prefix { $0 != "?" }) } == ["/v8/finance/chart/ES=F"])
        let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo.toml").path
        let bad = try RotorProcess.run(["export", "--live", "--config", demo, "ES"])
        #expect(bad.status == 2 && bad.stderr == "rotor: --live: \(demo) has no [[feeds]]\n")
    }

    @Test func anAPIKeyIsNeverShown() throws {
        let key = String(repeating: "a9", count: 16)
        let server = try LocalHTTPServer { _ in .init(status: 400, text: #"{"error_code":400,"error_message":"Bad Request.  The series does not exist."}"#) }
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var env = Self.environment(server, cache: folder)
        env["FRED_API_KEY"] = key
        let r = try RotorProcess.run(["export", "--live", "US2Y"], environment: env)
        #expect(server.requests.contains { $0.contains("api_key=\(key)") })
        #expect(r.status == 1)
        #expect(r.stderr == "rotor: US2Y: no data: fred DGS2 HTTP 400: Bad Request.  The series does not exist., nothing cached\n")
        #expect(!r.stderr.contains(key) && !r.stdout.contains(key))
    }
}
