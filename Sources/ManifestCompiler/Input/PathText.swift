/// Paths as text, without Foundation's `NSString` path methods (which bridge and copy, and in a
/// repository check ran once per file).
enum PathText {
    /// A path's folder and last component: `a/b/c.yaml` → (`a/b`, `c.yaml`),
    /// `c.yaml` → (``, `c.yaml`), `/c.yaml` → (`/`, `c.yaml`). No cleaning: `a//b` gives (`a/`, `b`).
    static func split(_ path: Substring) -> (folder: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return (path[path.startIndex..<path.startIndex], path[...])
        }
        let name = path[path.index(after: slash)...]
        let folder = slash == path.startIndex ? path[slash...slash] : path[..<slash]
        return (folder, name)
    }
}
