import Foundation
import RotorTestSupport
import Testing
@testable import rotor
import RotorData

/// The one-shot commands with the network down (every feed pointed at a loopback
/// port nobody listens on): they finish promptly, answer from the cache, and say
/// which data is missing and why instead of printing a blank frame.
@Suite struct OfflineCommandTests {
    /// The environment of a run whose feeds all go to a closed loopback port.
    static func offline(cache folder: String) -> [String: String] {
        let url = "http://127.0.0.1:\(LocalHTTPServer.closedPort())"
        return ["ROTOR_YAHOO_BASE_URL": url, "ROTOR_FRED_BASE_URL": url, "ROTOR_CBOE_BASE_URL": url, "XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder]
    }

    @Test func exportOfASymbolThatCouldNotBeFetchedSaysSo() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["export", "--live", "ret(ES)"], environment: Self.offline(cache: folder))
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "rotor: ES: no data: yahoo ES=F connection refused, nothing cached\n")
    }

    /// The second feed of the provider is not tried: it fails as "offline".
    @Test func exportOfTwoSymbolsTriesTheProviderOnce() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["export", "--live", "ratio(RTY,ES)"], environment: Self.offline(cache: folder))
        #expect(r.status == 1)
        #expect(r.stderr == """
            rotor: ES: no data: yahoo ES=F connection refused, nothing cached
            rotor: RTY: no data: yahoo RTY=F offline: connection refused, nothing cached

            """)
    }

    @Test func snapshotWithAnEmptyCacheShowsWhatIsMissingAndExitsOne() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let r = try RotorProcess.run(["snapshot", "--config", config, "--width", "120", "--height", "40"],
                                     environment: Self.offline(cache: folder))
        #expect(r.status == 1, "\(r.stderr)")
        // Not a blank frame: the feeds overlay names every feed and why it has nothing.
        #expect(r.stdout.contains("feeds (f or Esc closes)"))
        #expect(r.stdout.contains("ES (yahoo ES=F)") && r.stdout.contains("FAILING  since"))
        #expect(r.stdout.contains(": connection refused; no data yet"))
        #expect(r.stdout.contains(": offline: connection refused; no data yet"))
        #expect(r.stdout.contains("@universe: 0/3 members loaded, 3 failing"))
        #expect(r.stdout.contains("feeds 0/23 ok"))
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "rotor: ES: no data: yahoo ES=F connection refused, nothing cached")
        #expect(lines.contains("rotor: US2Y: no data: fred DGS2 connection refused, nothing cached"))
        #expect(lines.contains("rotor: US10Y: no data: fred DGS10 offline: connection refused, nothing cached"))
        #expect(lines.contains("rotor: @universe: no data: no member fetched (offline: connection refused), nothing cached"))
        #expect(lines.count == 24)
        // stderr is a file here, not a terminal: no progress line.
        #expect(!r.stderr.contains("fetching"))
    }

    @Test func snapshotWithEveryFeedCachedAnswersFromTheCache() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let args = ["snapshot", "--config", config, "--width", "120", "--height", "40"]
        let server = try FakeMarketServer.start()
        let online = try RotorProcess.run(args, environment: LiveCommandTests.environment(server, cache: folder))
        server.stop()
        #expect(online.status == 0, "\(online.stderr)")
        let r = try RotorProcess.run(args, environment: Self.offline(cache: folder))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 RTY/ES") && r.stdout.contains("ratio 0."))
        #expect(!r.stdout.contains("feeds (f or Esc closes)"))
        #expect(r.stderr.contains("rotor: warning: ES (yahoo ES=F): connection refused; showing cached data\n"))
        #expect(r.stderr.contains("rotor: warning: RTY (yahoo RTY=F): offline: connection refused; showing cached data\n"))
        #expect(!r.stderr.contains("no data"))
    }

    @Test func checkNamesTheFirstFailureAndTheOfflineFeeds() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["check", "--live"], environment: Self.offline(cache: folder))
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("ES connection refused"))
        #expect(lines.contains("RTY offline: connection refused"))
        #expect(lines.contains("US2Y connection refused"))
        #expect(lines.contains("US10Y offline: connection refused"))
        #expect(lines.contains("@universe offline: connection refused"))
    }

    /// The rule itself: a connection failure or a timeout makes the provider (kind and
    /// host) offline; an HTTP error does not; another host or provider is not touched.
    @Test func aProviderIsOfflineAfterItsFirstConnectionFailure() {
        let es = FeedSpec(symbol: "ES", kind: .yahoo, baseURL: "http://127.0.0.1:9")
        let rty = FeedSpec(symbol: "RTY", kind: .yahoo, baseURL: "http://127.0.0.1:9/v8")
        let elsewhere = FeedSpec(symbol: "NQ", kind: .yahoo, baseURL: "http://localhost:9")
        let fred = FeedSpec(symbol: "US2Y", kind: .fred, baseURL: "http://127.0.0.1:9")
        let file = FeedSpec(symbol: "X", kind: .csv)
        var offline = OfflineProviders()
        offline.record(es, .http(status: 500, detail: ""))
        #expect(offline.failure(for: rty) == nil)
        offline.record(es, .connection("connection refused"))
        offline.record(rty, .timeout(seconds: 5)) // the first failure is the one quoted
        #expect(offline.failure(for: rty) == .connection("offline: connection refused"))
        #expect(offline.failure(for: elsewhere) == nil)
        #expect(offline.failure(for: fred) == nil)
        offline.record(file, .connection("no such file"))
        #expect(offline.failure(for: file) == nil)
        var timedOut = OfflineProviders()
        timedOut.record(fred, .timeout(seconds: 15))
        #expect(timedOut.failure(for: fred) == .connection("offline: timed out after 15 s"))
    }
}
