import SQLite

/// The bindings database's schema and its version (`PRAGMA user_version`).
///
/// One row per binding; `position` keeps the order of an AoR's bindings, which decides between
/// contacts of equal q and expiry (``LocationService``). The primary key makes a binding's
/// identity (AoR and contact key) unique on disk as it is in memory; the index on `expires_at`
/// serves the expiry sweep.
enum BindingSchema {
    /// The version this build writes and reads. A change of the table bumps it, and opening
    /// then migrates older versions (none yet) or refuses newer ones.
    static let version: Int64 = 1

    static let create = """
        CREATE TABLE bindings (
            address_of_record TEXT NOT NULL,
            position INTEGER NOT NULL,
            contact TEXT NOT NULL,
            contact_key TEXT NOT NULL,
            quality INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            call_id TEXT NOT NULL,
            cseq INTEGER NOT NULL,
            source_host TEXT NOT NULL,
            source_port INTEGER NOT NULL,
            source_transport TEXT NOT NULL,
            PRIMARY KEY (address_of_record, contact_key)
        ) WITHOUT ROWID;
        CREATE INDEX bindings_by_expiry ON bindings (expires_at);
        PRAGMA user_version = \(version);
        """

    /// What opening found in the file.
    private enum Found {
        case current, created, unknown(Int64), foreign
    }

    /// Creates the schema in an empty database, accepts the current version, and refuses what
    /// it does not know; runs in a write transaction, so two starts never both create it.
    static func prepare(_ connection: SQLiteConnection, path: String) throws(BindingStoreError) {
        let found: Found
        do {
            found = try connection.transaction { () throws(SQLiteError) -> Found in
                let stored = try connection.integer("PRAGMA user_version") ?? 0
                if stored == version { return .current }
                if stored != 0 { return .unknown(stored) }
                guard try connection.integer("SELECT count(*) FROM sqlite_schema") == 0 else { return .foreign }
                try connection.execute(create)
                return .created
            }
        } catch {
            throw SQLiteBindingStore.storeError(error, path: path)
        }
        switch found {
        case .current, .created: return
        case .unknown(let stored): throw .unknownSchemaVersion(path: path, found: stored, supported: version)
        case .foreign: throw .foreignDatabase(path: path)
        }
    }
}
