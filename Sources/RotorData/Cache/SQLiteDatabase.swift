import CSQLite

/// The few SQLite calls the feed cache needs, with errors that carry SQLite's own
/// message. Not thread-safe: one owner (the poller) uses it.
final class SQLiteDatabase {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        /// SQLITE_NOTADB or SQLITE_CORRUPT: the file is not a usable database.
        let isCorrupt: Bool
        var description: String { message }
    }

    private var handle: OpaquePointer?

    init(path: String) throws(Failure) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw Failure(message: message, isCorrupt: code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        }
        sqlite3_busy_timeout(handle, 2000)
    }

    deinit { sqlite3_close(handle) }

    private func failure(_ code: Int32) -> Failure {
        Failure(message: String(cString: sqlite3_errmsg(handle)),
                isCorrupt: code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    }

    func execute(_ sql: String) throws(Failure) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    /// Runs `body` between BEGIN and COMMIT; a throw rolls back.
    func transaction(_ body: () throws(Failure) -> Void) throws(Failure) {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A prepared statement; `bind` then `step` (once per row), `reset` to reuse.
    final class Statement {
        private let statement: OpaquePointer?
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer?, _ database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        func bind(_ index: Int32, _ text: String) { sqlite3_bind_text(statement, index, text, -1, rotor_sqlite_transient()) }
        func bind(_ index: Int32, _ n: Int64) { sqlite3_bind_int64(statement, index, n) }
        func bind(_ index: Int32, _ x: Double) { sqlite3_bind_double(statement, index, x) }

        /// True while there is a row to read.
        func step() throws(Failure) -> Bool {
            let code = sqlite3_step(statement)
            if code == SQLITE_ROW { return true }
            if code == SQLITE_DONE { return false }
            throw database.failure(code)
        }

        func reset() {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }

        func text(_ column: Int32) -> String { sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "" }
        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    }

    func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK else { throw failure(code) }
        return Statement(statement, self)
    }
}
