import Foundation

/// Resolves folders to their absolute paths without symbolic links, `.` or `..`, as
/// `realpath(3)` does, remembering every folder it resolved.
///
/// A folder whose parent is already resolved and which is itself a plain folder (one `lstat`)
/// resolves to the parent's path plus its name. So the folders of a repository cost one system
/// call each, instead of one per component of the whole path, which Foundation's
/// `resolvingSymlinksInPath` pays (with string work) on every call: in a check of 1,000 files in
/// 153 folders that was 10% of the run.
struct FolderResolver {
    private var resolved: [Substring: String] = [:]

    /// The resolved path of `folder` (relative to the working directory unless absolute; `""`
    /// is the working directory).
    mutating func resolve(_ folder: Substring) -> String {
        if let known = resolved[folder] { return known }
        let path: String
        let (parent, name) = PathText.split(folder)
        if folder == "/" {
            path = "/"
        } else if !name.isEmpty, name != ".", name != "..", Self.isPlainFolder(folder) {
            let resolvedParent = resolve(parent)
            path = resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
        } else {
            // The working directory, a link, `.` or `..`: let the system resolve the whole path.
            path = Self.realPath(folder.isEmpty ? "." : String(folder))
        }
        resolved[folder] = path
        return path
    }

    /// A folder, not a symbolic link to one.
    private static func isPlainFolder(_ path: Substring) -> Bool {
        var status = stat()
        return lstat(String(path), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A folder that does not exist (an input made up by a caller): resolved as far as it goes.
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
