import Foundation
import Testing
@testable import ManifestCompiler

@Suite struct ManifestFileFinderTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-finder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func foldersAreSearchedRecursivelyInNameOrder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.yaml", "a/z.yml", "a/y.YAML", "notes.txt", ".hidden/x.yaml", "a/.x.yaml"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x: 1\n".utf8).write(to: url)
        }
        let result = ManifestFileFinder().find([root.path])
        #expect(result.problems.isEmpty)
        #expect(result.inputs.map { String($0.name.dropFirst(root.path.count + 1)) } == ["a/y.YAML", "a/z.yml", "b.yaml"])
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

    @Test func symlinkLoopIsDetected() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/loop", withDestinationPath: root.path)
        let result = ManifestFileFinder().find([root.path])
        #expect(result.problems.map(\.code) == [.unreadableInput])
        #expect(result.problems.first?.message.contains("symbolic link loop") == true)
    }

    @Test func dashReadsStandardInput() {
        let result = ManifestFileFinder(readStandardInput: { Array("x: 1\n".utf8) }).find(["-"])
        #expect(result.inputs.map(\.name) == ["-"])
        #expect(result.inputs.first?.bytes == Array("x: 1\n".utf8))
    }
}
