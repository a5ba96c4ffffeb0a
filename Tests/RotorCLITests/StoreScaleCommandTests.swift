import Foundation
import RotorCore
import RotorData
@testable import RotorStore
import RotorTestSupport
import Testing

/// Issue 18's scale promise, on a small universe: one collector fills the store, and
/// twenty readers of it (`export` and `snapshot` with the config's `[store]`, all at
/// once) show the same values and ask the sources for nothing, so a desk of twenty
/// costs one collector's requests. The breadth read from the store is checked against
/// the same bars read from a CSV folder and against a count made here.
@Suite(.enabled(if: TestPostgres.url != nil,
                "needs the throwaway PostgreSQL server: run `make test` (ROTOR_TEST_POSTGRES_URL is not set)"))
struct StoreScaleCommandTests {
    static let members = (1...30).map { String(format: "T%02d", $0) }
    static let breadth = ["above(@universe,20)", "advances(@universe)", "declines(@universe)", "netadv(@universe)",
                          "adline(@universe)"]

    /// ES and a universe of `members`, writing into `schema`.
    static func config(in folder: String, schema: String) throws -> String {
        try members.joined(separator: "\n").write(toFile: folder + "/members.txt", atomically: true, encoding: .utf8)
        let file = folder + "/scale.toml"
        try """
        [store]
        url = "\(TestPostgres.url!)"
        password_file = "\(TestPostgres.passwordFile)"
        schema = "\(schema)"

        [[feeds]]
        symbol = "ES"
        provider = "yahoo"
        ticker = "ES=F"

        [[feeds]]
        symbol = "@universe"
        provider = "yahoo"
        members = "members.txt"
        """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func twentyReadersOfOneCollectorShowTheSameValuesAndAskTheSourcesNothing() async throws {
        let server = try FakeMarketServer.start()
        defer { server.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schema = "scale\(getpid())"
        let config = try Self.config(in: folder, schema: schema)
        let env = LiveCommandTests.environment(server, cache: folder)
        let store = SharedStore(try StoreSettings(url: TestPostgres.url!, passwordFile: TestPostgres.passwordFile, schema: schema))

        let collect = try RotorProcess.run(["collect", "--config", config, "--once"], environment: env)
        #expect(collect.status == 0, "\(collect.stderr)")
        // One collector's requests: one per feed, the universe's members included.
        let hits = server.requests.count
        #expect(hits == 1 + Self.members.count)

        // Twenty readers at once, each a process of its own on its own thread (a
        // blocking wait each), awaited together.
        let exportArguments = ["export", "--config", config, "ES"] + Self.breadth
        let snapshotArguments = ["snapshot", "--config", config, "--width", "120", "--height", "40"]
        let runs: [[String]] = Array(repeating: exportArguments, count: 15) + Array(repeating: snapshotArguments, count: 5)
        let results = try await Self.concurrently(runs, environment: env)
        for r in results { #expect(r.status == 0, "\(r.stderr)") }
        let exports = results.prefix(15).map(\.stdout), snapshots = results.suffix(5).map(\.stdout)
        #expect(Set(exports).count == 1)
        #expect(exports[0].split(separator: "\n").count > 300)
        // A frame's panes are the same for all; its last line (the status bar) may
        // carry a clock.
        #expect(Set(snapshots.map { $0.split(separator: "\n").dropLast().joined(separator: "\n") }).count == 1)
        #expect(snapshots[0].contains("LIVE"))
        #expect(server.requests.count == hits, "the readers asked the sources: \(server.requests.dropFirst(hits).prefix(3))")

        // The same bars, read here from the store and written as a CSV folder: the
        // breadth `export` prints from the folder is the one it printed from the store.
        let keys = [CacheKey(feed: "ES", provider: .yahoo, ticker: "ES=F")]
            + Self.members.map { CacheKey(feed: "@universe/\($0)", provider: .yahoo, ticker: $0) }
        let contents = try await store.load(keys)
        #expect(contents.histories.count == keys.count && contents.invalidCount == 0)
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data + "/universe", withIntermediateDirectories: true)
        try Self.csv(contents.histories[keys[0]]!).write(toFile: data + "/ES.csv", atomically: true, encoding: .utf8)
        for (member, key) in zip(Self.members, keys.dropFirst()) {
            try Self.csv(contents.histories[key]!).write(toFile: data + "/universe/\(member).csv", atomically: true, encoding: .utf8)
        }
        let fromCSV = try RotorProcess.run(["export", "--data", data, "ES"] + Self.breadth, environment: env)
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromCSV.stdout == exports[0])

        // And one number counted here, not by rotor: the members up on the last day.
        let lastRow = try #require(exports[0].split(separator: "\n").last?.split(separator: ",", omittingEmptySubsequences: false))
        let lastDay = try #require(Day(parsing: String(lastRow[0])))
        let up = keys.dropFirst().filter { key in
            let s = contents.histories[key]!
            guard let i = s.dates.firstIndex(of: lastDay), i > 0 else { return false }
            return s.values[i] > s.values[i - 1]
        }.count
        #expect(Double(lastRow[3]) == Double(up), "\(lastRow)")
        #expect(server.requests.count == hits)
        try? await store.execute("DROP SCHEMA \(schema) CASCADE")
        await store.close()
    }

    /// `Date,Close` rows of a series.
    static func csv(_ s: Series) -> String {
        "Date,Close\n" + zip(s.dates, s.values).map { "\($0.iso),\($1)" }.joined(separator: "\n") + "\n"
    }

    /// Runs every argument list as a `rotor` process, all at once (one thread each,
    /// so none waits for a free worker), and returns the results in order.
    static func concurrently(_ runs: [[String]], environment: [String: String]) async throws -> [RotorProcess.Result] {
        let box = ResultsBox(count: runs.count)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for (i, arguments) in runs.enumerated() {
                group.enter()
                Thread.detachNewThread {
                    box.set(i, Result { try RotorProcess.run(arguments, environment: environment) })
                    group.leave()
                }
            }
            group.notify(queue: .global()) { done.resume() }
        }
        return try box.results.map { try $0!.get() }
    }

    final class ResultsBox: @unchecked Sendable {
        // @unchecked: `results` is only touched under `lock`.
        private let lock = NSLock()
        private var stored: [Result<RotorProcess.Result, any Error>?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<RotorProcess.Result, any Error>) { lock.withLock { stored[i] = r } }
        var results: [Result<RotorProcess.Result, any Error>?] { lock.withLock { stored } }
    }
}
