/// The shared store's tables, as numbered migrations run by rotor: each is applied
/// once, in order, in the one transaction of `migrate` (PostgreSQL's DDL is
/// transactional, so a migration that fails leaves nothing), recorded in
/// `SCHEMA.rotor_schema_version`. An advisory lock serialises two collectors that
/// start at once.
///
/// The tables mirror the SQLite feed cache (`CacheSchema`): one history per (feed,
/// provider, ticker), so a feed whose source changes starts a history of its own;
/// besides them each feed's health and the collector's last write, which the
/// dashboards show.
enum StoreSchema {
    /// The migrations, version 1 first, each a list of statements (the extended
    /// protocol runs one statement a query); `s` is the schema name (an identifier,
    /// checked by `StoreSettings`).
    static func migrations(_ s: String) -> [[String]] {
        [
            // v1: histories, feed health, the collector's heartbeat.
            ["""
            CREATE TABLE \(s).history (
                feed text NOT NULL, provider text NOT NULL, ticker text NOT NULL,
                day integer NOT NULL, close double precision NOT NULL,
                PRIMARY KEY (feed, provider, ticker, day))
            """, """
            CREATE TABLE \(s).feed_health (
                feed text NOT NULL, provider text NOT NULL, ticker text NOT NULL,
                last_success timestamptz, failing_since timestamptz,
                error_kind text, error_status integer, error_seconds double precision, error_text text,
                write_error text, write_error_since timestamptz, write_error_last timestamptz,
                updated timestamptz NOT NULL,
                PRIMARY KEY (feed, provider, ticker))
            """, """
            CREATE TABLE \(s).collector (
                id integer PRIMARY KEY CHECK (id = 1), last_write timestamptz NOT NULL,
                host text NOT NULL, pid integer NOT NULL)
            """],
        ]
    }

    static var latest: Int { migrations("s").count }
}
