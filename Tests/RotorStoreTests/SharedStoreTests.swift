import Foundation
import PostgresNIO
import RotorCore
import RotorData
import Testing
@testable import RotorStore

/// The shared store against a real PostgreSQL server (the throwaway one of `make
/// test`): schema, one transaction per fetch, reads with the cache's row checks,
/// LISTEN/NOTIFY, and errors that never hold the password.
@Suite(.enabled(if: TestServer.available, TestServer.skipReason))
struct SharedStoreTests {
    let es = CacheKey(feed: "ES", provider: .yahoo, ticker: "ES=F")
    let us2y = CacheKey(feed: "US2Y", provider: .fred, ticker: "DGS2")
    let at = Date(timeIntervalSince1970: 1_751_300_000)

    func series(_ first: Int32, _ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: first + Int32($0)) }, values: values)
    }

    func succeeded(_ time: Date) -> FeedHealth {
        var h = FeedHealth()
        h.succeeded(at: time)
        return h
    }

    @Test func migratingTwiceAppliesEachVersionOnce() async throws {
        let store = SharedStore(try TestServer.settings())
        #expect(try await store.schemaVersion() == 0)
        #expect(try await store.migrate() == [1, 2])
        #expect(try await store.migrate() == [])
        #expect(try await store.schemaVersion() == StoreSchema.latest)
        await TestServer.drop(store)
    }

    @Test func aStoreOfANewerRotorIsRefusedNotChanged() async throws {
        let store = try await TestServer.store()
        try await store.execute("INSERT INTO \(store.settings.schema).rotor_schema_version (version) VALUES (99)")
        await #expect {
            try await store.migrate()
        } throws: { error in
            "\(error)".contains("is at version 99, made by a newer rotor (this one knows up to 2)")
        }
        #expect(try await store.schemaVersion() == 99)
        await TestServer.drop(store)
    }

    @Test func aFetchWrittenIsReadBackWithItsHealthAndTheHeartbeat() async throws {
        let store = try await TestServer.store()
        let bars = series(20_000, [5000.25, 5010.5, 4999.75])
        try await store.write(FetchRecord(feed: es, histories: [(es, bars)], health: succeeded(at), at: at))
        let contents = try await store.load([es, us2y], now: at)
        #expect(contents.histories == [es: bars])
        #expect(contents.warning == nil)
        #expect(try await store.health().feeds == [es: succeeded(at)])
        let beat = try #require(try await store.lastWrite())
        #expect(beat.lastWrite == at)
        #expect(beat.pid == Int(getpid()))
        await TestServer.drop(store)
    }

    @Test func aBarOfADayStoredIsReplacedAndLaterOnesAppended() async throws {
        let store = try await TestServer.store()
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_000, [1, 2]))], health: succeeded(at), at: at))
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_001, [2.5, 3]))], health: succeeded(at), at: at))
        #expect(try await store.load([es], now: at).histories[es] == series(20_000, [1, 2.5, 3]))
        await TestServer.drop(store)
    }

    @Test func aWriteThatFailsLeavesNothing() async throws {
        let store = try await TestServer.store()
        // PostgreSQL's text cannot hold a NUL: the second history fails the
        // transaction after the first one's rows were inserted.
        let broken = CacheKey(feed: "RTY\u{0}", provider: .yahoo, ticker: "RTY=F")
        await #expect(throws: StoreError.self) {
            try await store.write(FetchRecord(feed: es, histories: [(es, series(20_000, [1, 2])), (broken, series(20_000, [3]))],
                                              health: succeeded(at), at: at))
        }
        #expect(try await store.load([es], now: at).histories.isEmpty)
        #expect(try await store.health().feeds.isEmpty)
        #expect(try await store.lastWrite() == nil)
        // The store goes on working after the failure.
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_000, [1]))], health: succeeded(at), at: at))
        #expect(try await store.load([es], now: at).histories[es] == series(20_000, [1]))
        await TestServer.drop(store)
    }

    @Test func aListenerHearsEachFetchWrittenInOrder() async throws {
        let store = try await TestServer.store()
        var failing = FeedHealth()
        failing.failed(.timeout(seconds: 10), at: at)
        let es = self.es, us2y = self.us2y, at = self.at, bars = series(20_000, [1])
        let heard = try await store.withNotifications { notifications in
            // The LISTEN is in effect here: both writes are heard.
            try await store.write(FetchRecord(feed: es, histories: [(es, bars)], health: FeedHealth(), at: at))
            try await store.write(FetchRecord(feed: us2y, histories: [], health: failing, at: at))
            var heard: [StoreNotification] = []
            for try await n in notifications {
                heard.append(n)
                if heard.count == 2 { break }
            }
            return heard
        }
        #expect(heard == [StoreNotification(feed: "ES|yahoo|ES=F", hasBars: true),
                          StoreNotification(feed: "US2Y|fred|DGS2", hasBars: false)])
        await TestServer.drop(store)
    }

    @Test func everyKindOfHealthRoundTrips() async throws {
        let store = try await TestServer.store()
        let errors: [FeedError] = [.http(status: 503, detail: "Service Unavailable"), .http(status: 404, detail: ""),
                                   .rateLimited(retryAfter: 30), .rateLimited(retryAfter: nil), .timeout(seconds: 15.5),
                                   .connection("connection refused"), .badResponse("truncated JSON"), .empty]
        var expected: [CacheKey: FeedHealth] = [:]
        for (i, error) in errors.enumerated() {
            let key = CacheKey(feed: "F\(i)", provider: .fred, ticker: "T\(i)")
            var h = FeedHealth()
            h.succeeded(at: at)
            h.failed(error, at: at.addingTimeInterval(60))
            h.failed(error, at: at.addingTimeInterval(120))
            if i % 2 == 0 { h.cacheWrite(failed: "disk full", at: at.addingTimeInterval(90)) }
            try await store.write(FetchRecord(feed: key, histories: [], health: h, at: at))
            expected[key] = h
        }
        let read = try await store.health()
        #expect(read.problems.isEmpty)
        #expect(read.feeds == expected)
        await TestServer.drop(store)
    }

    /// v2's packed histories follow `history` whatever changes it (a fetch, rows
    /// inserted, updated or deleted by hand); a store migrated from v1 gets its
    /// histories packed; and a v1 store (an older collector's) is still read, by
    /// aggregating its rows.
    @Test func packedHistoriesFollowEveryChangeAndAV1StoreIsStillRead() async throws {
        let store = try await TestServer.store()
        let s = store.settings.schema
        func packed() async throws -> [String] {
            try await store.run("read packed") { c in
                var out: [String] = []
                let rows = try await c.query(PostgresQuery(unsafeSQL: """
                    SELECT feed, days, closes FROM \(s).history_packed ORDER BY feed
                    """), logger: Logger(label: "test"))
                for try await (feed, days, closes) in rows.decode((String, [Int32], [Double]).self) {
                    out.append("\(feed) \(days) \(closes)")
                }
                return out
            }
        }
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_000, [10, 11]))], health: succeeded(at), at: at))
        try await store.write(FetchRecord(feed: us2y, histories: [(us2y, series(20_000, [4.5]))], health: succeeded(at), at: at))
        #expect(try await packed() == ["ES [20000, 20001] [10.0, 11.0]", "US2Y [20000] [4.5]"])
        // Today's bar replaced and a new one: the upsert's insert and update both repack.
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_001, [11.5, 12]))], health: succeeded(at), at: at))
        #expect(try await packed() == ["ES [20000, 20001, 20002] [10.0, 11.5, 12.0]", "US2Y [20000] [4.5]"])
        try await store.execute("INSERT INTO \(s).history VALUES ('ES', 'yahoo', 'ES=F', 19999, 9)")
        try await store.execute("UPDATE \(s).history SET close = 4.75 WHERE feed = 'US2Y'")
        try await store.execute("DELETE FROM \(s).history WHERE feed = 'ES' AND day = 20002")
        #expect(try await packed() == ["ES [19999, 20000, 20001] [9.0, 10.0, 11.5]", "US2Y [20000] [4.75]"])
        try await store.execute("DELETE FROM \(s).history WHERE feed = 'US2Y'")
        #expect(try await packed() == ["ES [19999, 20000, 20001] [9.0, 10.0, 11.5]"])
        let expected = [es: series(19_999, [9, 10, 11.5])]
        #expect(try await store.load([es, us2y], now: at).histories == expected)

        // Back to v1 (no packed table, no triggers): read by aggregating the rows.
        try await store.execute("DROP TABLE \(s).history_packed")
        try await store.execute("DROP FUNCTION \(s).repack_history() CASCADE")
        try await store.execute("DELETE FROM \(s).rotor_schema_version WHERE version = 2")
        try await store.execute("INSERT INTO \(s).history VALUES ('ES', 'yahoo', 'ES=F', 20002, 12)")
        let v1 = [es: series(19_999, [9, 10, 11.5, 12])]
        #expect(try await store.load([es, us2y], now: at).histories == v1)
        // Migrated to v2: the rows already there are packed.
        #expect(try await store.migrate() == [2])
        #expect(try await packed() == ["ES [19999, 20000, 20001, 20002] [9.0, 10.0, 11.5, 12.0]"])
        #expect(try await store.load([es, us2y], now: at).histories == v1)
        await TestServer.drop(store)
    }

    @Test func badRowsAreSkippedAndReportedWithTheCachesRules() async throws {
        let store = try await TestServer.store()
        let s = store.settings.schema
        try await store.write(FetchRecord(feed: es, histories: [(es, series(20_000, [10, 11]))], health: succeeded(at), at: at))
        try await store.write(FetchRecord(feed: us2y, histories: [(us2y, series(20_000, [-0.25]))], health: succeeded(at), at: at))
        let future = CachedRowCheck(now: at).latest.ordinal + 1
        try await store.execute("""
            INSERT INTO \(s).history VALUES ('ES', 'yahoo', 'ES=F', 20002, 'NaN'), ('ES', 'yahoo', 'ES=F', 20003, -5),
                ('ES', 'yahoo', 'ES=F', \(future), 12), ('US2Y', 'fred', 'DGS2', -30000, 4)
            """)
        try await store.execute("""
            INSERT INTO \(s).feed_health (feed, provider, ticker, error_kind, updated) VALUES ('X', 'yahoo', 'X', 'meteor', now()),
                ('Y', 'nasdaq', 'Y', NULL, now())
            """)
        let contents = try await store.load([es, us2y], now: at)
        #expect(contents.histories == [es: series(20_000, [10, 11]), us2y: series(20_000, [-0.25])])
        #expect(contents.invalidRows == [es: 3, us2y: 1])
        #expect(contents.warning == "\(store.name): skipped 4 invalid stored rows (ES|yahoo|ES=F 3, US2Y|fred|DGS2 1); "
                    + "first: ES|yahoo|ES=F \(Day(ordinal: 20002).iso): the close nan is not finite")
        let health = try await store.health()
        #expect(health.feeds.keys.sorted { $0.description < $1.description } == [es, us2y])
        #expect(health.problems == ["X|yahoo|X: the error kind 'meteor' is not one rotor writes, or lacks its fields",
                                    "Y|nasdaq|Y: health of an unknown provider"])
        await TestServer.drop(store)
    }

    @Test func connectionErrorsNameTheServerButNeverThePassword() async throws {
        let password = try TestServer.password()
        // The right password, a database that does not exist.
        let url = TestServer.url!.replacingOccurrences(of: "/rotor_test", with: "/no_such_db")
        let missing = SharedStore(try StoreSettings(url: url, passwordFile: TestServer.passwordFile!))
        await #expect {
            try await missing.migrate()
        } throws: { error in
            let text = "\(error)"
            return text.contains("database \"no_such_db\" does not exist") && !text.contains(password)
                && text.hasPrefix("postgres://rotor@127.0.0.1:")
        }
        // A wrong password, from the environment.
        let wrong = "wrong-\(password)-secret"
        let badAuth = SharedStore(try StoreSettings(url: TestServer.url!, passwordEnv: "ROTOR_TEST_WRONG",
                                                    environment: ["ROTOR_TEST_WRONG": wrong]))
        await #expect {
            try await badAuth.schemaVersion()
        } throws: { error in
            let text = "\(error)"
            return text.contains("password authentication failed for user \"rotor\"") && !text.contains(wrong)
                && !text.contains(password)
        }
    }

    /// The test server offers TLS with a self-signed certificate: `tls = "require"`
    /// checks certificates against the system's roots and refuses it; without TLS
    /// (loopback's default) the same server is used.
    @Test func tlsRequiredVerifiesTheServersCertificate() async throws {
        let store = SharedStore(try TestServer.settings(tls: "require"))
        let password = try TestServer.password()
        await #expect {
            try await store.schemaVersion()
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot connect: the server's TLS certificate was refused (not signed by an authority") && !text.contains(password)
        }
        let plain = SharedStore(try TestServer.settings())
        #expect(try await plain.schemaVersion() == 0)
        await plain.close()
    }

    /// A desk's private CA: with `ca_file` naming the authority that signed the
    /// server's certificate, the connection is TLS (the server says so in
    /// `pg_stat_ssl`) and the certificate is verified for the host asked for, by
    /// address and by name; loopback's default of no TLS gives way to it.
    @Test func aCAFileTrustsThePrivateAuthorityThatSignedTheServer() async throws {
        let caFile = try #require(TestServer.caFile, "Tests/postgres-server.sh exports ROTOR_TEST_POSTGRES_CA_FILE")
        for host in ["127.0.0.1", "localhost"] {
            let url = TestServer.url!.replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):")
            let settings = try StoreSettings(url: url, passwordFile: TestServer.passwordFile!, caFile: caFile,
                                             schema: TestServer.freshSchema())
            #expect(settings.tls == .require)
            let store = SharedStore(settings)
            #expect(try await store.schemaVersion() == 0)
            let encrypted = try await store.run("read pg_stat_ssl") { c in
                var out: [Bool] = []
                let rows = try await c.query(PostgresQuery(unsafeSQL: "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"),
                                             logger: Logger(label: "test"))
                for try await ssl in rows.decode(Bool.self) {
                    out.append(ssl)
                }
                return out
            }
            #expect(encrypted == [true], "\(host)")
            await store.close()
        }
    }
}
