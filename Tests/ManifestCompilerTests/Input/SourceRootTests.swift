import Foundation
import Testing
@testable import ManifestCompiler

@Suite struct SourceRootTests {
    /// A fresh folder holding `files` (and a link `linked` → `elsewhere/target`), by its resolved path.
    private func repository(_ files: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-root-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        for path in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("version: 1\n".utf8).write(to: file)
        }
        return url
    }

    private func input(_ path: String) -> ManifestInput {
        ManifestInput(name: path, text: "version: 1\n", path: path)
    }

    @Test func pathsAreRelativeToTheDeepestCommonFolderAndOrderedByThem() throws {
        let root = try repository(["m/providers/b.yaml", "m/providers/x/a.yaml", "m/dialplan.yaml"])
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = ["m/providers/x/a.yaml", "m/providers/b.yaml", "m/dialplan.yaml"].map { input(root.path + "/" + $0) }
        let sourceRoot = SourceRoot(inputs)
        #expect(sourceRoot.ordered(inputs).map { sourceRoot.relativePath(of: $0.name) }
            == ["dialplan.yaml", "providers/b.yaml", "providers/x/a.yaml"])
    }

    @Test func dotsAndDoubleSlashesResolveLikeCleanPaths() throws {
        let root = try repository(["m/a/one.yaml", "m/b/two.yaml"])
        defer { try? FileManager.default.removeItem(at: root) }
        let messy = SourceRoot([input(root.path + "/m/b/../a/./one.yaml"), input(root.path + "//m/b//two.yaml")])
        #expect(messy.relativePath(of: root.path + "/m/b/../a/./one.yaml") == "a/one.yaml")
        #expect(messy.relativePath(of: root.path + "//m/b//two.yaml") == "b/two.yaml")
    }

    @Test func aFolderReachedThroughALinkCountsWhereItReallyIs() throws {
        let root = try repository(["real/deep/p.yaml", "m/q.yaml"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/m/link", withDestinationPath: root.path + "/real")
        let linked = root.path + "/m/link/deep/p.yaml"
        let sourceRoot = SourceRoot([input(linked), input(root.path + "/m/q.yaml")])
        #expect(sourceRoot.relativePath(of: linked) == "real/deep/p.yaml")
        #expect(sourceRoot.relativePath(of: root.path + "/m/q.yaml") == "m/q.yaml")
    }

    @Test func theCommonFolderEndsAtAWholeFolderName() {
        // Folders that do not exist resolve as written, so these paths test the prefix alone.
        let base = "/nonexistent-sb-root-\(UUID().uuidString)"
        func relative(_ paths: [String]) -> [String] {
            let inputs = paths.map { input(base + $0) }
            let root = SourceRoot(inputs)
            return inputs.map { root.relativePath(of: $0.name) }
        }
        #expect(relative(["/ab/f.yaml", "/a/g.yaml"]) == ["ab/f.yaml", "a/g.yaml"])
        #expect(relative(["/a/g.yaml", "/ab/f.yaml"]) == ["a/g.yaml", "ab/f.yaml"])
        #expect(relative(["/a/b/c/f.yaml", "/a/b/g.yaml"]) == ["c/f.yaml", "g.yaml"])
        #expect(relative(["/a/b/g.yaml", "/a/b/c/f.yaml", "/a/bc/h.yaml"]) == ["b/g.yaml", "b/c/f.yaml", "bc/h.yaml"])
        #expect(relative(["/x/é/f.yaml", "/x/e/g.yaml"]) == ["é/f.yaml", "e/g.yaml"])
        #expect(relative(["/only/f.yaml"]) == ["f.yaml"])
    }

    @Test func inputsWithoutAPathKeepTheirNames() {
        let sourceRoot = SourceRoot([ManifestInput(name: "b.yaml", text: ""), ManifestInput(name: "-", text: "")])
        #expect(sourceRoot.relativePath(of: "b.yaml") == "b.yaml")
        #expect(sourceRoot.relativePath(of: "-") == "-")
    }

    @Test func foldersResolveAsRealpathDoes() throws {
        let root = try repository(["a/b/c/x.yaml", "d/x.yaml"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/a/to-d", withDestinationPath: "../d")
        var resolver = FolderResolver()
        for folder in ["a/b/c", "a/b", "a/to-d", "a/b/../to-d", "a/./b//c", "d"] {
            let path = root.path + "/" + folder
            let expected = try #require(realpath(path, nil))
            defer { free(expected) }
            #expect(resolver.resolve(path[...]) == String(cString: expected), "\(folder)")
        }
        #expect(resolver.resolve("/") == "/")
        #expect(resolver.resolve("") == FileManager.default.currentDirectoryPath)
    }

    @Test func pathsSplitIntoFolderAndName() {
        #expect(PathText.split("a/b/c.yaml") == ("a/b", "c.yaml"))
        #expect(PathText.split("c.yaml") == ("", "c.yaml"))
        #expect(PathText.split("/c.yaml") == ("/", "c.yaml"))
        #expect(PathText.split("a//c.yaml") == ("a/", "c.yaml"))
    }
}
