/// The manifest root: the deepest folder that holds every input. Bundles name their sources
/// relative to it, so a bundle never contains an absolute path and is the same wherever the
/// repository is checked out; inputs are read in the order of these relative paths, so the order
/// of paths on the command line never changes the result.
public struct SourceRoot: Sendable {
    /// Relative path of each input, by its display name.
    public let relativePaths: [String: String]

    public init(_ inputs: [ManifestInput]) {
        // Each folder is resolved once, and from its parent (see `FolderResolver`); per file
        // there is only string work, so a repository of many small files costs no system call
        // per file here.
        var resolver = FolderResolver()
        var folders: [String] = []
        // Each input's resolved folder (an index into `folders`) and file name.
        var placed: [(folder: Int, name: Substring)?] = []
        placed.reserveCapacity(inputs.count)
        // Files come folder by folder: the previous file's folder is compared, not looked up.
        var previous: (path: String, folderLength: Int, index: Int)?
        for input in inputs {
            guard let path = input.path else {
                placed.append(nil)
                continue
            }
            let (folder, name) = PathText.split(path[...])
            // By UTF-8 length and bytes: comparing the substrings as strings, or counting their
            // UTF-8 views, walked them index by index and cost more than the rest of the root.
            let folderLength = path.utf8.distance(from: path.startIndex, to: folder.endIndex)
            if let previous, previous.folderLength == folderLength, PathText.samePrefix(folderLength, previous.path, path) {
                placed.append((previous.index, name))
                continue
            }
            let resolved = resolver.resolve(folder)
            if folders.last != resolved { folders.append(resolved) }
            previous = (path, folderLength, folders.count - 1)
            placed.append((folders.count - 1, name))
        }
        let root = Self.commonFolder(folders)
        // Every file's relative path is its folder's below the root, made once per folder, and
        // its name. Cut by UTF-8 length: `String.count` and `dropFirst` would walk characters.
        let rootLength = root.map { $0 == "/" ? 1 : $0.utf8.count + 1 } ?? 0
        let prefixes = folders.map { folder in
            let withSlash = folder == "/" ? "/" : folder + "/"
            return String(Substring(withSlash.utf8.dropFirst(rootLength)))
        }
        var relativePaths: [String: String] = [:]
        relativePaths.reserveCapacity(inputs.count)
        for (input, place) in zip(inputs, placed) {
            guard let place, root != nil else {
                relativePaths[input.name] = input.name
                continue
            }
            relativePaths[input.name] = prefixes[place.folder] + place.name
        }
        self.relativePaths = relativePaths
    }

    public func relativePath(of file: String) -> String {
        relativePaths[file] ?? file
    }

    /// Inputs sorted by relative path (then by name, for inputs made in memory).
    public func ordered(_ inputs: [ManifestInput]) -> [ManifestInput] {
        orderedPositions(inputs).map { inputs[$0] }
    }

    /// The positions of `inputs` in the order of `ordered(_:)`.
    func orderedPositions(_ inputs: [ManifestInput]) -> [Int] {
        // Each input's relative path is looked up once, not at every comparison of the sort.
        let keyed = inputs.map { (relative: relativePath(of: $0.name), name: $0.name) }
        return keyed.indices.sorted { lhs, rhs in
            keyed[lhs].relative != keyed[rhs].relative
                ? keyed[lhs].relative < keyed[rhs].relative : keyed[lhs].name < keyed[rhs].name
        }
    }

    /// The deepest folder that holds all `folders` (absolute, resolved; repeats are harmless).
    private static func commonFolder(_ folders: [String]) -> String? {
        guard let first = folders.first else { return nil }
        // The longest common prefix of the bytes, cut back to a whole folder name.
        var common = Array(first.utf8)
        for folder in folders.dropFirst() {
            let shared = zip(common, folder.utf8).prefix { $0 == $1 }.count
            if shared == common.count, shared == folder.utf8.count { continue }
            let next = folder.utf8.dropFirst(shared).first
            if shared == common.count, next == UInt8(ascii: "/") { continue }  // `folder` is below `common`
            if shared == folder.utf8.count, common[shared] == UInt8(ascii: "/") {  // `common` is below `folder`
                common.removeSubrange(shared...)
                continue
            }
            // They part inside a name: keep what comes before that name.
            let slash = common[..<shared].lastIndex(of: UInt8(ascii: "/")) ?? 0
            common.removeSubrange(slash...)
        }
        return common.isEmpty ? "/" : String(decoding: common, as: UTF8.self)
    }
}
