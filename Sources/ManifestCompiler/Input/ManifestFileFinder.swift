import Diagnostics
import Foundation

/// Turns the paths of a command line into manifest inputs: files as named, folders searched
/// recursively for `*.yaml` and `*.yml` in name order (hidden entries skipped), `-` for standard
/// input. Problems are diagnostics (`SB0001`), so one unreadable path does not hide the others.
public struct ManifestFileFinder {
    public static let extensions: Set<String> = ["yaml", "yml"]

    private let readStandardInput: @Sendable () -> [UInt8]
    /// Relative paths are resolved against this folder instead of the process's working
    /// directory (tests run in parallel and must not change the shared working directory).
    private let baseDirectory: String?

    public init(
        baseDirectory: String? = nil,
        readStandardInput: @escaping @Sendable () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }
    ) {
        self.baseDirectory = baseDirectory
        self.readStandardInput = readStandardInput
    }

    /// Where `path` is on disk; the name shown in diagnostics stays `path` as the user wrote it.
    private func location(of path: String) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return baseDirectory + "/" + path
    }

    public struct Result: Sendable {
        public var inputs: [ManifestInput] = []
        /// Paths that could not be read or did not exist: the run's I/O errors.
        public var problems: [Diagnostic] = []
    }

    public func find(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            if path == "-" {
                result.inputs.append(ManifestInput(name: "-", bytes: readStandardInput()))
                continue
            }
            var visited: Set<String> = []
            collect(path, explicitlyNamed: true, visited: &visited, into: &result)
        }
        return result
    }

    private func collect(_ path: String, explicitlyNamed: Bool, visited: inout Set<String>, into result: inout Result) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location(of: path), isDirectory: &isDirectory) else {
            result.problems.append(.error(
                .unreadableInput, "no such file or folder: \(path)", at: .wholeFile(path)))
            return
        }
        guard isDirectory.boolValue else {
            read(path, into: &result)
            return
        }
        let resolved = URL(fileURLWithPath: location(of: path)).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else {
            result.problems.append(.error(
                .unreadableInput, "symbolic link loop: \(path) leads back to \(resolved)", at: .wholeFile(path),
                help: "remove the link, or point it outside the manifest folder"))
            return
        }
        defer { visited.remove(resolved) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: location(of: path)).sorted()
        } catch {
            result.problems.append(.error(.unreadableInput, "cannot read folder \(path)", at: .wholeFile(path)))
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + entry : path + "/" + entry
            var childIsDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: location(of: child), isDirectory: &childIsDirectory)
            if childIsDirectory.boolValue {
                collect(child, explicitlyNamed: false, visited: &visited, into: &result)
            } else if Self.extensions.contains((entry as NSString).pathExtension.lowercased()) {
                read(child, into: &result)
            }
        }
    }

    private func read(_ path: String, into result: inout Result) {
        guard let data = FileManager.default.contents(atPath: location(of: path)) else {
            result.problems.append(.error(.unreadableInput, "cannot read \(path)", at: .wholeFile(path)))
            return
        }
        result.inputs.append(ManifestInput(name: path, bytes: Array(data), path: location(of: path)))
    }
}
