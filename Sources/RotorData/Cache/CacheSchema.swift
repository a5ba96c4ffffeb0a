import GRDB

/// The feed cache's tables, as GRDB migrations: each runs once per file, in order,
/// in its own transaction, and is recorded in the file (`grdb_migrations`), so a file
/// made by any earlier rotor is brought up to date when it is opened.
enum CacheSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        // v1: the schema of the hand-written SQLite cache, one history per symbol.
        // `IF NOT EXISTS`: a file made before the migrations has this table and no
        // record of v1; it is adopted as it is.
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS bars (
                    symbol TEXT NOT NULL, day INTEGER NOT NULL, close REAL NOT NULL,
                    PRIMARY KEY (symbol, day)) WITHOUT ROWID
                """)
        }
        // v2: one history per (feed, provider, ticker), so a changed source starts
        // anew instead of being spliced onto the old one (`CacheKey`). The v1 rows are
        // dropped, not carried over: they do not say which provider and ticker they
        // came from, so any guess could splice two sources. The first fetch after the
        // upgrade downloads each feed's history again.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE history (
                    feed TEXT NOT NULL, provider TEXT NOT NULL, ticker TEXT NOT NULL,
                    day INTEGER NOT NULL, close REAL NOT NULL,
                    PRIMARY KEY (feed, provider, ticker, day)) WITHOUT ROWID;
                DROP TABLE bars;
                """)
        }
        return migrator
    }()
}
