import Foundation
import ManifestCompiler
import RuntimeBundle
import Testing
@testable import SwitchboardCLI

/// Runs `diff` in-process with a captured console, from `directory` (default: the package root).
private func runDiff(
    _ old: String, _ new: String, format: DiffFormat = .human, color: ColorChoice = .never, path: String? = nil,
    directory: String = packageRoot.path
) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let status = DiffRunner(format: format, color: color, path: path, environment: gitEnvironment, directory: directory)
        .run(old: old, new: new, console: console)
    return (status.rawValue, console.output, console.errors)
}

private let goldenFolder = "Tests/SwitchboardCLITests/Golden/diff"
private let oldManifests = "\(goldenFolder)/old"
private let newManifests = "\(goldenFolder)/new"

/// git configured by nothing of the machine's, so commits work anywhere.
private let gitEnvironment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_AUTHOR_NAME"] = "Switchboard Tests"
    environment["GIT_AUTHOR_EMAIL"] = "tests@switchboard.invalid"
    environment["GIT_COMMITTER_NAME"] = "Switchboard Tests"
    environment["GIT_COMMITTER_EMAIL"] = "tests@switchboard.invalid"
    environment["NO_COLOR"] = nil
    return environment
}()

@discardableResult
private func git(_ arguments: [String], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: GitRepository.executable(environment: gitEnvironment) ?? "/usr/bin/git")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = gitEnvironment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments) failed"])
    }
    return String(decoding: data, as: UTF8.self)
}

private func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-diff-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Replaces `destination` with a copy of the package folder `source`.
private func copyManifests(_ source: String, to destination: URL) throws {
    try? FileManager.default.removeItem(at: destination)
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(source), to: destination)
}

/// The JSON output without what depends on where the manifests were read from (sources and
/// digests), for comparing inputs of different kinds.
private func meaning(_ json: String) throws -> NSDictionary {
    func strip(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, member) in object where !["source", "old_source", "old_digest", "new_digest"].contains(key) {
                result[key] = strip(member)
            }
            return result
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
    }
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try #require(strip(object) as? NSDictionary)
}

@Suite struct DiffGoldenTests {
    @Test(arguments: [(DiffFormat.human, "expected.txt"), (.markdown, "expected.md"), (.json, "expected.json")])
    func pullRequestLikeChangeMatchesGoldenOutput(_ format: DiffFormat, _ file: String) throws {
        let result = runDiff(oldManifests, newManifests, format: format)
        #expect(result.status == 1, "\(result.errors)")
        let goldenPath = packageRoot.appendingPathComponent("\(goldenFolder)/\(file)")
        if ProcessInfo.processInfo.environment["SWITCHBOARD_UPDATE_GOLDEN"] != nil {
            try Data(result.output.utf8).write(to: goldenPath)
        }
        let golden = try #require(FileManager.default.contents(atPath: goldenPath.path))
        #expect(result.output == String(decoding: golden, as: UTF8.self),
            "regenerate with: SWITCHBOARD_UPDATE_GOLDEN=1 swift test --filter DiffGoldenTests")
    }

    @Test func theDocumentationShowsTheGoldenMarkdown() throws {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/diff.md"), encoding: .utf8)
        let markdown = runDiff(oldManifests, newManifests, format: .markdown).output
            .replacingOccurrences(of: goldenFolder + "/", with: "")
        #expect(doc.contains("````markdown\n" + markdown + "````\n"), "copy the example in docs/diff.md from expected.md")
    }

    @Test(arguments: DiffFormat.allCases)
    func noInlineSecretInAnyFormat(_ format: DiffFormat) throws {
        // The manifests hold `old-inline-s3cret` and `new-inline-s3cret` as extension 103's password.
        let oldText = try String(contentsOf: packageRoot.appendingPathComponent("\(oldManifests)/dialplan.yaml"), encoding: .utf8)
        #expect(oldText.contains("old-inline-s3cret"))
        for (old, new) in [(oldManifests, newManifests), (newManifests, oldManifests)] {
            let result = runDiff(old, new, format: format, color: .always)
            #expect(result.status == 1)
            #expect(!result.output.contains("s3cret") && !result.errors.contains("s3cret"))
            #expect(result.output.contains("(secret)"))
        }
    }

    @Test func coloursOnlyWhenAsked() {
        #expect(runDiff(oldManifests, newManifests, color: .always).output.contains("\u{1B}["))
        #expect(!runDiff(oldManifests, newManifests, color: .never).output.contains("\u{1B}"))
        // A captured console is no terminal.
        #expect(!runDiff(oldManifests, newManifests, color: .auto).output.contains("\u{1B}"))
        // Colours are for people: never in the other formats.
        #expect(!runDiff(oldManifests, newManifests, format: .json, color: .always).output.contains("\u{1B}"))
    }
}

