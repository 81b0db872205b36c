import CSQLite

/// One connection to an SQLite database file: opening (or creating) it, running SQL, preparing
/// statements, and transactions. Not thread-safe: the owner keeps it behind one lock (SQLite is
/// opened with `SQLITE_OPEN_NOMUTEX`, so it does not lock a second time).
public final class SQLiteConnection {
    private let handle: OpaquePointer
    /// The path it was opened with, for error messages.
    public let path: String
    private let begin: SQLiteStatement
    private let commit: SQLiteStatement
    private let rollback: SQLiteStatement

    /// Opens the database at `path`, creating the file when `create` is true.
    ///
    /// Opening is lazy in SQLite: a file that is not a database is only noticed by the first
    /// statement that reads it, so callers read something (`PRAGMA user_version`) at once.
    public init(path: String, create: Bool = true) throws(SQLiteError) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: status, context: "opening \(path)")
            sqlite3_close_v2(connection)
            throw error
        }
        sqlite3_extended_result_codes(connection, 1)
        do {
            begin = try SQLiteStatement(connection: connection, sql: "BEGIN IMMEDIATE", persistent: true)
            commit = try SQLiteStatement(connection: connection, sql: "COMMIT", persistent: true)
            rollback = try SQLiteStatement(connection: connection, sql: "ROLLBACK", persistent: true)
        } catch {
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
    }

    deinit {
        // close_v2 defers the close until every statement is finalized, whatever the order of
        // deinitialisation.
        sqlite3_close_v2(handle)
    }

    /// Runs `sql` (one or more statements, no parameters) and ignores any rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else {
            throw SQLiteError(connection: handle, code: status, context: "running \(sql)")
        }
    }

    /// Compiles `sql` into a statement to run many times; `persistent` tells SQLite it will be
    /// kept (the statements of a hot path).
    public func prepare(_ sql: String, persistent: Bool = true) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: handle, sql: sql, persistent: persistent)
    }

    /// The integer in the first column of the first row of `sql` (a `PRAGMA`, a `count(*)`);
    /// nil when there is no row.
    public func integer(_ sql: String) throws(SQLiteError) -> Int64? {
        var value: Int64?
        try prepare(sql, persistent: false).query { row throws(SQLiteError) in
            if value == nil { value = row.integer(0) }
        }
        return value
    }

    /// The text in the first column of every row of `sql`.
    public func texts(_ sql: String) throws(SQLiteError) -> [String] {
        var values: [String] = []
        try prepare(sql, persistent: false).query { row throws(SQLiteError) in
            values.append(row.text(0) ?? "")
        }
        return values
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE` … `COMMIT`): all of its changes
    /// are written, or, when it throws or the commit fails, none.
    public func transaction<Result>(_ body: () throws(SQLiteError) -> Result) throws(SQLiteError) -> Result {
        try begin.run()
        do {
            let result = try body()
            try commit.run()
            return result
        } catch {
            // A failed COMMIT may leave the transaction open; a failed ROLLBACK means SQLite
            // already rolled back. Either way the original error is the one to report.
            if sqlite3_get_autocommit(handle) == 0 { try? rollback.run() }
            throw error
        }
    }
}
