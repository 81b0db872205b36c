import SQLite
import Synchronization

/// The bindings in an SQLite file, written so that a `kill -9` at any moment loses nothing that
/// was acknowledged and never leaves a half-written AoR.
///
/// - **WAL journal** (`journal_mode=WAL`): a commit appends to the write-ahead log; a crash in
///   the middle of a transaction leaves a log tail without a commit record, which the next open
///   ignores.
/// - **`synchronous=NORMAL`**: a commit is a `write` to the log without an `fsync`. The data is
///   in the kernel's page cache when `save` returns, and a killed *process* cannot lose it; a
///   power loss or kernel crash can lose the last commits since the previous checkpoint's
///   `fsync`, but never corrupts the file (SQLite's documented WAL guarantee). `FULL` would add
///   an `fsync` to every REGISTER (milliseconds on most disks) for that last case only; phones
///   re-register within their interval anyway.
/// - **`wal_autocheckpoint=10000`** pages (about 40 MB of log) instead of SQLite's 1,000: a
///   checkpoint, and its `fdatasync`, runs under the store's lock; ten times fewer of them halved
///   the wall time of a save (measured: 217–278 µs → 102–148 µs on a loaded machine, the same
///   CPU). The cost: a longer log to replay at start, and on power loss more commits at risk.
/// - **`locking_mode=EXCLUSIVE`**: the first write takes the file's lock and keeps it until the
///   process ends, so a second `serve` on the same file is refused at start instead of both
///   overwriting each other's bindings; WAL then needs no shared-memory file. The lock goes with
///   the process, also on `kill -9`. The price: nothing else can read the file while serve
///   runs.
///
/// One connection behind one lock: SQLite writes one transaction at a time anyway, and the
/// statements of the hot path are prepared once and reused.
public final class SQLiteBindingStore: BindingStore {
    public let path: String
    private let database: Mutex<Statements>

    /// The connection and its prepared statements.
    private struct Statements {
        let connection: SQLiteConnection
        let insert: SQLiteStatement
        let deleteAddress: SQLiteStatement
        let deleteExpired: SQLiteStatement
        let selectAll: SQLiteStatement