@Suite struct DiffRunnerTests {
    @Test func exitStatuses() {
        let same = runDiff(oldManifests, oldManifests)
        #expect(same.status == 0)
        #expect(same.output.hasPrefix("no changes: both bundles are sha256:"))
        #expect(runDiff(oldManifests, newManifests, format: .json).status == 1)

        let missing = runDiff("no/such/folder", newManifests)
        #expect(missing.status == 2)
        #expect(missing.output.isEmpty)
        #expect(missing.errors.contains("switchboard: OLD `no/such/folder` is neither a file or folder nor a git revision"))

        let broken = runDiff(oldManifests, "samples/broken/typos.yaml")
        #expect(broken.status == 2)
        #expect(broken.output.isEmpty)
        #expect(broken.errors.contains("switchboard: NEW samples/broken/typos.yaml has errors; nothing compared\n"))
        #expect(broken.errors.contains("samples/broken/typos.yaml:5:11: error[SB2007]: `type` must be one of `standard`, `trunk`, found `standrad`\n"))
    }

    @Test func bothSidesReportTheirErrors() {
        let result = runDiff("samples/broken/typos.yaml", "samples/broken/uri-as-server.yaml")
        #expect(result.status == 2)
        #expect(result.errors.contains("OLD samples/broken/typos.yaml has errors"))
        #expect(result.errors.contains("NEW samples/broken/uri-as-server.yaml has errors"))
    }

    @Test func aBundleFileGivesTheSameResultAsItsManifests() throws {
        let folder = try temporaryFolder("bundle")
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = ManifestFileFinder(baseDirectory: packageRoot.path).find([oldManifests])
        let bundle = try #require(BundleCompiler().compile(found.inputs).bundle)
        let bundlePath = folder.appendingPathComponent("old.bundle.json").path
        try Data(BundleEncoding.encode(bundle).bytes).write(to: URL(fileURLWithPath: bundlePath))

        let fromFolders = runDiff(oldManifests, newManifests, format: .json)
        let fromBundle = runDiff(bundlePath, newManifests, format: .json)
        #expect(fromBundle.status == 1)
        #expect(fromBundle.output == fromFolders.output)
        // The human output differs only in what the old side is called.
        let human = runDiff(bundlePath, newManifests).output
        #expect(human.contains("old sha256:cd0b1911be80cdcd1ec8d226f1e76f3d4b4c751e078e57ed5409b9973d07758c (\(bundlePath))\n"))
        #expect(human.replacingOccurrences(of: bundlePath, with: oldManifests) == runDiff(oldManifests, newManifests).output)
        #expect(runDiff(bundlePath, oldManifests).status == 0)
    }

    @Test func aBundleThatFailsVerificationIsAnError() throws {
        let folder = try temporaryFolder("edited")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bundle.json").path
        let golden = try #require(FileManager.default.contents(atPath: packageRoot.appendingPathComponent(
            "Tests/SwitchboardCLITests/Golden/multi-provider.bundle.json").path))
        try Data(String(decoding: golden, as: UTF8.self).replacingOccurrences(of: "\"lines\": 8", with: "\"lines\": 9").utf8)
            .write(to: URL(fileURLWithPath: path))
        let result = runDiff(path, "samples/multi-provider")
        #expect(result.status == 2)
        #expect(result.errors.contains("switchboard: OLD bundle \(path): the bundle's digest"))
    }

    @Test func summaryGoesToStandardErrorForMachineFormats() {
        let result = runDiff(oldManifests, newManifests, format: .json)
        #expect(result.errors == "10 changes (2 added, 2 removed, 1 renamed, 5 changed) and the order of inbound and outbound rules\n")
        #expect(runDiff(oldManifests, newManifests).errors.isEmpty)
    }
}

