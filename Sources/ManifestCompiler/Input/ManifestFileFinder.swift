import Diagnostics
import Foundation

/// Turns the paths of a command line into manifest inputs: files as named, folders searched
/// recursively for `*.yaml` and `*.yml` in name order (hidden entries skipped), `-` for standard
/// input. Problems are diagnostics (`SB0001`), so one unreadable path does not hide the others.
/// The `limits` bound what one run reads: a file over the size limit is not read, and the walk
/// stops at the first file past the count or total limit.
///
/// A pre-commit hook runs this over a whole repository, so the walk stays close to the system
/// calls: `readdir`'s entry kinds instead of a `stat` per entry (a `stat` only for folders,
/// symbolic links and file systems that do not record kinds), folders told apart by device and
/// inode rather than by resolving their paths, and files read straight into `[UInt8]`.
public struct ManifestFileFinder {
    public static let extensions: Set<String> = ["yaml", "yml"]

    /// True for a name ending in one of `extensions`, in any case (`a.YAML`, `b.yml`).
    public static func isManifestFileName(_ name: String) -> Bool {
        // Byte by byte, without a lowered copy and a hashed lookup: a repository check asks this
        // of every file name it lists.
        ASCII.withBytes(of: name) { bytes in
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return false }
            let suffix = bytes[(dot + 1)...]
            return extensions.contains { $0.utf8.elementsEqual(suffix.lazy.map(ASCII.lowercased)) }
        }
    }

    private let readStandardInput: @Sendable (_ limit: Int) -> FileBytes.Outcome
    private let limits: InputLimits
    /// Relative paths are resolved against this folder instead of the process's working
    /// directory (tests run in parallel and must not change the shared working directory).
    private let baseDirectory: String?

    /// - Parameter readStandardInput: what `-` reads; by default all of standard input.
    public init(
        baseDirectory: String? = nil, limits: InputLimits = .default, readStandardInput: (@Sendable () -> [UInt8])? = nil
    ) {
        self.baseDirectory = baseDirectory
        self.limits = limits
        if let readStandardInput {
            self.readStandardInput = { limit in
                let bytes = readStandardInput()
                return bytes.count > limit ? .tooLarge(bytes.count) : .bytes(bytes)
            }
        } else {
            self.readStandardInput = { limit in
                // A closed or unreadable standard input reads as empty, as it always has.
                let outcome = FileBytes.contents(of: STDIN_FILENO, limit: limit)
                if case .unreadable = outcome { return .bytes([]) }
                return outcome
            }
        }
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
        /// The bytes of `inputs` together.
        var totalBytes = 0
        /// Set when the file count or total size limit was reached: nothing more is read.
        var isFull = false
    }

    /// Finds and reads the files of `paths`, in order; `onInput` is given each file as soon as it
    /// has been read (`ManifestChecker` starts decoding it while the walk goes on).
    public func find(_ paths: [String], onInput: (ManifestInput) -> Void = { _ in }) -> Result {
        var result = Result()
        for path in paths where !result.isFull {
            if path == "-" {
                read(path, into: &result, onInput: onInput)
                continue
            }
            guard let status = PathStatus(path: location(of: path)) else {
                result.problems.append(.error(
                    .unreadableInput, "no such file or folder: \(path)", at: .wholeFile(path)))
                continue
            }
            var enclosing: Set<PathStatus.Identity> = []
            collect(path, status, enclosing: &enclosing, into: &result, onInput: onInput)
        }
        return result
    }

    /// Reads `path` if it is a file; searches it if it is a folder. `enclosing` holds the
    /// folders being searched around it, so a link back to one of them is a loop, while two
    /// links to the same folder side by side are not.
    private func collect(
        _ path: String, _ status: PathStatus, enclosing: inout Set<PathStatus.Identity>, into result: inout Result,
        onInput: (ManifestInput) -> Void
    ) {
        guard status.isFolder else {
            read(path, into: &result, onInput: onInput)
            return
        }
        guard enclosing.insert(status.identity).inserted else {
            let resolved = URL(fileURLWithPath: location(of: path)).resolvingSymlinksInPath().path
            result.problems.append(.error(
                .unreadableInput, "symbolic link loop: \(path) leads back to \(resolved)", at: .wholeFile(path),
                help: "remove the link, or point it outside the manifest folder"))
            return
        }
        defer { enclosing.remove(status.identity) }
        guard let entries = FolderEntry.entries(ofFolder: location(of: path)) else {
            result.problems.append(.error(.unreadableInput, "cannot read folder \(path)", at: .wholeFile(path)))
            return
        }
        for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") && !result.isFull {
            let child = path.hasSuffix("/") ? path + entry.name : path + "/" + entry.name
            if entry.kind != .file, let childStatus = PathStatus(path: location(of: child)), childStatus.isFolder {
                collect(child, childStatus, enclosing: &enclosing, into: &result, onInput: onInput)
            } else if Self.isManifestFileName(entry.name) {
                read(child, into: &result, isRegularFile: entry.kind == .file, onInput: onInput)
            }
        }
    }

    /// Reads one file (or standard input for `-`) within the limits.
    private func read(_ path: String, into result: inout Result, isRegularFile: Bool = false, onInput: (ManifestInput) -> Void) {
        guard result.inputs.count < limits.maxFiles else {
            result.isFull = true
            result.problems.append(.error(
                .unreadableInput, "more than \(limits.maxFiles) manifest files: \(path) and the files after it are not read",
                at: .wholeFile(path), help: "check a smaller folder, or split the run"))
            return
        }
        let limit = min(limits.maxFileBytes, limits.maxTotalBytes - result.totalBytes)
        let outcome = path == "-" ? readStandardInput(limit) : FileBytes.contents(atPath: location(of: path), limit: limit, isRegularFile: isRegularFile)
        switch outcome {
        case .bytes(let bytes):
            result.totalBytes += bytes.count
            let input = ManifestInput(name: path, bytes: bytes, path: path == "-" ? nil : location(of: path))
            result.inputs.append(input)
            onInput(input)
        case .unreadable:
            result.problems.append(.error(.unreadableInput, "cannot read \(path)", at: .wholeFile(path)))
        case .tooLarge(let size) where limit == limits.maxFileBytes:
            let sizeText = size.map { " (\($0) bytes)" } ?? ""
            result.problems.append(.error(
                .unreadableInput,
                "\(path) is larger than \(InputLimits.describe(bytes: limits.maxFileBytes))\(sizeText), the most a manifest file may be",
                at: .wholeFile(path), help: "split the manifest into several files"))
        case .tooLarge:
            result.isFull = true
            result.problems.append(.error(
                .unreadableInput,
                "the manifest files add up to more than \(InputLimits.describe(bytes: limits.maxTotalBytes)): "
                    + "\(path) and the files after it are not read",
                at: .wholeFile(path), help: "check a smaller folder, or split the run"))
        }
    }
}
