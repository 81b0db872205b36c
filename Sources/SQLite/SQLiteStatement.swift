import CSQLite

/// A prepared statement, compiled once and run many times: each run binds its parameters,
/// steps, and resets the statement for the next run. Owned by one ``SQLiteConnection`` and used
/// under its owner's lock (not thread-safe).
public final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// The SQL text, for error messages.
    public let sql: String

    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let status = sqlite3_prepare_v3(connection, sql, -1, flags, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(connection: connection, code: status, context: "preparing \(sql)")
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Runs the statement to completion with `values` bound to `?1`, `?2`, …; for statements
    /// that return no rows (or whose rows are not wanted).
    public func run(_ values: SQLiteValue...) throws(SQLiteError) {
        try run(values)
    }

    /// The same, with the values as an array.
    public func run(_ values: [SQLiteValue]) throws(SQLiteError) {
        try query(values) { _ throws(SQLiteError) in }
    }

    /// Runs the statement with `values` bound and hands each result row to `row`.
    public func query(_ values: [SQLiteValue] = [], row: (SQLiteRow) throws(SQLiteError) -> Void) throws(SQLiteError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(values)
        while true {
            let status = sqlite3_step(handle)
            switch status {
            case SQLITE_ROW:
                try row(SQLiteRow(statement: handle))
            case SQLITE_DONE:
                return
            default:
                throw SQLiteError(connection: connection, code: status, context: "running \(sql)")
            }
        }
    }

    private func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number):
                status = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                status = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
            }
            guard status == SQLITE_OK else {
                throw SQLiteError(connection: connection, code: status, context: "binding parameter \(index) of \(sql)")
            }
        }
    }
}

/// The current result row of a statement, valid only inside the `row` closure of
/// ``SQLiteStatement/query(_:row:)``.
public struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    fileprivate init(statement: OpaquePointer) {
        self.statement = statement
    }

    /// The integer in column `index` (0-based); 0 for NULL.
    public func integer(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    /// The text in column `index` (0-based); nil for NULL.
    public func text(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        return String(cString: bytes)
    }
}