@Suite struct DiffGitTests {
    /// A repository with the old manifests committed, then the new ones, in `manifests/`.
    private func repository() throws -> URL {
        let repository = try temporaryFolder("git")
        try git(["init", "-q"], in: repository)
        let manifests = repository.appendingPathComponent("manifests")
        try copyManifests(oldManifests, to: manifests)
        try Data("not a manifest\n".utf8).write(to: repository.appendingPathComponent("README.md"))
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "v1"], in: repository)
        try copyManifests(newManifests, to: manifests)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "v2"], in: repository)
        return repository
    }

    @Test func revisionsGiveTheSameChangesAsFolders() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let folders = runDiff(oldManifests, newManifests, format: .json)

        let revisions = runDiff("HEAD~1", "HEAD", format: .json, path: "manifests", directory: repository.path)
        #expect(revisions.status == 1, "\(revisions.errors)")
        #expect(try meaning(revisions.output) == meaning(folders.output))

        // From inside the manifest folder, without --path.
        let inside = runDiff("HEAD~1", "HEAD", format: .json, directory: repository.appendingPathComponent("manifests").path)
        #expect(inside.status == 1, "\(inside.errors)")
        #expect(inside.output == revisions.output)

        // Objects say where they are: the revision and the file.
        let human = runDiff("HEAD~1", "HEAD", path: "manifests", directory: repository.path)
        #expect(human.output.contains("  - legacy removed (was HEAD~1:providers/budget.yaml:12:11)\n"))
        #expect(human.output.contains("  ~ acme changed (HEAD:providers/acme.yaml:5:11)\n"))

        // A commit id, and a revision against the working tree.
        let commit = try git(["rev-parse", "HEAD~1"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try meaning(runDiff(commit, "manifests", format: .json, path: "manifests", directory: repository.path).output)
            == meaning(folders.output))
        #expect(runDiff("HEAD", "manifests", path: "manifests", directory: repository.path).status == 0)
        #expect(runDiff("HEAD", "HEAD", path: "manifests", directory: repository.path).status == 0)
    }

    @Test func fromTheRepositoryRootHiddenFoldersAndOtherFilesAreSkipped() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        // A hidden folder with a copy of the manifests would make every name a duplicate.
        try copyManifests(oldManifests, to: repository.appendingPathComponent(".github/manifests"))
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "hidden copy"], in: repository)
        let result = runDiff("HEAD~2", "HEAD", format: .json, directory: repository.path)
        #expect(result.status == 1, "\(result.errors)")
        #expect(try meaning(result.output) == meaning(runDiff(oldManifests, newManifests, format: .json).output))
        #expect(result.output.contains("\"source\": \"HEAD:manifests/providers/acme.yaml:5:11\""))
    }

    @Test func readingRevisionsLeavesTheWorkingTreeAlone() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let edited = repository.appendingPathComponent("manifests/providers/acme.yaml")
        try Data("# work in progress\n".utf8).write(to: edited, options: .atomic)
        let before = try git(["status", "--porcelain"], in: repository)
        #expect(runDiff("HEAD~1", "HEAD", path: "manifests", directory: repository.path).status == 1)
        #expect(try git(["status", "--porcelain"], in: repository) == before)
        #expect(try String(contentsOf: edited, encoding: .utf8) == "# work in progress\n")
        #expect(try git(["rev-parse", "--abbrev-ref", "HEAD"], in: repository) != "HEAD\n", "still on the branch")
    }

    @Test func anExistingPathWinsOverARevisionOfTheSameName() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        // A folder called `HEAD` holding the old manifests.
        try copyManifests(oldManifests, to: repository.appendingPathComponent("HEAD"))
        let result = runDiff("HEAD", "manifests", format: .json, path: "manifests", directory: repository.path)
        #expect(try meaning(result.output) == meaning(runDiff(oldManifests, newManifests, format: .json).output))
    }

    @Test func aRevisionWithoutManifestsThereIsAnEmptySet() throws {
        let repository = try repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let result = runDiff("HEAD", "HEAD", format: .json, path: "elsewhere", directory: repository.path)
        #expect(result.status == 0)
        #expect(result.errors.contains("has no manifest files in elsewhere; comparing with an empty set"))
        let outside = runDiff("HEAD", "HEAD", path: "../..", directory: repository.path)
        #expect(outside.status == 2)
        #expect(outside.errors.contains("is outside the repository"))
    }

    @Test func outsideARepositoryARevisionIsNoInput() throws {
        let folder = try temporaryFolder("norepo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runDiff("HEAD~1", "HEAD", directory: folder.path)
        #expect(result.status == 2)
        #expect(result.errors.contains("`HEAD~1` is neither a file or folder nor a git revision (not in a git repository)"))
    }
}

@Suite struct DiffExecutableTests {
    @Test func theCommandLineExitsWithTheDiffStatus() throws {
        let changed = try runSwitchboard(["diff", oldManifests, newManifests, "--format", "markdown"])
        #expect(changed.status == 1)
        #expect(changed.output.hasPrefix("## Switchboard bundle diff\n"))
        let same = try runSwitchboard(["diff", oldManifests, oldManifests])
        #expect(same.status == 0)
        let bad = try runSwitchboard(["diff", oldManifests, newManifests, "--format", "yaml"])
        #expect(bad.status == 2)
        let help = try runSwitchboard(["diff", "--help"])
        #expect(help.output.contains("Exit status: 0 no changes, 1 changes, 2 usage or I/O error"))
    }
}
