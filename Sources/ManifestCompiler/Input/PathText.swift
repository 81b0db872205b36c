/// Paths as text, without Foundation's `NSString` path methods (which bridge and copy, and in a
/// repository check ran once per file).
enum PathText {
    /// A path's folder and last component: `a/b/c.yaml` → (`a/b`, `c.yaml`),
    /// `c.yaml` → (``, `c.yaml`), `/c.yaml` → (`/`, `c.yaml`). No cleaning: `a//b` gives (`a/`, `b`).
    static func split(_ path: Substring) -> (folder: Substring, name: Substring) {
        guard let slash = lastSlash(in: path) else {
            return (path[path.startIndex..<path.startIndex], path[...])
        }
        let name = path[path.index(after: slash)...]
        let folder = slash == path.startIndex ? path[slash...slash] : path[..<slash]
        return (folder, name)
    }

    /// Whether the first `length` UTF-8 bytes of two paths are the same (paths are bytes: no
    /// Unicode comparison).
    static func samePrefix(_ length: Int, _ lhs: String, _ rhs: String) -> Bool {
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count >= length && right.count >= length && left.prefix(length).elementsEqual(right.prefix(length))
            }
        }
        return (compared ?? nil) ?? lhs.utf8.prefix(length).elementsEqual(rhs.utf8.prefix(length))
    }

    /// The index of the last `/`, found in the contiguous bytes of the string `path` is cut from:
    /// the generic search of a substring's UTF-8 view stepped index by index, about 1,600
    /// instructions a path, as much as the rest of `SourceRoot` together.
    private static func lastSlash(in path: Substring) -> Substring.Index? {
        let utf8 = path.base.utf8
        let start = utf8.distance(from: utf8.startIndex, to: path.startIndex)
        let end = utf8.distance(from: utf8.startIndex, to: path.endIndex)
        let found = utf8.withContiguousStorageIfAvailable { bytes in bytes[start..<end].lastIndex(of: UInt8(ascii: "/")) }
        guard let found else { return path.utf8.lastIndex(of: UInt8(ascii: "/")) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
