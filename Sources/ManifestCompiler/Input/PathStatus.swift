#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says of a path, following symbolic links: whether it is a folder, and which
/// one. The identity (device and inode) tells the finder that a folder leads back to one it is
/// already inside, without resolving the folder's path component by component.
struct PathStatus {
    struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    let isFolder: Bool
    let identity: Identity

    /// Nil when the path does not exist or cannot be reached (including a dangling link).
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        isFolder = status.st_mode & S_IFMT == S_IFDIR
        identity = Identity(
            device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino))
    }
}
