/// The shared store's tables, as numbered migrations run by rotor: each is applied
/// once, in order, in the one transaction of `migrate` (PostgreSQL's DDL is
/// transactional, so a migration that fails leaves nothing), recorded in
/// `SCHEMA.rotor_schema_version`. An advisory lock serialises two collectors that
/// start at once.
///
/// The tables mirror the SQLite feed cache (`CacheSchema`): one history per (feed,
/// provider, ticker), so a feed whose source changes starts a history of its own;
/// besides them each feed's health and the collector's last write, which the
/// dashboards show. From v2 each history is also kept packed, as one row of two
/// arrays (`history_packed`), by triggers on `history`: a dashboard's start reads
/// 2000 rows instead of aggregating a million (1.2 s of the server's time for a
/// 2000-member universe; the packed rows take 0.2 s). Triggers, not the writer, keep
/// it: whatever changes `history` (the collector, a fix by hand) changes it too.
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
            // v2: every history packed, kept by statement triggers on `history` (one
            // per event: a trigger with a transition table may have only one). Each
            // re-aggregates the histories its statement touched; a history left
            // with no rows loses its packed row. SECURITY DEFINER: it runs with the
            // schema owner's rights, so a writer granted only INSERT and UPDATE on
            // `history` keeps the packed rows too; its search_path is fixed (every
            // name in it is qualified), as PostgreSQL advises for such functions.
            ["""
            CREATE TABLE \(s).history_packed (
                feed text NOT NULL, provider text NOT NULL, ticker text NOT NULL,
                days integer[] NOT NULL, closes double precision[] NOT NULL,
                PRIMARY KEY (feed, provider, ticker))
            """, """
            CREATE FUNCTION \(s).repack_history() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                INSERT INTO \(s).history_packed (feed, provider, ticker, days, closes)
                SELECT h.feed, h.provider, h.ticker, array_agg(h.day ORDER BY h.day), array_agg(h.close ORDER BY h.day)
                FROM \(s).history h JOIN (SELECT DISTINCT feed, provider, ticker FROM changed) k USING (feed, provider, ticker)
                GROUP BY h.feed, h.provider, h.ticker
                ON CONFLICT (feed, provider, ticker) DO UPDATE SET days = EXCLUDED.days, closes = EXCLUDED.closes;
                DELETE FROM \(s).history_packed p USING (SELECT DISTINCT feed, provider, ticker FROM changed) k
                WHERE (p.feed, p.provider, p.ticker) = (k.feed, k.provider, k.ticker)
                    AND NOT EXISTS (SELECT 1 FROM \(s).history h
                                    WHERE (h.feed, h.provider, h.ticker) = (k.feed, k.provider, k.ticker));
                RETURN NULL;
            END
            $$
            """, """
            CREATE TRIGGER history_inserted AFTER INSERT ON \(s).history
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION \(s).repack_history()
            """, """
            CREATE TRIGGER history_updated AFTER UPDATE ON \(s).history
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION \(s).repack_history()
            """, """
            CREATE TRIGGER history_deleted AFTER DELETE ON \(s).history
                REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION \(s).repack_history()
            """, """
            INSERT INTO \(s).history_packed (feed, provider, ticker, days, closes)
            SELECT feed, provider, ticker, array_agg(day ORDER BY day), array_agg(close ORDER BY day)
            FROM \(s).history GROUP BY feed, provider, ticker
            """],
        ]
    }

    static var latest: Int { migrations("s").count }
}
