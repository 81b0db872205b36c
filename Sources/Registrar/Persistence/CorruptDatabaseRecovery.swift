#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bindings database that was found corrupt at start and renamed, so serve could start empty.
public struct MovedAsideDatabase: Sendable, Hashable {
    /// What was wrong with it.
    public var reason: BindingStoreError
    /// Where the damaged file is now (its `-wal` file, if any, beside it with the same suffix).
    public var movedTo: String
}

extension SQLiteBindingStore {
    /// Opens the database at `path`; when it is corrupt, renames it (and its `-wal` and `-shm`
    /// files) to `<path>.corrupt-<now>` and creates an empty one in its place.
    ///
    /// Why not refuse to start: a registrar that does not start takes every phone down, while
    /// one that starts empty only waits for the phones' next registration (within their
    /// interval). The damaged file is kept for inspection, never deleted; the caller logs it
    /// loudly. Every other error (in use, unknown schema version, a foreign database, a path
    /// that cannot be created) is still thrown: those are an operator's mistake, not damage.
    public static func openMovingCorruptAside(
        at path: String, now: UInt64
    ) throws(BindingStoreError) -> (store: SQLiteBindingStore, movedAside: MovedAsideDatabase?) {
        do {
            return (try open(at: path), nil)
        } catch .corrupt(let damaged, let reason) {
            let aside = "\(path).corrupt-\(now)"
            for suffix in ["-wal", "-shm"] {
                // The journal files may not exist; only the database itself must move.
                _ = rename(path + suffix, aside + suffix)
            }
            guard rename(path, aside) == 0 else {
                throw .cannotOpen(
                    path: path, reason: "it is corrupt (\(reason)) and cannot be moved aside to \(aside): \(String(cString: strerror(errno)))")
            }
            let store = try open(at: path)
            return (store, MovedAsideDatabase(reason: .corrupt(path: damaged, reason: reason), movedTo: aside))
        }
    }
}
