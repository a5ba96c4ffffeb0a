import Foundation
import RotorCore
import RotorData
@testable import RotorStore
import RotorTestSupport
import Testing

/// `rotor collect` as a desk runs it: the real binary, a local stand-in for Yahoo
/// and FRED, and the throwaway PostgreSQL server of `make test`.
@Suite(.enabled(if: TestPostgres.url != nil,
                "needs the throwaway PostgreSQL server: run `make test` (ROTOR_TEST_POSTGRES_URL is not set)"))
struct CollectCommandTests {
    static let serverURL = TestPostgres.url
    static let passwordFile = TestPostgres.passwordFile
    static let schemas = Counter()

    /// A config of three feeds that answer and one that does not, writing into a
    /// schema of its own.
    static func config(in folder: String, schema: String, tls: String? = nil, caFile: String? = nil) throws -> String {
        let file = folder + "/collect.toml"
        try """
        [store]
        url = "\(serverURL!)"
        password_file = "\(passwordFile)"
        schema = "\(schema)"
        \(tls.map { "tls = \"\($0)\"" } ?? "")
        \(caFile.map { "ca_file = \"\($0)\"" } ?? "")

        [[feeds]]
        symbol = "ES"
        provider = "yahoo"
        ticker = "ES=F"

        [[feeds]]
        symbol = "RTY"
        provider = "yahoo"
        ticker = "RTY=F"

        [[feeds]]
        symbol = "NQ"
        provider = "yahoo"
        ticker = "NQ=F"

        [[feeds]]
        symbol = "US2Y"
        provider = "fred"
        ticker = "DGS2"
        """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A stand-in for the sources (NQ answers 404), a folder for the config and the
    /// cache, and a schema of its own.
    struct Desk {
        let server: LocalHTTPServer
        let folder: String
        let schema = "collect\(getpid())_\(CollectCommandTests.schemas.next())"
        let config: String
        var environment: [String: String] { LiveCommandTests.environment(server, cache: folder) }

        init() throws {
            server = try FakeMarketServer.start(failing: ["NQ=F": .notFound])
            folder = try LiveCommandTests.temporaryFolder()
            config = try CollectCommandTests.config(in: folder, schema: schema)
        }

        func remove() {
            server.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test func onceWritesEveryFeedsBarsAndHealthWithOneRequestEach() async throws {
        let desk = try Desk()
        defer { desk.remove() }
        let (server, folder, schema, config, env) = (desk.server, desk.folder, desk.schema, desk.config, desk.environment)
        let r = try RotorProcess.run(["collect", "--config", config, "--once"], environment: env)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("rotor collect: 4 feeds into postgres://rotor@127.0.0.1:"), "\(r.stderr)")
        #expect(r.stderr.contains("rotor collect: NQ (yahoo NQ=F): HTTP 404: No data found, symbol may be delisted"))
        #expect(r.stderr.contains("rotor: 1 of 4 feeds failed"))
        let password = try StoreSettings.readPasswordFile(Self.passwordFile, source: "test")
        #expect(!r.stderr.contains(password) && !r.stdout.contains(password))
        // One collector's requests: one per feed.
        #expect(server.requests.count == 4)
        // No SQLite cache was made: the store is the collector's only sink.
        #expect(!FileManager.default.fileExists(atPath: folder + "/rotor/feeds.sqlite"))

        let store = SharedStore(try StoreSettings(url: Self.serverURL!, passwordFile: Self.passwordFile, schema: schema))
        let es = CacheKey(feed: "ES", provider: .yahoo, ticker: "ES=F"), nq = CacheKey(feed: "NQ", provider: .yahoo, ticker: "NQ=F")
        let us2y = CacheKey(feed: "US2Y", provider: .fred, ticker: "DGS2")
        let contents = try await store.load([es, nq, us2y])
        #expect(contents.histories[nq] == nil)
        #expect((contents.histories[us2y]?.count ?? 0) > 300)
        let health = try await store.health()
        #expect(health.feeds[nq]?.lastError == .http(status: 404, detail: "No data found, symbol may be delisted"))
        #expect(health.feeds[nq]?.failingSince != nil && health.feeds[nq]?.lastSuccess == nil)
        #expect(health.feeds[es]?.lastSuccess != nil && health.feeds[es]?.lastError == nil)
        #expect(health.feeds.count == 4)
        #expect(try await store.lastWrite() != nil)

        // With [store] in the config, export and snapshot read what the collector
        // wrote and ask the sources for nothing.
        let export = try RotorProcess.run(["export", "--config", config, "ES", "US2Y"], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        let rows = export.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let stored = try #require(contents.histories[es])
        #expect(rows.count >= stored.count)
        #expect(rows.last.map { String($0[0]) } == stored.last?.date.iso)
        // (export writes its numbers rounded for reading: equal to 1e-9 of the value)
        let shown = Dictionary(rows.compactMap { row in Day(parsing: String(row[0])).flatMap { d in Double(row[1]).map { (d, $0) } } },
                               uniquingKeysWith: { a, _ in a })
        for (day, value) in zip(stored.dates, stored.values) {
            #expect(shown[day].map { abs($0 - value) <= 1e-9 * abs(value) } == true, "\(day.iso)")
        }
        let missing = try RotorProcess.run(["export", "--config", config, "NQ"], environment: env)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("rotor: NQ: no data in the store postgres://rotor@127.0.0.1:"), "\(missing.stderr)")
        #expect(missing.stderr.contains("yet (the collector's last fetch: HTTP 404: No data found, symbol may be delisted); is `rotor collect` running?"))
        let snapshot = try RotorProcess.run(["snapshot", "--config", config, "--width", "120", "--height", "40"], environment: env)
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(snapshot.stdout.contains("LIVE"))
        let alerts = try RotorProcess.run(["alerts", "--config", config], environment: env)
        #expect(alerts.status == 0, "\(alerts.stderr)")
        #expect(alerts.stdout.hasPrefix("date,"))
        #expect(alerts.stderr.contains("rotor: warning: NQ: no data in the store"))
        // `rotor line` too: its RTY/ES z is the one export computes from the store.
        let line = try RotorProcess.run(["line", "--config", config], environment: env)
        #expect(line.status == 0, "\(line.stderr)")
        let z = try RotorProcess.run(["export", "--config", config, "zscore(spread(RTY,ES,10),252)"], environment: env)
        let lastZ = try #require(z.stdout.split(separator: "\n").last?.split(separator: ",").last.flatMap { Double($0) })
        #expect(line.stdout.hasPrefix("RTY/ES z \(String(format: "%+.2f", lastZ))"), "\(line.stdout) vs \(lastZ)")
        #expect(server.requests.count == 4)
        #expect(!FileManager.default.fileExists(atPath: folder + "/rotor/feeds.sqlite"))
        try? await store.execute("DROP SCHEMA \(schema) CASCADE")
        await store.close()
    }

    /// The collector as a service runs: until SIGTERM, each fetch NOTIFYd. The test
    /// listens before it starts, awaits one notification per feed, checks that the
    /// heartbeat names the process it started, stops that process, and awaits its
    /// exit.
    @Test func runsUntilSIGTERMNotifyingEachFetch() async throws {
        let desk = try Desk()
        defer { desk.remove() }
        let (schema, config, env) = (desk.schema, desk.config, desk.environment)
        let store = SharedStore(try StoreSettings(url: Self.serverURL!, passwordFile: Self.passwordFile, schema: schema))
        try await store.migrate()
        let (heard, result) = try await store.withNotifications { notifications in
            let spawned = Spawned()
            let collector = Task.detached {
                try RotorProcess.run(["collect", "--config", config], environment: env, timeout: 90, started: spawned.set)
            }
            var heard: [String: Bool] = [:]
            for try await n in notifications {
                heard[n.feed] = n.hasBars
                if heard.count == 4 { break }
            }
            // The heartbeat names the process this test started; that one is stopped.
            let pid = try #require(spawned.pid)
            #expect(try await store.lastWrite()?.pid == Int(pid))
            #expect(kill(pid, SIGTERM) == 0)
            return (heard, try await collector.value)
        }
        #expect(heard == ["ES|yahoo|ES=F": true, "RTY|yahoo|RTY=F": true, "US2Y|fred|DGS2": true, "NQ|yahoo|NQ=F": false])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("rotor collect: feed NQ (yahoo NQ=F): HTTP 404"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("rotor collect: stopped\n"))
        try? await store.execute("DROP SCHEMA \(schema) CASCADE")
        await store.close()
    }

    @Test func storeMistakesAreRefusedClearlyAndKeepThePasswordOut() throws {
        let server = try FakeMarketServer.start()
        defer { server.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let env = LiveCommandTests.environment(server, cache: folder)
        let config = try Self.config(in: folder, schema: "unused", tls: "require")
        let tls = try RotorProcess.run(["collect", "--config", config, "--once"], environment: env)
        #expect(tls.status == 1)
        #expect(tls.stderr.contains("the server's TLS certificate was refused"), "\(tls.stderr)")
        #expect(server.requests.isEmpty)

        let withPassword = Self.serverURL!.replacingOccurrences(of: "postgres://rotor@", with: "postgres://rotor:hunter22@")
        let typed = try RotorProcess.run(["collect", "--config", config, "--db", withPassword, "--once"], environment: env)
        #expect(typed.status == 2)
        #expect(typed.stderr.contains("--db: postgres://rotor:(hidden)@127.0.0.1:"))
        #expect(typed.stderr.contains("a password in the URL is refused"))
        #expect(!typed.stderr.contains("hunter22"))
    }
}

extension CollectCommandTests {
    /// A desk's private CA: `ca_file` (relative to the config) naming the authority
    /// that signed the server's certificate lets the collector in over TLS, where
    /// the system's roots refuse it (above); a CA file that is not there stops the
    /// command at once, naming the config's line.
    @Test func aCAFileBesideTheConfigLetsTheCollectorInOverTLS() async throws {
        let ca = try #require(ProcessInfo.processInfo.environment["ROTOR_TEST_POSTGRES_CA_FILE"])
        let desk = try Desk()
        defer { desk.remove() }
        try FileManager.default.copyItem(atPath: ca, toPath: desk.folder + "/desk-ca.pem")
        let config = try Self.config(in: desk.folder, schema: desk.schema, tls: "require", caFile: "desk-ca.pem")
        let r = try RotorProcess.run(["collect", "--config", config, "--once"], environment: desk.environment)
        #expect(r.status == 1, "\(r.stderr)") // NQ answers 404; the other three are written
        #expect(r.stderr.contains("rotor: 1 of 4 feeds failed"), "\(r.stderr)")
        #expect(!r.stderr.contains("TLS"), "\(r.stderr)")
        let export = try RotorProcess.run(["export", "--config", config, "ES"], environment: desk.environment)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(separator: "\n").count > 100)
        let store = SharedStore(try StoreSettings(url: Self.serverURL!, passwordFile: Self.passwordFile, schema: desk.schema))
        try? await store.execute("DROP SCHEMA \(desk.schema) CASCADE")
        await store.close()

        let missing = try Self.config(in: desk.folder, schema: desk.schema, caFile: "gone.pem")
        let refused = try RotorProcess.run(["collect", "--config", missing, "--once"], environment: desk.environment)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("collect.toml:6: store.ca_file: \(desk.folder)/gone.pem: cannot read the CA file"),
                "\(refused.stderr)")
    }
}

/// The pid of a child, set by the thread that spawned it.
final class Spawned: @unchecked Sendable {
    // @unchecked: `value` is read and written under `lock` only.
    private let lock = NSLock()
    private var value: pid_t?

    func set(_ pid: pid_t) { lock.withLock { value = pid } }
    var pid: pid_t? { lock.withLock { value } }
}

/// The throwaway server of `make test` (Tests/postgres-server.sh), if there is one.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["ROTOR_TEST_POSTGRES_URL"]
    static let passwordFile = ProcessInfo.processInfo.environment["ROTOR_TEST_POSTGRES_PASSWORD_FILE"] ?? ""
}
