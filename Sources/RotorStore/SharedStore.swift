public import Foundation
import RotorCore
public import RotorData
import PostgresNIO

/// The desk's shared store on PostgreSQL: what one collector writes and every
/// dashboard reads. Holds one connection, made on first use and made again after
/// it is lost (the next call reconnects; the caller's schedule decides when that is,
/// so a database that is down costs one failed call per attempt, never a loop).
/// `LISTEN` gets a connection of its own (`withNotifications`), so waiting for
/// notifications never holds up a write.
///
/// Every error is a `StoreError` naming the redacted URL; the password is never in
/// one (`StoreSettings.redacting` is applied last to every text).
public actor SharedStore {
    public nonisolated let settings: StoreSettings
    private var connection: PostgresConnection?
    /// The connection being made, while it is.
    private var opening: Task<PostgresConnection, any Error>?
    private var nextID = 1
    /// PostgresNIO's own logging stays silent: its handler would write over the
    /// dashboard's screen, and rotor reports every failure itself.
    let logger: Logger = {
        var logger = Logger(label: "rotor.store")
        logger.logLevel = .critical
        return logger
    }()

    public init(_ settings: StoreSettings) {
        self.settings = settings
    }

    /// The channel `NOTIFY`d after each fetch written: `SCHEMA_new_data`.
    public nonisolated var channel: String { settings.schema + "_new_data" }
    /// The redacted URL: how messages name this store.
    public nonisolated var name: String { settings.description }

    var s: String { settings.schema }

    // MARK: Connections

    private func configuration() throws(StoreError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch settings.tls {
        case .disable:
            tls = .disable
        case .require:
            do {
                var client = TLSConfiguration.makeClientConfiguration()
                if let authorities = settings.authorities { client.trustRoots = .certificates(authorities) }
                tls = .require(try NIOSSLContext(configuration: client))
            } catch {
                throw StoreError("\(name): cannot set up TLS: \(settings.redacting("\(error)"))")
            }
        }
        let url = settings.url
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: settings.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "rotor")]
        return configuration
    }

    private func open() async throws(StoreError) -> PostgresConnection {
        let configuration = try configuration()
        nextID += 1
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: nextID, logger: logger)
        } catch {
            throw describe(error, "cannot connect")
        }
    }

    /// The connection, made when there is none. Calls that arrive while one is being
    /// made wait for it rather than make their own: the actor is re-entered at every
    /// `await`, and a second connection made there would replace the first without
    /// closing it (PostgresNIO traps on a connection dropped open).
    private func connected() async throws(StoreError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let making: Task<PostgresConnection, any Error>
        if let opening {
            making = opening
        } else {
            making = Task { try await self.open() }
            opening = making
        }
        do {
            let fresh = try await making.value
            if opening == making {
                opening = nil
                connection = fresh
            }
            return fresh
        } catch {
            if opening == making { opening = nil }
            throw error as? StoreError ?? describe(error, "cannot connect")
        }
    }

    /// Runs `body` on the connection; a connection that closed under it is dropped,
    /// so the next call makes a new one.
    func run<T: Sendable>(_ what: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        let c = try await connected()
        do {
            return try await body(c)
        } catch {
            // Only this one: another call may have made a new connection meanwhile.
            if c.isClosed, connection === c { connection = nil }
            throw describe(error, what)
        }
    }

    /// Closes the connection (a later call opens a new one).
    public func close() async {
        let closing = connection
        connection = nil
        try? await closing?.close()
    }

    // MARK: Schema

    /// Creates the schema or brings it up to date, in one transaction under an
    /// advisory lock (two collectors starting at once apply each migration once).
    /// Returns the versions applied: empty when the store was already current. A
    /// store made by a newer rotor is refused, not changed.
    @discardableResult
    public func migrate() async throws(StoreError) -> [Int] {
        let s = self.s, logger = self.logger
        let migrations = StoreSchema.migrations(s)
        let result: Result<[Int], StoreError> = try await run("cannot create the schema") { c in
            try await c.withTransaction(logger: logger) { c in
                try await c.query("SELECT pg_advisory_xact_lock(hashtext(\("rotor schema " + s)))", logger: logger)
                try await c.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: s)", logger: logger)
                try await c.query("""
                    CREATE TABLE IF NOT EXISTS \(unescaped: s).rotor_schema_version (
                        version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var current = 0
                for try await v in try await c.query("SELECT coalesce(max(version), 0) FROM \(unescaped: s).rotor_schema_version",
                                                     logger: logger).decode(Int.self) { current = v }
                if current > migrations.count {
                    return .failure(StoreError("schema \(s) is at version \(current), made by a newer rotor (this one knows up to \(migrations.count))"))
                }
                var applied: [Int] = []
                for (index, statements) in migrations.enumerated() where index + 1 > current {
                    for statement in statements { try await c.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                    try await c.query("INSERT INTO \(unescaped: s).rotor_schema_version (version) VALUES (\(index + 1))", logger: logger)
                    applied.append(index + 1)
                }
                return .success(applied)
            }
        }
        switch result {
        case let .success(applied): return applied
        case let .failure(error): throw StoreError("\(name): \(error.description)")
        }
    }

    /// The schema's version: 0 when rotor's tables are not there yet.
    public func schemaVersion() async throws(StoreError) -> Int {
        let s = self.s, logger = self.logger
        return try await run("cannot read the schema version") { c in
            var exists = false
            for try await e in try await c.query("SELECT to_regclass(\(s + ".rotor_schema_version")) IS NOT NULL",
                                                 logger: logger).decode(Bool.self) { exists = e }
            guard exists else { return 0 }
            var version = 0
            for try await v in try await c.query("SELECT coalesce(max(version), 0) FROM \(unescaped: s).rotor_schema_version",
                                                 logger: logger).decode(Int.self) { version = v }
            return version
        }
    }

    // MARK: Writing

    /// Writes one fetch: its bars (a bar of a day already stored replaces it, as the
    /// live bar of today changes on every poll), the feed's health and the
    /// collector's heartbeat, then `NOTIFY`s the channel, all in one transaction: a
    /// write that fails leaves none of it (and no notification: PostgreSQL sends a
    /// transaction's notifications only when it commits).
    public func write(_ fetch: FetchRecord) async throws(StoreError) {
        let s = self.s, logger = self.logger, channel = self.channel
        let host = ProcessInfo.processInfo.hostName, pid = Int(ProcessInfo.processInfo.processIdentifier)
        let columns = HealthColumns(fetch.health)
        let key = fetch.feed
        let notification = StoreNotification(feed: key.description, hasBars: fetch.histories.contains { !$0.series.isEmpty })
        try await run("cannot write \(key)") { c in
            try await c.withTransaction(logger: logger) { c in
                for (k, series) in fetch.histories where !series.isEmpty {
                    let days = series.dates.map(\.ordinal), closes = series.values
                    try await c.query("""
                        INSERT INTO \(unescaped: s).history (feed, provider, ticker, day, close)
                        SELECT \(k.feed), \(k.provider.rawValue), \(k.ticker), d, v
                        FROM unnest(\(days)::integer[], \(closes)::double precision[]) AS t(d, v)
                        ON CONFLICT (feed, provider, ticker, day) DO UPDATE SET close = EXCLUDED.close
                        """, logger: logger)
                }
                try await c.query("""
                    INSERT INTO \(unescaped: s).feed_health (feed, provider, ticker, last_success, failing_since,
                        error_kind, error_status, error_seconds, error_text, write_error, write_error_since,
                        write_error_last, updated)
                    VALUES (\(key.feed), \(key.provider.rawValue), \(key.ticker), \(columns.lastSuccess),
                        \(columns.failingSince), \(columns.errorKind), \(columns.errorStatus), \(columns.errorSeconds),
                        \(columns.errorText), \(columns.writeError), \(columns.writeErrorSince), \(columns.writeErrorLast),
                        \(fetch.at))
                    ON CONFLICT (feed, provider, ticker) DO UPDATE SET last_success = EXCLUDED.last_success,
                        failing_since = EXCLUDED.failing_since, error_kind = EXCLUDED.error_kind,
                        error_status = EXCLUDED.error_status, error_seconds = EXCLUDED.error_seconds,
                        error_text = EXCLUDED.error_text, write_error = EXCLUDED.write_error,
                        write_error_since = EXCLUDED.write_error_since, write_error_last = EXCLUDED.write_error_last,
                        updated = EXCLUDED.updated
                    """, logger: logger)
                try await c.query("""
                    INSERT INTO \(unescaped: s).collector (id, last_write, host, pid) VALUES (1, \(fetch.at), \(host), \(pid))
                    ON CONFLICT (id) DO UPDATE SET last_write = EXCLUDED.last_write, host = EXCLUDED.host, pid = EXCLUDED.pid
                    """, logger: logger)
                // A payload is at most 8000 bytes; a feed's key is far shorter, but
                // the bound keeps any name from failing the transaction.
                try await c.query("SELECT pg_notify(\(channel), \(String(notification.payload.utf8.prefix(4000)) ?? "bars"))",
                                  logger: logger)
            }
        }
    }

    // MARK: Reading

    /// The stored histories of `keys`, every row checked with `CachedRowCheck` at
    /// `now` (the cache's rules): a bad row is left out, counted and the first named.
    public func load(_ keys: some Sequence<CacheKey>, now: Date = Date()) async throws(StoreError) -> StoreContents {
        let keys = Array(keys)
        let s = self.s, logger = self.logger
        let check = CachedRowCheck(now: now)
        let place = name
        return try await run("cannot read histories") { c in
            var contents = StoreContents(place: place)
            guard !keys.isEmpty else { return contents }
            // One row per history, its days and closes as two arrays: packed by the
            // schema's triggers (v2), else (a store an older collector keeps)
            // aggregated here, at the server's cost of a scan of every bar.
            var packed = false
            for try await p in try await c.query("SELECT to_regclass(\(s + ".history_packed")) IS NOT NULL",
                                                 logger: logger).decode(Bool.self) { packed = p }
            let feeds = keys.map(\.feed), providers = keys.map(\.provider.rawValue), tickers = keys.map(\.ticker)
            let rows = packed
                ? try await c.query("""
                    SELECT feed, provider, ticker, days, closes FROM \(unescaped: s).history_packed
                    JOIN unnest(\(feeds)::text[], \(providers)::text[], \(tickers)::text[])
                        AS k(feed, provider, ticker) USING (feed, provider, ticker)
                    ORDER BY feed, provider, ticker
                    """, logger: logger)
                : try await c.query("""
                    SELECT feed, provider, ticker, array_agg(day ORDER BY day), array_agg(close ORDER BY day)
                    FROM \(unescaped: s).history
                    JOIN unnest(\(feeds)::text[], \(providers)::text[], \(tickers)::text[])
                        AS k(feed, provider, ticker) USING (feed, provider, ticker)
                    GROUP BY feed, provider, ticker ORDER BY feed, provider, ticker
                    """, logger: logger)
            // (In key order, so the first bad row named is the same on every read.)
            for try await row in rows {
                let cells = row.makeRandomAccess()
                let (feed, provider, ticker) = try (cells[0].decode(String.self), cells[1].decode(String.self), cells[2].decode(String.self))
                guard let kind = FeedSpec.Kind(rawValue: provider) else { continue } // matched against keys: always known
                contents.add(CacheKey(feed: feed, provider: kind, ticker: ticker),
                             days: try StoredArrays.days(cells[3]), closes: try StoredArrays.closes(cells[4]), check: check)
            }
            return contents
        }
    }

    /// Every feed's stored health; a row that is not one rotor writes is skipped and
    /// named in `problems`.
    public func health() async throws(StoreError) -> StoredHealth {
        let s = self.s, logger = self.logger
        return try await run("cannot read feed health") { c in
            var out = StoredHealth()
            let rows = try await c.query("""
                SELECT feed, provider, ticker, last_success, failing_since, error_kind, error_status, error_seconds,
                    error_text, write_error, write_error_since, write_error_last, updated
                FROM \(unescaped: s).feed_health ORDER BY feed, provider, ticker
                """, logger: logger)
            for try await row in rows {
                let (feed, provider, ticker, lastSuccess, failingSince, kind, status, seconds, text, writeError, since, last, updated) =
                    try row.decode((String, String, String, Date?, Date?, String?, Int32?, Double?, String?, String?, Date?, Date?,
                                    Date).self)
                let shownKey = "\(feed)|\(provider)|\(ticker)".escapingControls
                guard let providerKind = FeedSpec.Kind(rawValue: provider) else {
                    out.problems.append("\(shownKey): health of an unknown provider")
                    continue
                }
                let columns = HealthColumns(lastSuccess: lastSuccess, failingSince: failingSince, errorKind: kind, errorStatus: status,
                                            errorSeconds: seconds, errorText: text, writeError: writeError,
                                            writeErrorSince: since, writeErrorLast: last)
                switch columns.health() {
                case let .success(health):
                    let key = CacheKey(feed: feed, provider: providerKind, ticker: ticker)
                    out.feeds[key] = health
                    out.updated[key] = updated
                case let .failure(problem): out.problems.append("\(shownKey): \(problem)")
                }
            }
            return out
        }
    }

    /// The collector's last write, or nil before its first.
    public func lastWrite() async throws(StoreError) -> CollectorBeat? {
        let s = self.s, logger = self.logger
        return try await run("cannot read the collector's last write") { c in
            var beat: CollectorBeat?
            for try await (at, host, pid) in try await c.query("SELECT last_write, host, pid FROM \(unescaped: s).collector WHERE id = 1",
                                                               logger: logger).decode((Date, String, Int).self) {
                beat = CollectorBeat(lastWrite: at, host: host, pid: pid)
            }
            return beat
        }
    }

    // MARK: Notifications

    /// Listens on `channel` on a connection of its own and runs `body` with the
    /// notifications as they come; the `LISTEN` is in effect when `body` starts, so
    /// nothing written after that is missed. The connection is closed when `body`
    /// returns or throws (a lost connection ends the sequence with a `StoreError`).
    public func withNotifications<T: Sendable>(_ body: (StoreNotifications) async throws -> T) async throws -> T {
        let c = try await open()
        let channel = self.channel
        do {
            let value = try await c.listen(on: channel) { sequence in
                try await body(StoreNotifications(base: sequence, store: self))
            }
            try? await c.close()
            return value
        } catch let error as StoreError {
            try? await c.close()
            throw error
        } catch {
            try? await c.close()
            throw describe(error, "stopped listening")
        }
    }

    /// Drops the schema and everything in it (`rotor bench --store`'s own schema).
    public func dropSchema() async throws(StoreError) {
        try await execute("DROP SCHEMA \(s) CASCADE")
    }

    /// Runs one statement as it is: for tests that damage the store on purpose.
    func execute(_ sql: String) async throws(StoreError) {
        let logger = self.logger
        try await run("cannot run a statement") { c in
            try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            return ()
        }
    }

    // MARK: Errors

    /// One line for `error` (PostgreSQL's words, the network's or TLS's), after
    /// `what` and the redacted URL; the password blanked in any case.
    nonisolated func describe(_ error: any Error, _ what: String) -> StoreError {
        StoreError("\(name): \(what): " + settings.redacting(Self.words(error)))
    }

    /// The system's own words in NIO's description of a failed connect
    /// (`Connection errors: SingleConnectionFailure(target: ..., error: connection
    /// reset (error set): Connection refused (errno: 111))`): `Connection refused`.
    /// Anything else is kept whole.
    static func systemWords(_ text: String) -> String {
        guard let errno = text.range(of: " (errno: "),
              let colon = text[..<errno.lowerBound].range(of: ": ", options: .backwards) else { return text }
        let words = text[colon.upperBound..<errno.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: ") "))
        return words.isEmpty || words.contains("(") ? text : words
    }

    static func words(_ error: any Error) -> String {
        if let e = error as? PostgresTransactionError {
            if let inner = e.closureError ?? e.commitError ?? e.beginError { return words(inner) }
            return "the transaction failed"
        }
        if let e = error as? PSQLError {
            switch e.code {
            case .server:
                let message = e.serverInfo?[.message] ?? "error"
                let state = e.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + state
            case .sslUnsupported:
                return "the server does not accept TLS, which [store] tls requires (tls = \"disable\" connects without it: a trusted network only)"
            case .authMechanismRequiresPassword:
                return "the server asks for a password and none was given ([store] password_env or password_file, or PGPASSWORD)"
            case _ where e.underlying is NIOSSLError:
                let reason = e.underlying.map { "\($0)" } ?? ""
                if reason.contains("CERTIFICATE_VERIFY_FAILED") {
                    return "the server's TLS certificate was refused (not signed by an authority this system trusts, "
                        + "or not for this host name): add its CA to the system's trust store, or tls = \"disable\" on a trusted network"
                }
                return "TLS handshake failed: " + reason
            case .connectionError, .serverClosedConnection, .failedToAddSSLHandler, .uncleanShutdown:
                let reason = e.underlying.map { Self.systemWords("\($0)") } ?? ""
                let head = e.code == .connectionError ? "connection failed" : e.code == .serverClosedConnection
                    ? "the server closed the connection" : "\(e.code)"
                return reason.isEmpty ? head : head + ": " + reason
            case .listenFailed:
                return "LISTEN failed"
            default:
                return "\(e.code)" + (e.underlying.map { ": \($0)" } ?? "")
            }
        }
        if let e = error as? PostgresDecodingError {
            return "a stored value could not be read (column \(e.columnName), \(e.code))"
        }
        return "\(error)"
    }
}

/// The notifications of a `LISTEN` (`SharedStore.withNotifications`), in order.
public struct StoreNotifications: AsyncSequence, Sendable {
    public typealias Element = StoreNotification
    let base: PostgresNotificationSequence
    let store: SharedStore

    public func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), store: store) }

    public struct Iterator: AsyncIteratorProtocol {
        var base: PostgresNotificationSequence.AsyncIterator
        let store: SharedStore

        public mutating func next() async throws -> StoreNotification? {
            do {
                return try await base.next().map { StoreNotification(payload: $0.payload) }
            } catch {
                throw store.describe(error, "stopped listening")
            }
        }
    }
}
