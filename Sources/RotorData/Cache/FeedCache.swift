public import Foundation
public import RotorCore
import GRDB

/// The history of every live feed on disk (SQLite through GRDB, WAL, one transaction
/// per store), so the panes show data at once on start and a refresh only asks for
/// what is missing. A file that is not a usable database is moved aside, with a
/// warning, and a new one is made: a broken cache costs a download, never the
/// dashboard. Rows are checked on load (`CachedRowCheck`): a bad row is skipped,
/// counted in the load's warning and removed from the file.
///
/// Sendable for real: its only state is constants and GRDB's `DatabaseQueue`, which
/// runs every read and write on its one connection one at a time. Two fetches that
/// store at once (the poller runs fetches concurrently) get two transactions, one
/// after the other; neither can end the other's.
public final class FeedCache: Sendable {
    private let database: DatabaseQueue
    public let path: String
    /// What went wrong with the file found there, if anything ("moved aside ...").
    public let warning: String?

    /// `$XDG_CACHE_HOME/rotor/feeds.sqlite`, else `~/.cache/rotor/feeds.sqlite`.
    public static func defaultPath(environment: [String: String]? = nil) -> String {
        let env = environment ?? ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return base + "/rotor/feeds.sqlite"
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A file SQLite reads but whose pages are damaged (`PRAGMA quick_check`).
    private struct DamagedFile: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens (or makes) the cache at `path` and brings its schema up to date.
    /// `busyTimeout` is how long a write waits for another process using the same
    /// file (a second dashboard) before it fails as locked.
    public init(path: String = FeedCache.defaultPath(), busyTimeout: Double = 2) throws(Failure) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(folder): cannot create the cache folder")
        }
        if let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType,
           type != .typeRegular {
            // A FIFO or a device would block or feed SQLite forever: refused, not moved.
            throw Failure(description: "\(path): not a regular file")
        }
        do {
            database = try FeedCache.open(path, busyTimeout: busyTimeout)
            warning = nil
        } catch let first where FeedCache.isCorrupt(first) {
            let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix) }
            do {
                database = try FeedCache.open(path, busyTimeout: busyTimeout)
            } catch {
                throw Failure(description: "\(path): \(FeedCache.describe(error))")
            }
            warning = "\(path): \(FeedCache.describe(first)); moved it to \(aside) and started a new cache"
        } catch {
            throw Failure(description: "\(path): \(FeedCache.describe(error))")
        }
    }

    /// Opens an existing cache to read it only: no integrity check (most of an open's
    /// time on a full cache), no migration, never a file made or moved. For `rotor
    /// line`, which tmux runs every few seconds beside a dashboard that owns the file:
    /// a damaged or older file fails on `load` instead, and the caller says so.
    public init(readingOnly path: String) throws(Failure) {
        self.path = path
        warning = nil
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType,
              type == .typeRegular, FeedCache.hasDatabaseHeader(path) else {
            throw Failure(description: "\(path): not a feed cache")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "rotor feed cache (read only)"
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Failure(description: "\(path): \(FeedCache.describe(error))")
        }
    }

    private static func open(_ path: String, busyTimeout: Double) throws -> DatabaseQueue {
        // Checked before SQLite opens it: SQLite would fail on it too, but on closing
        // the failed connection it deletes the -wal and -shm beside it, which are then
        // not there to be moved aside with it.
        if !hasDatabaseHeader(path) { throw DamagedFile(description: "file is not a database") }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "rotor feed cache"
        // Opening reads the header: a file that is not a database fails here.
        let database = try DatabaseQueue(path: path, configuration: configuration)
        let check = try database.read { try String.fetchOne($0, sql: "PRAGMA quick_check") }
        if check != "ok" { throw DamagedFile(description: "integrity check failed: \(check ?? "no answer")") }
        try CacheSchema.migrator.migrate(database)
        return database
    }

    /// True when there is no file yet, an empty one (SQLite makes it a database), or
    /// one that starts with SQLite's 16-byte header.
    private static func hasDatabaseHeader(_ path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: 16)) ?? Data()
        return head.isEmpty || head == Data("SQLite format 3\u{0}".utf8)
    }

    /// A file that is not a usable database, as opposed to one that cannot be opened
    /// now (a read-only folder, a lock held by another process): only the first is
    /// moved aside.
    private static func isCorrupt(_ error: any Error) -> Bool {
        if error is DamagedFile { return true }
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// SQLite's own words ("database is locked", "database or disk is full").
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// What `load` found.
    public struct Contents: Sendable {
        /// The good rows of each history asked for that has any.
        public var histories: [CacheKey: Series] = [:]
        /// How many rows of each history were skipped (and removed from the file).
        public var invalidRows: [CacheKey: Int] = [:]
        /// The first skipped row and why: `ES|yahoo|ES=F 2025-06-03: the close -5.0 is ...`.
        public var firstProblem: String?
        /// Why the skipped rows could not be removed, if they could not.
        public var removalError: String?
        let path: String

        public var invalidCount: Int { invalidRows.values.reduce(0, +) }

        /// The line to say once at start when rows were skipped, else nil.
        public var warning: String? {
            guard invalidCount > 0 else { return nil }
            let counts = invalidRows.keys.sorted { $0.description < $1.description }
                .map { "\($0) \(invalidRows[$0]!)" }.joined(separator: ", ")
            let removed = removalError.map { "; could not remove them: \($0)" } ?? " and removed them"
            return "\(path): skipped \(invalidCount) invalid cached row\(invalidCount == 1 ? "" : "s") (\(counts))"
                + removed + (firstProblem.map { "; first: \($0)" } ?? "")
        }
    }

    /// The cached histories of `keys`, every row checked against `now`'s calendar.
    /// Rows that fail the check are left out, counted, and deleted from the file, so
    /// they are reported once.
    public func load(_ keys: some Sequence<CacheKey>, now: Date = Date()) throws(Failure) -> Contents {
        let check = CachedRowCheck(now: now)
        let keys = Array(keys)
        var contents = Contents(path: path)
        do {
            let (histories, invalid) = try database.read { db in
                var histories: [CacheKey: Series] = [:]
                var invalid: [(key: CacheKey, day: DatabaseValue, problem: String)] = []
                let rows = try db.cachedStatement(sql: """
                    SELECT day, close FROM history WHERE feed = ? AND provider = ? AND ticker = ? ORDER BY day
                    """)
                for key in keys {
                    var dates: [Day] = [], values: [Double] = []
                    let cursor = try Row.fetchCursor(rows, arguments: [key.feed, key.provider.rawValue, key.ticker])
                    while let row = try cursor.next() {
                        let day: DatabaseValue = row[0]
                        let ordinal: Int64? = if case let .int64(n) = day.storage { n } else { nil }
                        let close = Double.fromDatabaseValue(row[1])
                        if let problem = check.problem(day: ordinal, close: close, provider: key.provider) {
                            invalid.append((key, day, problem))
                        } else {
                            dates.append(Day(ordinal: Int32(ordinal!)))
                            values.append(close!)
                        }
                    }
                    if !dates.isEmpty { histories[key] = Series(dates: dates, values: values) }
                }
                return (histories, invalid)
            }
            contents.histories = histories
            for row in invalid { contents.invalidRows[row.key, default: 0] += 1 }
            if let first = invalid.first {
                contents.firstProblem = "\(first.key) \(Self.describeDay(first.day)): \(first.problem)"
                do {
                    try remove(invalid.map { ($0.key, $0.day) })
                } catch {
                    contents.removalError = Self.describe(error)
                }
            }
            return contents
        } catch {
            throw Failure(description: "\(path): \(Self.describe(error))")
        }
    }

    private func remove(_ rows: [(key: CacheKey, day: DatabaseValue)]) throws {
        try database.write { db in
            let delete = try db.cachedStatement(sql: """
                DELETE FROM history WHERE feed = ? AND provider = ? AND ticker = ? AND day = ?
                """)
            for row in rows {
                try delete.execute(arguments: [row.key.feed, row.key.provider.rawValue, row.key.ticker, row.day])
            }
        }
    }

    /// A stored day for a message: the date when it is one, else what the file holds.
    private static func describeDay(_ day: DatabaseValue) -> String {
        if case let .int64(n) = day.storage, let ordinal = Int32(exactly: n) { return Day(ordinal: ordinal).iso }
        return "day \(day.description.prefix(40))"
    }

    /// Writes the bars of one history, replacing any cached bar of the same date (the
    /// live bar of today changes on every poll), in one transaction: all of them or,
    /// on an error, none.
    public func store(_ key: CacheKey, _ bars: Series) throws(Failure) {
        do {
            try database.write { db in
                let insert = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO history (feed, provider, ticker, day, close) VALUES (?, ?, ?, ?, ?)
                    """)
                for (day, close) in zip(bars.dates, bars.values) {
                    try insert.execute(arguments: [key.feed, key.provider.rawValue, key.ticker, Int64(day.ordinal), close])
                }
            }
        } catch {
            throw Failure(description: "\(path): \(Self.describe(error))")
        }
    }
}
