import Foundation
import Testing
@testable import ManifestCompiler

@Suite struct ManifestFileFinderTests {
    /// A fresh folder, by its resolved path (so loop messages, which resolve, can be compared).
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-finder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    private func write(_ files: [String], in root: URL, text: String = "x: 1\n") throws {
        for path in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    private func names(_ result: ManifestFileFinder.Result, below root: URL) -> [String] {
        result.inputs.map { String($0.name.dropFirst(root.path.count + 1)) }
    }

    @Test func foldersAreSearchedRecursivelyInNameOrder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["b.yaml", "a/z.yml", "a/y.YAML", "notes.txt", ".hidden/x.yaml", "a/.x.yaml"], in: root)
        let result = ManifestFileFinder().find([root.path])
        #expect(result.problems.isEmpty)
        #expect(names(result, below: root) == ["a/y.YAML", "a/z.yml", "b.yaml"])
    }

    @Test func nameOrderIsBytewiseAtEveryLevelAndFilesAndFoldersInterleave() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["b/1.yaml", "B.yaml", "a.yaml", "a/2.yaml", "a-b.yaml", "10.yaml", "9.yaml"], in: root)
        let result = ManifestFileFinder().find([root.path])
        #expect(names(result, below: root) == ["10.yaml", "9.yaml", "B.yaml", "a/2.yaml", "a-b.yaml", "a.yaml", "b/1.yaml"])
    }

    @Test func onlyYAMLExtensionsInAnyCaseAreRead() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["a.Yml", "b.yaml.txt", "c.yamlx", "yaml", "d.", "e.YAML", "f.json", "g.tar.yml"], in: root)
        let result = ManifestFileFinder().find([root.path])
        #expect(names(result, below: root) == ["a.Yml", "e.YAML", "g.tar.yml"])
    }

    @Test func manifestFileNames() {
        for name in ["a.yaml", "a.yml", "A.YAML", "a.YmL", "x.y.yaml"] {
            #expect(ManifestFileFinder.isManifestFileName(name), "\(name)")
        }
        for name in ["yaml", "a.yaml~", "a.yaml.bak", "a.ya", "a.ymll", "a.", "", "a.yáml"] {
            #expect(!ManifestFileFinder.isManifestFileName(name), "\(name)")
        }
    }

    @Test func aFolderNamedWithATrailingSlashGivesCleanNames() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["a.yaml", "sub/b.yaml"], in: root)
        let result = ManifestFileFinder().find([root.path + "/"])
        #expect(result.inputs.map(\.name) == [root.path + "/a.yaml", root.path + "/sub/b.yaml"])
    }

    @Test func explicitlyNamedFilesAreReadWhateverTheirExtension() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["manifest.txt"], in: root, text: "version: 1\n")
        let result = ManifestFileFinder().find([root.path + "/manifest.txt"])
        #expect(result.problems.isEmpty)
        #expect(result.inputs.first?.bytes == Array("version: 1\n".utf8))
    }

    @Test func missingPathIsAProblemAndOthersStillLoad() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x: 1\n".utf8).write(to: root.appendingPathComponent("a.yaml"))
        let result = ManifestFileFinder().find([root.path + "/missing.yaml", root.path + "/a.yaml"])
        #expect(result.inputs.count == 1)
        #expect(result.problems.map(\.code) == [.unreadableInput])
        #expect(result.problems.first?.message == "no such file or folder: \(root.path)/missing.yaml")
    }

    @Test func anUnreadableFileInAFolderIsAProblemAndTheRestStillLoad() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["a.yaml", "c.yaml"], in: root)
        // A dangling link: unreadable even for root, who may read any file with no permissions.
        try FileManager.default.createSymbolicLink(atPath: root.path + "/b.yaml", withDestinationPath: root.path + "/gone")
        let result = ManifestFileFinder().find([root.path])
        #expect(names(result, below: root) == ["a.yaml", "c.yaml"])
        #expect(result.problems.map(\.code) == [.unreadableInput])
        #expect(result.problems.first?.message == "cannot read \(root.path)/b.yaml")
    }

    @Test func symlinkLoopIsDetected() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["a.yaml"], in: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/loop", withDestinationPath: root.path)
        let result = ManifestFileFinder().find([root.path])
        #expect(names(result, below: root) == ["a.yaml"])
        #expect(result.problems.map(\.code) == [.unreadableInput])
        #expect(result.problems.first?.message == "symbolic link loop: \(root.path)/loop leads back to \(root.path)")
    }

    @Test func twoLinksToOneFolderSideBySideAreNoLoop() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["shared/a.yaml"], in: root)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/one", withDestinationPath: root.path + "/shared")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/two", withDestinationPath: "shared")
        let result = ManifestFileFinder().find([root.path])
        #expect(result.problems.isEmpty)
        #expect(names(result, below: root) == ["one/a.yaml", "shared/a.yaml", "two/a.yaml"])
    }

    @Test func symlinkedFilesAreReadByTheLinksName() throws {
        let root = try temporaryFolder()
        let elsewhere = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try write(["target.txt"], in: elsewhere, text: "version: 1\n")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/linked.yaml", withDestinationPath: elsewhere.path + "/target.txt")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/ignored.txt", withDestinationPath: elsewhere.path + "/target.txt")
        let result = ManifestFileFinder().find([root.path])
        #expect(result.problems.isEmpty)
        #expect(names(result, below: root) == ["linked.yaml"])
        #expect(result.inputs.first?.bytes == Array("version: 1\n".utf8))
    }

    @Test func relativePathsAreFoundBelowTheBaseDirectoryAndKeepTheirNames() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["manifests/a.yaml", "manifests/deeper/b.yml"], in: root)
        let result = ManifestFileFinder(baseDirectory: root.path).find(["manifests", "missing"])
        #expect(result.inputs.map(\.name) == ["manifests/a.yaml", "manifests/deeper/b.yml"])
        #expect(result.inputs.map(\.path) == [root.path + "/manifests/a.yaml", root.path + "/manifests/deeper/b.yml"])
        #expect(result.problems.map(\.message) == ["no such file or folder: missing"])
    }

    @Test func filesAreReadWhole() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Larger than one read of a pipe's worth, and empty.
        let big = String(repeating: "# a comment line of some length\n", count: 10_000)
        try write(["big.yaml"], in: root, text: big)
        try write(["empty.yaml"], in: root, text: "")
        let result = ManifestFileFinder().find([root.path])
        #expect(result.inputs.map(\.bytes.count) == [big.utf8.count, 0])
        #expect(result.inputs.first?.bytes == Array(big.utf8))
    }

    @Test func dashReadsStandardInput() {
        let result = ManifestFileFinder(readStandardInput: { Array("x: 1\n".utf8) }).find(["-"])
        #expect(result.inputs.map(\.name) == ["-"])
        #expect(result.inputs.first?.bytes == Array("x: 1\n".utf8))
    }
}
