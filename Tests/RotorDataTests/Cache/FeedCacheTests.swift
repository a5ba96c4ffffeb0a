import Foundation
import GRDB
import RotorCore
import Testing
@testable import RotorData

/// The feed cache on GRDB: restarts, concurrent stores, keys by source, rows checked
/// on load, failed writes in the health, damaged files moved aside, old files migrated.
@Suite struct FeedCacheTests {
    static let es = FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F")
    /// The calendar the row checks run against: rows up to 2025-06-11 are in range.
    static let now = Date(timeIntervalSince1970: Double(Day(year: 2025, month: 6, day: 10)!.ordinal) * 86_400 + 43_200)

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func days(_ n: Int, from start: Day = Day(year: 2015, month: 1, day: 1)!) -> [Day] {
        (0..<n).map { start.adding(days: $0) }
    }

    /// Rows written straight into the file, as a person with `sqlite3` could.
    static func tamper(_ path: String, _ sql: String) throws {
        let database = try DatabaseQueue(path: path)
        try database.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    /// Answers every fetch with `bars`, and records the `since` it was asked for.
    final class FixedProvider: Provider, @unchecked Sendable {
        // @unchecked: `asked` is read and written under `lock`.
        private let lock = NSLock()
        private var asked: [Day?] = []
        let bars: Series
        init(_ bars: Series) { self.bars = bars }
        var sinces: [Day?] { lock.withLock { asked } }
        func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
            lock.withLock { asked.append(since) }
            return Bars(series: bars, marketOpen: false)
        }
    }

    /// Log lines, from a closure that may be called on any thread.
    final class LogLines: @unchecked Sendable {
        // @unchecked: `lines` is read and written under `lock`.
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var lines: [String] { lock.withLock { stored } }
    }

