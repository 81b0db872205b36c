import Diagnostics
import Foundation
import ManifestCompiler
import RuntimeBundle

/// Turns one side of `diff` into a bundle: an existing path (a bundle `.json`, or manifest files
/// and folders), else a git revision; anything else, and manifests with errors, are reported on
/// standard error and give nil.
struct DiffInputLoader {
    var path: String?
    var environment: [String: String]
    var directory: String?

    /// Where `argument` is on disk.
    func location(of argument: String) -> String {
        guard let directory, !argument.hasPrefix("/") else { return argument }
        return directory + "/" + argument
    }

    func load(_ argument: String, side: String, console: Console) -> SwitchboardBundle? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: location(of: argument), isDirectory: &isDirectory) {
            if !isDirectory.boolValue, (argument as NSString).pathExtension.lowercased() == "json" {
                return loadBundle(argument, side: side, console: console)
            }
            return compileFiles(argument, side: side, console: console)
        }
        let git = GitRepository(directory: directory, environment: environment)
        switch git.commit(argument) {
        case .success(let commit):
            return compileRevision(argument, commit: commit, git: git, side: side, console: console)
        case .failure(let error):
            var message = "switchboard: \(side) `\(argument)` is neither a file or folder nor a git revision"
            switch error {
            case .notARevision: break
            case .notARepository: message += " (not in a git repository)"
            default: message += " (\(error))"
            }
            console.writeError(message + "\n")
            return nil
        }
    }

    private func loadBundle(_ argument: String, side: String, console: Console) -> SwitchboardBundle? {
        guard let data = FileManager.default.contents(atPath: location(of: argument)) else {
            console.writeError("switchboard: cannot read \(side) bundle \(argument)\n")
            return nil
        }
        do {
            return try BundleLoader.load(Array(data))
        } catch {
            console.writeError("switchboard: \(side) bundle \(argument): \(error)\n")
            return nil
        }
    }

    private func compileFiles(_ argument: String, side: String, console: Console) -> SwitchboardBundle? {
        let found = ManifestFileFinder(baseDirectory: directory).find([argument])
        if found.inputs.isEmpty, found.problems.isEmpty {
            console.writeError("switchboard: note: \(side) \(argument) holds no manifest files; comparing with an empty set\n")
        }
        return compile(found.inputs, problems: found.problems, label: argument, side: side, console: console)
    }

    private func compileRevision(
        _ revision: String, commit: String, git: GitRepository, side: String, console: Console
    ) -> SwitchboardBundle? {
        let inputs: [ManifestInput]
        let scope: String
        do {
            scope = try git.scope(path)
            let files = try git.manifestFiles(commit: commit, scope: scope)
            try GitRepository.checkLimits(files, limits: .default)
            let contents = try git.blobs(files.map(\.object))
            inputs = zip(files, contents).map { file, bytes in
                ManifestInput(name: "\(revision):\(file.relativePath)", bytes: bytes, path: nil)
            }
        } catch {
            console.writeError("switchboard: \(side) `\(revision)`: \(error)\n")
            return nil
        }
        if inputs.isEmpty {
            let folder = scope.isEmpty ? "the repository" : scope
            console.writeError("switchboard: note: \(side) `\(revision)` has no manifest files in \(folder); comparing with an empty set\n")
        }
        return compile(inputs, problems: [], label: "`\(revision)`", side: side, console: console)
    }

    private func compile(
        _ inputs: [ManifestInput], problems: [Diagnostic], label: String, side: String, console: Console
    ) -> SwitchboardBundle? {
        let result = BundleCompiler().compile(inputs)
        let report = DiagnosticReport(
            diagnostics: problems + result.check.diagnostics.filter { $0.severity == .error },
            sources: result.check.sources, fileCount: inputs.count)
        guard problems.isEmpty, let bundle = result.bundle else {
            console.writeError("switchboard: \(side) \(label) has errors; nothing compared\n")
            console.writeError(ShortRenderer().render(report))
            return nil
        }
        return bundle
    }
}

/// The few git commands `diff` needs, run in a repository folder, reading objects without
/// touching the working tree or the index.
struct GitRepository {
    enum GitError: Error, CustomStringConvertible {
        case notInstalled
        case notARepository
        case notARevision
        case outsideRepository(String)
        case failed(command: String, message: String)
        case malformedOutput(String)
        /// The revision's manifests are past `InputLimits`, which a folder on disk is held to too.
        case overLimit(String)

        var description: String {
            switch self {
            case .notInstalled: "git is not installed (no `git` on PATH)"
            case .notARepository: "not in a git repository"
            case .notARevision: "not a revision"
            case .outsideRepository(let path): "--path \(path) is outside the repository"
            case .failed(let command, let message): "`git \(command)` failed: \(message)"
            case .malformedOutput(let command): "unexpected output from `git \(command)`"
            case .overLimit(let message): message
            }
        }
    }

    struct File {
        /// Relative to the scope folder (for a scope that is a file: its name).
        var relativePath: String
        var object: String
        /// In bytes, as `ls-tree -l` gives it, so limits are checked before anything is read.
        var size: Int
    }

    var directory: String?
    var environment: [String: String]

