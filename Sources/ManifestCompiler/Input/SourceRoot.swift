import Foundation

/// The manifest root: the deepest folder that holds every input. Bundles name their sources
/// relative to it, so a bundle never contains an absolute path and is the same wherever the
/// repository is checked out; inputs are read in the order of these relative paths, so the order
/// of paths on the command line never changes the result.
public struct SourceRoot: Sendable {
    /// Relative path of each input, by its display name.
    public let relativePaths: [String: String]

    public init(_ inputs: [ManifestInput]) {
        // Resolving a path costs a stat per component; files of one folder share the folder's
        // resolution, so a repository of many small files resolves each folder once.
        var resolvedFolders: [String: String] = [:]
        let absolute = inputs.map { input in
            input.path.map { path -> String in
                let folder = (path as NSString).deletingLastPathComponent
                let name = (path as NSString).lastPathComponent
                let resolved = resolvedFolders[folder] ?? {
                    let url = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.resolvingSymlinksInPath()
                    resolvedFolders[folder] = url.path
                    return url.path
                }()
                return resolved == "/" ? "/" + name : resolved + "/" + name
            }
        }
        let folders = absolute.compactMap { $0.map { ($0 as NSString).deletingLastPathComponent } }
        let root = Self.commonFolder(folders)
        var relativePaths: [String: String] = [:]
        for (input, path) in zip(inputs, absolute) {
            guard let path, let root else {
                relativePaths[input.name] = input.name
                continue
            }
            relativePaths[input.name] = root == "/" ? String(path.dropFirst()) : String(path.dropFirst(root.count + 1))
        }
        self.relativePaths = relativePaths
    }

    public func relativePath(of file: String) -> String {
        relativePaths[file] ?? file
    }

    /// Inputs sorted by relative path (then by name, for inputs made in memory).
    public func ordered(_ inputs: [ManifestInput]) -> [ManifestInput] {
        inputs.sorted { lhs, rhs in
            let left = relativePath(of: lhs.name), right = relativePath(of: rhs.name)
            return left != right ? left < right : lhs.name < rhs.name
        }
    }

    private static func commonFolder(_ folders: [String]) -> String? {
        guard var common = folders.first?.split(separator: "/", omittingEmptySubsequences: true) else { return nil }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }
}