    @Test func aRestartKeepsTheData() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let days = (2...4).map { Day(year: 2025, month: 6, day: $0)! }
        let member = FeedSpec(symbol: "AAPL", kind: .yahoo, universe: "u")
        do {
            let cache = try FeedCache(path: dir + "/feeds.sqlite")
            #expect(cache.warning == nil)
            try cache.store(Self.es.cacheKey, Series(dates: days, values: [5700.25, 5710.5, 5690]))
            try cache.store(Self.es.cacheKey, Series(dates: [days[2]], values: [5695.75])) // today's bar, updated
            try cache.store(member.cacheKey, Series(dates: [days[0]], values: [201.5]))
        }
        let reopened = try FeedCache(path: dir + "/feeds.sqlite")
        #expect(reopened.warning == nil)
        let all = try reopened.load([Self.es.cacheKey, member.cacheKey], now: Self.now)
        #expect(all.histories[Self.es.cacheKey] == Series(dates: days, values: [5700.25, 5710.5, 5695.75]))
        #expect(all.histories[member.cacheKey]?.values == [201.5])
        #expect(all.invalidCount == 0 && all.warning == nil)
        // The store fills from it before the first fetch.
        let store = LiveStore(feeds: [Self.es, member])
        let loaded = try Poller.loadCache(reopened, into: store, now: Self.now)
        #expect(loaded.feeds == 2 && loaded.warning == nil)
        #expect(store.snapshot().market.universes["u"]?.members.map(\.name) == ["AAPL"])
        #expect(store.lastDate(Self.es) == days[2])
    }

    /// Fetches store concurrently (the poller does): every store is its own
    /// transaction, all of it or none of it, and no store ends another's. A store
    /// whose last bar is not a number fails on the NOT NULL close, and must leave no
    /// row behind while the good stores around it all land; readers in between see
    /// each history whole or not at all.
    @Test func concurrentStoresAllLandAndEachIsAtomic() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = try FeedCache(path: dir + "/feeds.sqlite")
        let bars = 250
        let days = Self.days(bars)
        let keys = (0..<48).map { CacheKey(feed: "S\($0)", provider: .yahoo, ticker: "T\($0)") }
        let failing = Set(keys.indices.filter { $0 % 4 == 3 })
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for (i, key) in keys.enumerated() {
                group.addTask {
                    var values = (0..<bars).map { 100 + Double(i) + Double($0) / 1000 }
                    if failing.contains(i) { values[bars - 1] = .nan }
                    do {
                        try cache.store(key, Series(dates: days, values: values))
                        return (i, true)
                    } catch {
                        return (i, false)
                    }
                }
                if i % 8 == 0 {
                    group.addTask {
                        let seen = try cache.load(keys, now: Self.now).histories
                        for (key, series) in seen where series.count != bars {
                            Issue.record("\(key) seen with \(series.count) of \(bars) bars")
                        }
                        return (-1, true)
                    }
                }
            }
            var out: [Int: Bool] = [:]
            for try await (i, ok) in group where i >= 0 { out[i] = ok }
            return out
        }
        #expect(outcomes.count == keys.count)
        for i in keys.indices { #expect(outcomes[i] == !failing.contains(i), "store \(i)") }
        let reopened = try FeedCache(path: dir + "/feeds.sqlite")
        let loaded = try reopened.load(keys, now: Self.now)
        #expect(loaded.invalidCount == 0)
        for (i, key) in keys.enumerated() {
            if failing.contains(i) {
                #expect(loaded.histories[key] == nil, "\(key): a failed store left rows")
            } else {
                #expect(loaded.histories[key]?.dates == days, "\(key)")
                #expect(loaded.histories[key]?.values.first == 100 + Double(i))
            }
        }
    }

    /// ES was `ES=F` (near 5,700) and is now another ticker (near 180): the new feed
    /// starts with no history and fetches its whole default range, so no return is
    /// computed across the two sources. Going back to `ES=F` finds its history again.
    @Test func aChangedTickerOrProviderStartsANewHistory() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        let old = Series(dates: Self.days(5, from: Day(year: 2025, month: 6, day: 2)!), values: [5700, 5710, 5690, 5720, 5730])
        try FeedCache(path: path).store(Self.es.cacheKey, old)

        let renamed = FeedSpec(symbol: "ES", kind: .yahoo, ticker: "MES=F")
        let store = LiveStore(feeds: [renamed])
        let cache = try FeedCache(path: path)
        #expect(try Poller.loadCache(cache, into: store, now: Self.now).feeds == 0)
        #expect(store.lastDate(renamed) == nil)
        let fresh = Series(dates: Self.days(3, from: Day(year: 2025, month: 6, day: 5)!), values: [177, 178, 179])
        let provider = FixedProvider(fresh)
        _ = await Poller.fetchOnce(renamed, provider: provider, store: store, cache: cache, now: { Self.now })
        #expect(provider.sinces == [nil], "the new source is fetched from its start, not from the old one's end")
        #expect(store.snapshot().market.symbols["ES"] == fresh)

        // Restarted: each source has its own history, neither spliced into the other.
        let again = try FeedCache(path: path).load([Self.es.cacheKey, renamed.cacheKey], now: Self.now)
        #expect(again.histories[renamed.cacheKey] == fresh)
        #expect(again.histories[Self.es.cacheKey] == old)
        // The same ticker from another provider is another history too.
        let other = FeedSpec(symbol: "ES", kind: .csv, ticker: "ES=F")
        #expect(try FeedCache(path: path).load([other.cacheKey], now: Self.now).histories.isEmpty)
        #expect(Self.es.cacheKey.description == "ES|yahoo|ES=F")
        #expect(FeedSpec(symbol: "AAPL", kind: .yahoo, universe: "u").cacheKey.description == "@u/AAPL|yahoo|AAPL")
    }

    /// Rows put in the file by hand: each bad one is skipped, counted and removed; the
    /// good ones (a FRED yield of 0 or below among them) are shown.
    @Test func tamperedRowsAreSkippedCountedAndRemoved() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        let us2y = FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2")
        let good = Self.days(3, from: Day(year: 2025, month: 6, day: 2)!)
        do {
            let cache = try FeedCache(path: path)
            try cache.store(Self.es.cacheKey, Series(dates: good, values: [5700, 5710, 5690]))
            try cache.store(us2y.cacheKey, Series(dates: good, values: [0.25, 0, -0.1]))
        }
        let d = { (y: Int, m: Int, day: Int) in Day(year: y, month: m, day: day)!.ordinal }
        let es = "'ES', 'yahoo', 'ES=F'"
        try Self.tamper(path, """
            INSERT INTO history VALUES (\(es), \(d(2025, 6, 5)), -5);
            INSERT INTO history VALUES (\(es), \(d(2025, 6, 6)), 0);
            INSERT INTO history VALUES (\(es), \(d(2025, 6, 7)), 9e999);
            INSERT INTO history VALUES (\(es), \(d(2025, 6, 8)), 'abc');
            INSERT INTO history VALUES (\(es), \(d(2025, 6, 12)), 5800);
            INSERT INTO history VALUES (\(es), \(d(3000, 1, 1)), 5800);
            INSERT INTO history VALUES (\(es), \(d(1899, 12, 31)), 5800);
            INSERT INTO history VALUES (\(es), 'yesterday', 5800);
            INSERT INTO history VALUES (\(es), 20240.5, 5800);
            INSERT INTO history VALUES ('US2Y', 'fred', 'DGS2', \(d(2025, 6, 5)), -9e999);
            INSERT INTO history VALUES ('US2Y', 'fred', 'DGS2', \(d(2025, 6, 11)), -0.5);
            """)
        let store = LiveStore(feeds: [Self.es, us2y])
        let loaded = try Poller.loadCache(FeedCache(path: path), into: store, now: Self.now)
        #expect(loaded.feeds == 2)
        let market = store.snapshot().market
        #expect(market.symbols["ES"] == Series(dates: good, values: [5700, 5710, 5690]))
        // 2025-06-11 is today + 1 day: in range.
        #expect(market.symbols["US2Y"] == Series(dates: good + [Day(year: 2025, month: 6, day: 11)!], values: [0.25, 0, -0.1, -0.5]))
        let warning = try #require(loaded.warning)
        #expect(warning.hasPrefix("\(path): skipped 10 invalid cached rows (ES|yahoo|ES=F 9, US2Y|fred|DGS2 1) and removed them"), "\(warning)")
        #expect(warning.contains("first: ES|yahoo|ES=F 1899-12-31: the day is before 1900-01-01"), "\(warning)")

        let contents = try FeedCache(path: path).load([Self.es.cacheKey], now: Self.now)
        #expect(contents.invalidCount == 0 && contents.warning == nil, "the bad rows were removed, so said once")
    }

    @Test func eachRuleOfTheRowCheck() {
        let check = CachedRowCheck(now: Self.now)
        #expect(check.latest == Day(year: 2025, month: 6, day: 11)!)
        let day = Int64(Day(year: 2025, month: 6, day: 2)!.ordinal)
        #expect(check.problem(day: day, close: 1, provider: .yahoo) == nil)
        #expect(check.problem(day: day, close: 0, provider: .yahoo) == "the close 0.0 is not a positive price")
        #expect(check.problem(day: day, close: -1, provider: .fred) == nil)
        #expect(check.problem(day: day, close: 0, provider: .csv) == nil)
        #expect(check.problem(day: day, close: .infinity, provider: .fred) == "the close inf is not finite")
        #expect(check.problem(day: day, close: nil, provider: .csv) == "the close is not a number")
        #expect(check.problem(day: nil, close: 1, provider: .yahoo) == "the day is not an integer")
        #expect(check.problem(day: Int64(Int32.max) + 1, close: 1, provider: .yahoo) == "the day is after 2025-06-11")
        #expect(check.problem(day: Int64(Int32.min) - 1, close: 1, provider: .yahoo) == "the day is before 1900-01-01")
    }

    /// Another process holds the file's write lock: the fetch still succeeds (its bars
    /// are on screen), the feed's health carries the cache error with its time, the
    /// log says it, and the next write that works clears it.
    @Test func aFailedWriteShowsInTheFeedsHealthAndTheLog() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        let cache = try FeedCache(path: path, busyTimeout: 0.05)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try await other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }

        let store = LiveStore(feeds: [Self.es])
        let bars = Series(dates: [Day(year: 2025, month: 6, day: 9)!], values: [5750])
        let log = LogLines()
        let first = Date(timeIntervalSince1970: 1_749_556_800)
        let result = await Poller.fetchOnce(Self.es, provider: FixedProvider(bars), store: store, cache: cache,
                                            now: { first }, log: { log.append($0) })
        #expect(result == .success(false))
        let health = try #require(store.snapshot().health.first?.health)
        #expect(health.lastSuccess == first && health.failingSince == nil)
        let error = try #require(health.cacheError)
        #expect(error.message == "\(path): database is locked", "\(error.message)")
        #expect(error.since == first && error.last == first)
        #expect(log.lines == ["cache: ES (yahoo ES=F): \(path): database is locked"], "\(log.lines)")

        // Still locked a minute later: the run of failures keeps its start.
        let later = first.addingTimeInterval(60)
        _ = await Poller.fetchOnce(Self.es, provider: FixedProvider(bars), store: store, cache: cache, now: { later })
        #expect(store.snapshot().health.first?.health.cacheError?.since == first)
        #expect(store.snapshot().health.first?.health.cacheError?.last == later)

        try await other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        _ = await Poller.fetchOnce(Self.es, provider: FixedProvider(bars), store: store, cache: cache, now: { later })
        #expect(store.snapshot().health.first?.health.cacheError == nil)
        #expect(try cache.load([Self.es.cacheKey], now: Self.now).histories[Self.es.cacheKey] == bars)
    }

    /// Not a database at all, with a stale -wal and -shm beside it: all three moved
    /// aside, a new cache made, and the warning says where they went.
    @Test func aFileThatIsNotADatabaseIsMovedAsideWithItsWalAndShm() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        try Data(repeating: 0x5A, count: 100).write(to: URL(fileURLWithPath: path + "-wal"))
        try Data(repeating: 0x5A, count: 100).write(to: URL(fileURLWithPath: path + "-shm"))
        let cache = try FeedCache(path: path)
        let warning = try #require(cache.warning)
        #expect(warning.hasPrefix("\(path): file is not a database; moved it to \(path).corrupt-"), "\(warning)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        for suffix in ["", "-wal", "-shm"] {
            #expect(files.contains { $0.hasPrefix("feeds.sqlite.corrupt-") && $0.hasSuffix("\(suffix)") && $0.count == "feeds.sqlite.corrupt-".count + 10 + suffix.count }, "\(files)")
        }
        let bars = Series(dates: [Day(year: 2025, month: 6, day: 2)!], values: [1])
        try cache.store(Self.es.cacheKey, bars)
        #expect(try cache.load([Self.es.cacheKey], now: Self.now).histories[Self.es.cacheKey] == bars)
    }

    /// A real cache whose pages were overwritten: SQLite opens it, the integrity check
    /// finds the damage, and it is moved aside like a file that is not a database.
    @Test func aDamagedDatabaseIsMovedAsideAndRebuilt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        do {
            let cache = try FeedCache(path: path)
            for i in 0..<20 {
                try cache.store(CacheKey(feed: "S\(i)", provider: .yahoo, ticker: "S\(i)"),
                                Series(dates: Self.days(500), values: (0..<500).map { Double($0) + 1 }))
            }
        }
        // Checkpointed into the main file (closing the last connection does), then
        // every page after the first three overwritten.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        #expect(size > 4096 * 8)
        try handle.seek(toOffset: 4096 * 3)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096 * 3))
        try handle.close()

        let cache = try FeedCache(path: path)
        let warning = try #require(cache.warning)
        #expect(warning.contains("moved it to \(path).corrupt-") && warning.contains("and started a new cache"), "\(warning)")
        #expect(try cache.load([CacheKey(feed: "S0", provider: .yahoo, ticker: "S0")], now: Self.now).histories.isEmpty)
    }

    /// A file of the hand-written cache (the `bars` table, no migrations recorded)
    /// opens without a warning and is migrated: its rows, which do not say their
    /// provider and ticker, are dropped (not guessed), and the new table works.
    @Test func aFileOfTheHandWrittenCacheIsMigrated() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        try Self.tamper(path, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE bars (symbol TEXT NOT NULL, day INTEGER NOT NULL, close REAL NOT NULL,
                PRIMARY KEY (symbol, day)) WITHOUT ROWID;
            INSERT INTO bars VALUES ('ES', 20241, 5700);
            """)
        let cache = try FeedCache(path: path)
        #expect(cache.warning == nil)
        #expect(try cache.load([Self.es.cacheKey], now: Self.now).histories.isEmpty)
        let bars = Series(dates: [Day(year: 2025, month: 6, day: 2)!], values: [5700])
        try cache.store(Self.es.cacheKey, bars)
        #expect(try cache.load([Self.es.cacheKey], now: Self.now).histories[Self.es.cacheKey] == bars)
        let (tables, migrations) = try DatabaseQueue(path: path).read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"))
        }
        #expect(tables == ["grdb_migrations", "history"] && migrations == ["v1", "v2"])
    }

    /// A FIFO where the cache should be would block the start forever: refused with
    /// the path named (the session then runs without a cache), and left where it is.
    @Test func aPathThatIsNotARegularFileIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/feeds.sqlite"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: FeedCache.Failure.self) { try FeedCache(path: path) }
        do {
            _ = try FeedCache(path: path)
        } catch {
            #expect(error.description == "\(path): not a regular file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["feeds.sqlite"])
    }

    @Test func defaultPath() {
        #expect(FeedCache.defaultPath(environment: ["XDG_CACHE_HOME": "/c"]) == "/c/rotor/feeds.sqlite")
        #expect(FeedCache.defaultPath(environment: ["HOME": "/h"]) == "/h/.cache/rotor/feeds.sqlite")
    }
}
