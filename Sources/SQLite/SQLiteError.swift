import CSQLite

/// A failed SQLite call: what was being done, SQLite's own message and its result code, so a
/// log line or a startup error says exactly what went wrong (`disk I/O error`, `database is
/// locked`, `file is not a database`).
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_IOERR_WRITE`, …); its low byte is the primary code.
    public var code: Int32
    /// `sqlite3_errmsg` (or `sqlite3_errstr` when there is no connection to ask).
    public var message: String
    /// What was being done: `opening /var/lib/x.sqlite`, `running INSERT INTO …`.
    public var context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The primary result code (`SQLITE_CORRUPT`, `SQLITE_BUSY`, …).
    public var primaryCode: Int32 { code & 0xFF }

    /// The file is damaged or is not an SQLite database at all.
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

    /// Another connection (another process) holds the lock.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var description: String { "\(context): \(message) (SQLite error \(code))" }

    /// The error of the last call on `connection`.
    init(connection: OpaquePointer?, code: Int32, context: String) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: connection.map { sqlite3_extended_errcode($0) } ?? code, message: message, context: context)
    }
}