        init(_ connection: SQLiteConnection) throws(SQLiteError) {
            self.connection = connection
            insert = try connection.prepare("""
                INSERT INTO bindings (address_of_record, position, contact, contact_key, quality, expires_at, call_id, cseq,
                                      source_host, source_port, source_transport)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            deleteAddress = try connection.prepare("DELETE FROM bindings WHERE address_of_record = ?1")
            deleteExpired = try connection.prepare("DELETE FROM bindings WHERE expires_at <= ?1")
            selectAll = try connection.prepare("""
                SELECT address_of_record, contact, contact_key, quality, expires_at, call_id, cseq,
                       source_host, source_port, source_transport
                FROM bindings ORDER BY address_of_record, position
                """, persistent: false)
        }
    }

    /// Opens the database at `path`, creating the file and its schema when there is none.
    ///
    /// Fails with ``BindingStoreError/corrupt(path:reason:)`` for a damaged file (see
    /// ``openMovingCorruptAside(at:now:)``), ``BindingStoreError/inUse(path:)`` when another
    /// process has it, and the schema errors of ``BindingSchema``.
    public static func open(at path: String) throws(BindingStoreError) -> SQLiteBindingStore {
        do {
            let connection = try SQLiteConnection(path: path)
            // Before the first access, so WAL runs without a shared-memory file (see above).
            try connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            let mode = try connection.texts("PRAGMA journal_mode = WAL")
            guard mode == ["wal"] else {
                throw BindingStoreError.cannotOpen(path: path, reason: "the journal cannot be switched to WAL (got \(mode.joined()))")
            }
            try connection.execute("PRAGMA synchronous = NORMAL")
            try connection.execute("PRAGMA wal_autocheckpoint = 10000")
            try BindingSchema.prepare(connection, path: path)
            let check = try connection.texts("PRAGMA quick_check")
            guard check == ["ok"] else {
                throw BindingStoreError.corrupt(path: path, reason: check.prefix(3).joined(separator: "; "))
            }
            return SQLiteBindingStore(path: path, statements: try Statements(connection))
        } catch let error as BindingStoreError {
            throw error
        } catch let error as SQLiteError {
            throw opening(error, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    private init(path: String, statements: sending Statements) {
        self.path = path
        self.database = Mutex(statements)
    }

    public func save(_ bindings: [Binding], of addressOfRecord: String) throws(BindingStoreError) {
        try write { (database: inout Statements) throws(SQLiteError) in
            try database.connection.transaction { () throws(SQLiteError) in
                try database.deleteAddress.run(.text(addressOfRecord))
                for (position, binding) in bindings.enumerated() {
                    try database.insert.run(Self.row(binding, of: addressOfRecord, position: position))
                }
            }
        }
    }

    public func removeExpired(now: UInt64) throws(BindingStoreError) {
        try write { (database: inout Statements) throws(SQLiteError) in
            try database.deleteExpired.run(.integer(Int64(clamping: now)))
        }
    }

    public func remove(addressesOfRecord: [String]) throws(BindingStoreError) {
        guard !addressesOfRecord.isEmpty else { return }
        try write { (database: inout Statements) throws(SQLiteError) in
            try database.connection.transaction { () throws(SQLiteError) in
                for address in addressesOfRecord { try database.deleteAddress.run(.text(address)) }
            }
        }
    }

    public func load() throws(BindingStoreError) -> [String: [Binding]] {
        var all: [String: [Binding]] = [:]
        var invalid: String?
        try write { (database: inout Statements) throws(SQLiteError) in
            try database.selectAll.query { row throws(SQLiteError) in
                let aor = row.text(0) ?? ""
                guard let binding = Self.binding(row) else {
                    invalid = invalid ?? "a binding of \(aor) has an unreadable value"
                    return
                }
                all[aor, default: []].append(binding)
            }
        }
        if let invalid { throw .corrupt(path: path, reason: invalid) }
        return all
    }

    /// Runs `body` on the connection under the lock, turning SQLite's errors into the store's.
    private func write(_ body: (inout Statements) throws(SQLiteError) -> Void) throws(BindingStoreError) {
        let failure = database.withLock { (database: inout Statements) -> SQLiteError? in
            do throws(SQLiteError) {
                try body(&database)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw Self.storeError(failure, path: path) }
    }

    private static func row(_ binding: Binding, of addressOfRecord: String, position: Int) -> [SQLiteValue] {
        [
            .text(addressOfRecord), .integer(Int64(position)), .text(binding.contact), .text(binding.contactKey),
            .integer(Int64(binding.qualityThousandths)), .integer(Int64(clamping: binding.expiresAt)), .text(binding.callID),
            .integer(Int64(binding.cseq)), .text(binding.source.host), .integer(Int64(binding.source.port)),
            .text(binding.source.transport.rawValue),
        ]
    }

    /// The binding in a row of `selectAll`; nil when a value is out of its range.
    private static func binding(_ row: SQLiteRow) -> Binding? {
        guard let contact = row.text(1), let contactKey = row.text(2), let callID = row.text(5), let host = row.text(7),
              let transport = row.text(9).flatMap(PacketSource.Transport.init(rawValue:)),
              let quality = Int(exactly: row.integer(3)), (0...1000).contains(quality),
              let expiresAt = UInt64(exactly: row.integer(4)), let cseq = UInt32(exactly: row.integer(6)),
              let port = Int(exactly: row.integer(8)), (0...65535).contains(port)
        else { return nil }
        return Binding(
            contact: contact, contactKey: contactKey, qualityThousandths: quality, expiresAt: expiresAt, callID: callID,
            cseq: cseq, source: PacketSource(host: host, port: port, transport: transport))
    }

    /// An SQLite error while opening: a damaged file, a lock held by another process, or a file
    /// that cannot be opened.
    private static func opening(_ error: SQLiteError, path: String) -> BindingStoreError {
        if error.isCorrupt { return .corrupt(path: path, reason: error.message) }
        if error.isBusy { return .inUse(path: path) }
        return .cannotOpen(path: path, reason: error.message)
    }

    /// An SQLite error of a read or write.
    static func storeError(_ error: SQLiteError, path: String) -> BindingStoreError {
        if error.isCorrupt { return .corrupt(path: path, reason: error.message) }
        if error.isBusy { return .inUse(path: path) }
        return .failed(path: path, reason: error.message)
    }
}
