import Foundation
public import RotorCore

/// The history of every live symbol on disk (SQLite, WAL, one transaction per
/// fetch), so the panes show data at once on start and a refresh only asks for what
/// is missing. A file that is not a usable database is moved aside, with a warning,
/// and a new one is made: a broken cache costs a download, never the dashboard.
public final class FeedCache: @unchecked Sendable {
    // @unchecked: the cache has one owner at a time (the poller actor, or a command
    // before it starts), and SQLite is opened in serialized mode besides.
    private let database: SQLiteDatabase
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

    public init(path: String = FeedCache.defaultPath()) throws(Failure) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(folder): cannot create the cache folder")
        }
        do {
            database = try FeedCache.open(path)
            warning = nil
        } catch let first where first.isCorrupt {
            let aside = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix) }
            do {
                database = try FeedCache.open(path)
            } catch {
                throw Failure(description: "\(path): \(error)")
            }
            warning = "\(path): \(first.message); moved it to \(aside) and started a new cache"
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    private static func open(_ path: String) throws(SQLiteDatabase.Failure) -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path)
        // Reading the schema is what finds a file that is not a database.
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA synchronous=NORMAL")
        try db.execute("""
            CREATE TABLE IF NOT EXISTS bars (
                symbol TEXT NOT NULL, day INTEGER NOT NULL, close REAL NOT NULL,
                PRIMARY KEY (symbol, day)) WITHOUT ROWID
            """)
        let check = try db.prepare("PRAGMA quick_check")
        if try check.step(), check.text(0) != "ok" {
            throw SQLiteDatabase.Failure(message: "integrity check failed: \(check.text(0))", isCorrupt: true)
        }
        return db
    }

    /// Every cached series, by symbol.
    public func load() throws(Failure) -> [String: Series] {
        do {
            let rows = try database.prepare("SELECT symbol, day, close FROM bars ORDER BY symbol, day")
            var out: [String: (dates: [Day], values: [Double])] = [:]
            while try rows.step() {
                out[rows.text(0), default: ([], [])].dates.append(Day(ordinal: Int32(rows.int(1))))
                out[rows.text(0)]!.values.append(rows.double(2))
            }
            return out.mapValues { Series(dates: $0.dates, values: $0.values) }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// Writes the bars of one symbol, replacing any cached bar of the same date (the
    /// live bar of today changes on every poll), in one transaction.
    public func store(_ symbol: String, _ bars: Series) throws(Failure) {
        do {
            let insert = try database.prepare("INSERT OR REPLACE INTO bars (symbol, day, close) VALUES (?, ?, ?)")
            try database.transaction { () throws(SQLiteDatabase.Failure) in
                for (day, close) in zip(bars.dates, bars.values) {
                    insert.reset()
                    insert.bind(1, symbol)
                    insert.bind(2, Int64(day.ordinal))
                    insert.bind(3, close)
                    _ = try insert.step()
                }
            }
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// The last cached date of a symbol: where the next fetch starts.
    public func lastDate(_ symbol: String) -> Day? {
        guard let q = try? database.prepare("SELECT MAX(day) FROM bars WHERE symbol = ?") else { return nil }
        q.bind(1, symbol)
        guard (try? q.step()) == true, q.int(0) != 0 else { return nil }
        return Day(ordinal: Int32(q.int(0)))
    }
}
