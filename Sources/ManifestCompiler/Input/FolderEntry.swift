#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a folder as `readdir` gives it: its name, and the kind the folder itself
/// records (`d_type`), so that walking a repository costs no `stat` per file.
struct FolderEntry {
    enum Kind {
        case folder
        case file
        /// A symbolic link, something else, or a file system that does not record kinds: the
        /// finder asks `stat` what it leads to.
        case unknown
    }

    let name: String
    let kind: Kind

    /// The entries of the folder at `path`, in no particular order, without `.` and `..`;
    /// nil when it cannot be opened.
    static func entries(ofFolder path: String) -> [FolderEntry]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var entries: [FolderEntry] = []
        while let entry = readdir(folder) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            guard name != ".", name != ".." else { continue }
            entries.append(FolderEntry(name: name, kind: Kind(entry.pointee.d_type)))
        }
        return entries
    }
}

extension FolderEntry.Kind {
    init(_ type: UInt8) {
        switch type {
        case UInt8(DT_DIR): self = .folder
        case UInt8(DT_REG): self = .file
        default: self = .unknown
        }
    }
}
