/// Where the location service writes its bindings so that they outlive the process.
///
/// ``LocationService`` calls the store inside its per-AoR lock and *before* it changes its own
/// table, so a change that was not stored is not made at all and the response tells the phone
/// so: every binding a 200 acknowledged is on disk. Without a store the location service keeps
/// bindings in memory only (tests, `serve --bindings none`).
public protocol BindingStore: Sendable {
    /// Replaces every stored binding of `addressOfRecord` by `bindings` (none: the AoR has no
    /// binding left), in one transaction.
    func save(_ bindings: [Binding], of addressOfRecord: String) throws(BindingStoreError)

    /// Deletes the bindings that have lapsed at `now` (`expiresAt <= now`), in one transaction.
    func removeExpired(now: UInt64) throws(BindingStoreError)

    /// Deletes every binding of these AoRs, in one transaction.
    func remove(addressesOfRecord: [String]) throws(BindingStoreError)

    /// Every stored binding by AoR, each AoR's bindings in the order they were saved.
    func load() throws(BindingStoreError) -> [String: [Binding]]
}

/// Why a binding store could not be opened, read or written; each case names the file.
public enum BindingStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or created (missing folder, permissions, read-only disk).
    case cannotOpen(path: String, reason: String)
    /// Another process (another `serve`) has the database open.
    case inUse(path: String)
    /// The file is damaged, is not an SQLite database, or holds a row that makes no sense.
    case corrupt(path: String, reason: String)
    /// The schema version is one this build does not know (written by a newer Switchboard).
    case unknownSchemaVersion(path: String, found: Int64, supported: Int64)
    /// An SQLite database with other tables and no schema version: not ours, left untouched.
    case foreignDatabase(path: String)
    /// A read or a write failed (disk full, I/O error).
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the bindings database \(path): \(reason)"
        case .inUse(let path):
            "the bindings database \(path) is in use by another process (another serve?)"
        case .corrupt(let path, let reason):
            "the bindings database \(path) is corrupt: \(reason)"
        case .unknownSchemaVersion(let path, let found, let supported):
            "the bindings database \(path) has schema version \(found), this switchboard knows only \(supported) "
                + "(written by a newer version?)"
        case .foreignDatabase(let path):
            "\(path) is an SQLite database with other tables, not a bindings database; choose another --bindings path"
        case .failed(let path, let reason):
            "the bindings database \(path) failed: \(reason)"
        }
    }
}