    /// The commit id `revision` names.
    func commit(_ revision: String) -> Result<String, GitError> {
        // A revision starting with `-` would be read as an option.
        guard !revision.hasPrefix("-"), !revision.isEmpty else { return .failure(.notARevision) }
        do throws(GitError) {
            let result = try run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])
            if result.status == 0 {
                let id = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                return id.isEmpty ? .failure(.notARevision) : .success(id)
            }
            let inside = try run(["rev-parse", "--is-inside-work-tree"])
            return .failure(inside.status == 0 ? .notARevision : .notARepository)
        } catch {
            return .failure(error)
        }
    }

    /// The folder the manifests of a revision are read from, relative to the repository's root
    /// (empty: the whole repository): the current folder's prefix, joined with `path`.
    func scope(_ path: String?) throws(GitError) -> String {
        let prefix = try text(["rev-parse", "--show-prefix"])
        var components: [Substring]
        var relative = path ?? ""
        if relative.hasPrefix("/") {
            let top = try text(["rev-parse", "--show-toplevel"])
            let resolved = URL(fileURLWithPath: relative).resolvingSymlinksInPath().path
            guard resolved == top || resolved.hasPrefix(top + "/") else { throw .outsideRepository(relative) }
            components = []
            relative = String(resolved.dropFirst(top.count))
        } else {
            components = prefix.split(separator: "/")
        }
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { throw .outsideRepository(path ?? "") }
                components.removeLast()
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }

    /// Throws when `files` are more, or larger, than a run may read from disk (`InputLimits`).
    static func checkLimits(_ files: [File], limits: InputLimits) throws(GitError) {
        if files.count > limits.maxFiles {
            throw .overLimit("more than \(limits.maxFiles) manifest files (\(files.count))")
        }
        if let large = files.first(where: { $0.size > limits.maxFileBytes }) {
            throw .overLimit("\(large.relativePath) is larger than \(limits.maxFileBytes) bytes (\(large.size) bytes)")
        }
        let total = files.reduce(0) { $0 + $1.size }
        if total > limits.maxTotalBytes {
            throw .overLimit("the manifest files add up to more than \(limits.maxTotalBytes) bytes (\(total) bytes)")
        }
    }

    /// The manifest files (`*.yaml`, `*.yml`, no hidden file or folder below the scope) of
    /// `commit` in `scope`, in path order.
    func manifestFiles(commit: String, scope: String) throws(GitError) -> [File] {
        // `:(top)` makes the path relative to the repository's root whatever folder git runs in;
        // `--full-tree` makes the output relative to it too.
        let pathspec = ":(top,literal)" + (scope.isEmpty ? "" : scope)
        let listing = try run(["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", pathspec])
        guard listing.status == 0 else {
            throw .failed(command: "ls-tree", message: listing.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var files: [File] = []
        for entry in listing.output.split(separator: 0) {
            // <mode> SP <type> SP <object> SP+ <size> TAB <path>
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { throw .malformedOutput("ls-tree") }
            let fields = entry[..<tab].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            let fullPath = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4 else { throw .malformedOutput("ls-tree") }
            // Regular files only: not links (120000), not submodules (type commit).
            guard fields[1] == "blob", fields[0] == "100644" || fields[0] == "100755" else { continue }
            let relativePath: String
            if fullPath == scope {
                // The scope is a file: named explicitly, so read whatever its name.
                relativePath = String(fullPath.split(separator: "/").last ?? "")
            } else if scope.isEmpty || fullPath.hasPrefix(scope + "/") {
                relativePath = scope.isEmpty ? fullPath : String(fullPath.dropFirst(scope.count + 1))
                if relativePath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            } else {
                continue
            }
            let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
            guard ManifestFileFinder.isManifestFileName(name) else { continue }
            guard let size = Int(fields[3]) else { throw .malformedOutput("ls-tree") }
            files.append(File(relativePath: relativePath, object: fields[2], size: size))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    /// The contents of the blobs, in order, with one `git cat-file --batch`.
    func blobs(_ objects: [String]) throws(GitError) -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let request = objects.map { $0 + "\n" }.joined()
        let result = try run(["cat-file", "--batch"], input: Array(request.utf8))
        guard result.status == 0 else {
            throw .failed(command: "cat-file --batch", message: result.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Each answer: "<object> <type> <size>\n<content>\n".
        var contents: [[UInt8]] = []
        var cursor = result.output.startIndex
        let output = result.output
        for _ in objects {
            guard let newline = output[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { throw .malformedOutput("cat-file") }
            let header = String(decoding: output[cursor..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size < output.count + 1 else {
                throw .malformedOutput("cat-file")
            }
            let start = newline + 1
            contents.append(Array(output[start..<(start + size)]))
            cursor = start + size + 1
        }
        return contents
    }

    private func text(_ arguments: [String]) throws(GitError) -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw .failed(command: arguments.joined(separator: " "), message: result.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Runs git with `arguments`, feeding `input` on standard input; standard output is kept as
    /// bytes.
    func run(_ arguments: [String], input: [UInt8]? = nil) throws(GitError) -> (status: Int32, output: [UInt8], errors: String) {
        guard let executable = Self.executable(environment: environment) else { throw .notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var gitEnvironment = environment
        // Reading must never take locks or refresh the index of the user's checkout.
        gitEnvironment["GIT_OPTIONAL_LOCKS"] = "0"
        gitEnvironment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = gitEnvironment
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw .failed(command: arguments.first ?? "", message: "\(error)")
        }
        // Write and read concurrently, so a full pipe on one side cannot stall the other.
        let group = DispatchGroup()
        let writer = standardInput.fileHandleForWriting
        let bytes = input ?? []
        DispatchQueue.global().async(group: group) {
            if !bytes.isEmpty { try? writer.write(contentsOf: bytes) }
            try? writer.close()
        }
        let errorBox = Box()
        let errorReader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorBox.data = errorReader.readDataToEndOfFile()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, Array(data), String(decoding: errorBox.data, as: UTF8.self))
    }

    private final class Box: @unchecked Sendable {
        var data = Data()
    }

    /// `git` on the PATH of `environment`.
    static func executable(environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
