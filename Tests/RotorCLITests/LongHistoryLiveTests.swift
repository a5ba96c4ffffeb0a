import Foundation
import RotorTestSupport
import Testing

/// The live config's first start against the local fake server: each main Yahoo feed
/// asks for its whole history (`range=max`), each universe member for two years
/// (`range=2y`), FRED for its whole series (no `cosd`); the next start, with all of it
/// cached, asks each main feed only for the days since and leaves the cached members.
@Suite struct LongHistoryLiveTests {
    @Test func aFirstStartFetchesWholeHistoriesThenOnlyWhatIsNew() throws {
        let server = try FakeMarketServer.start()
        defer { server.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let environment = LiveCommandTests.environment(server, cache: folder)
        let first = try RotorProcess.run(["snapshot", "--config", config], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let firstRequests = server.requests
        for main in ["ES=F", "RTY=F", "NQ=F", "%5EGSPC", "%5EVIX", "AAPL", "TSLA"] {
            #expect(firstRequests.contains("/v8/finance/chart/\(main)?range=max&interval=1d"), "\(main): \(firstRequests)")
        }
        // The members (AAPL and MSFT are main feeds too: fetched once as each).
        for member in ["AAPL", "MSFT", "BRK-B"] {
            #expect(firstRequests.contains("/v8/finance/chart/\(member)?range=2y&interval=1d"), "\(member): \(firstRequests)")
        }
        #expect(firstRequests.contains("/graph/fredgraph.csv?id=DGS2") && firstRequests.contains("/graph/fredgraph.csv?id=DGS10"))
        #expect(!firstRequests.contains { $0.contains("period1=") || $0.contains("cosd=") })

        let second = try RotorProcess.run(["snapshot", "--config", config], environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        let later = Array(server.requests.dropFirst(firstRequests.count))
        #expect(later.contains { $0.hasPrefix("/v8/finance/chart/ES=F?period1=") }, "\(later)")
        #expect(later.contains { $0.hasPrefix("/graph/fredgraph.csv?id=DGS2&cosd=") }, "\(later)")
        #expect(!later.contains { $0.contains("range=") }, "\(later)")
        #expect(!later.contains { $0.hasPrefix("/v8/finance/chart/BRK-B") }, "a cached member was fetched again: \(later)")
    }
}
