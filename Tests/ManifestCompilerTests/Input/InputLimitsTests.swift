import Diagnostics
import Foundation
import Testing
@testable import ManifestCompiler

/// The finder reads no more than `InputLimits` allows, and says which path it stopped at.
@Suite struct InputLimitsTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func aFileOverTheDefaultSizeIsNotRead() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Sparse: 64 MiB and one byte on disk in no time, and never read.
        let path = root.path + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputLimits.default.maxFileBytes) + 1)
        try handle.close()
        try write("providers: []\n", to: root.appendingPathComponent("small.yaml"))

        let result = ManifestFileFinder().find([root.path])
        #expect(result.inputs.map(\.name) == [root.path + "/small.yaml"])
        #expect(result.problems.map(\.code) == [.unreadableInput])
        #expect(result.problems.first?.message
            == "\(path) is larger than 64 MiB (67108865 bytes), the most a manifest file may be")
        #expect(result.problems.first?.span.file == path)
    }

    @Test func exactlyTheSizeLimitIsRead() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(String(repeating: "#", count: 99) + "\n", to: root.appendingPathComponent("a.yaml"))
        let limits = InputLimits(maxFileBytes: 100, maxFiles: 10, maxTotalBytes: 1000)
        #expect(ManifestFileFinder(limits: limits).find([root.path]).problems.isEmpty)
        let tighter = InputLimits(maxFileBytes: 99, maxFiles: 10, maxTotalBytes: 1000)
        let refused = ManifestFileFinder(limits: tighter).find([root.path])
        #expect(refused.inputs.isEmpty)
        #expect(refused.problems.first?.message
            == "\(root.path)/a.yaml is larger than 99 bytes (100 bytes), the most a manifest file may be")
    }

    @Test func filesAroundTheFirstReadSizeAreReadWhole() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = FileBytes.firstReadBytes
        let sizes = [0, 1, first - 1, first, first + 1, 3 * first + 17]
        for size in sizes {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
            try Data(bytes).write(to: root.appendingPathComponent("f\(size).yaml"))
            for isRegularFile in [true, false] {
                guard case .bytes(let read) = FileBytes.contents(atPath: root.path + "/f\(size).yaml", isRegularFile: isRegularFile) else {
                    Issue.record("f\(size).yaml was not read")
                    continue
                }
                #expect(read == bytes, "\(size) bytes, regular \(isRegularFile)")
            }
            // One byte under the size is too large, whichever read finds it out.
            if size > 0, case .tooLarge(let reported) = FileBytes.contents(atPath: root.path + "/f\(size).yaml", limit: size - 1, isRegularFile: true) {
                #expect(reported == size)
            } else if size > 0 {
                Issue.record("f\(size).yaml was not refused at \(size - 1) bytes")
            }
        }
        // A folder listed as a file (it changed in between) is unreadable, not empty.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        guard case .unreadable = FileBytes.contents(atPath: root.path + "/folder.yaml", isRegularFile: true) else {
            Issue.record("a folder read as a file")
            return
        }
    }

    @Test func standardInputOverTheLimitIsRefused() {
        let limits = InputLimits(maxFileBytes: 10, maxFiles: 10, maxTotalBytes: 100)
        let finder = ManifestFileFinder(limits: limits, readStandardInput: { Array("providers: []\n".utf8) })
        let result = finder.find(["-"])
        #expect(result.inputs.isEmpty)
        #expect(result.problems.first?.message == "- is larger than 10 bytes (14 bytes), the most a manifest file may be")
    }

    @Test func theWalkStopsAtTheFileAfterTheCountLimit() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<12 {
            try write("", to: root.appendingPathComponent(String(format: "d%d/f%02d.yaml", index / 5, index)))
        }
        let limits = InputLimits(maxFileBytes: 100, maxFiles: 10, maxTotalBytes: 1000)
        let result = ManifestFileFinder(limits: limits).find([root.path, root.path + "/d0"])
        #expect(result.inputs.count == 10)
        #expect(result.inputs.last?.name == root.path + "/d1/f09.yaml")
        // One diagnostic, at the first file not read; the later paths are not even looked at.
        #expect(result.problems.map(\.message)
            == ["more than 10 manifest files: \(root.path)/d2/f10.yaml and the files after it are not read"])
    }

    @Test func theWalkStopsAtTheFileThatPassesTheTotalSize() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a", "b", "c"] {
            try write(String(repeating: "#", count: 39) + "\n", to: root.appendingPathComponent(name + ".yaml"))
        }
        let limits = InputLimits(maxFileBytes: 50, maxFiles: 10, maxTotalBytes: 100)
        let result = ManifestFileFinder(limits: limits).find([root.path])
        #expect(result.inputs.map(\.name) == [root.path + "/a.yaml", root.path + "/b.yaml"])
        #expect(result.problems.map(\.message)
            == ["the manifest files add up to more than 100 bytes: \(root.path)/c.yaml and the files after it are not read"])
    }

    @Test func aLinkToTheParentFolderIsALoop() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("providers: []\n", to: root.appendingPathComponent("inner/a.yaml"))
        try FileManager.default.createSymbolicLink(atPath: root.path + "/inner/up", withDestinationPath: "..")

        // From the parent: `inner/up` leads back to the folder being searched.
        let fromParent = ManifestFileFinder().find([root.path])
        #expect(fromParent.inputs.map(\.name) == [root.path + "/inner/a.yaml"])
        #expect(fromParent.problems.map(\.message) == ["symbolic link loop: \(root.path)/inner/up leads back to \(root.path)"])

        // From the inner folder: the parent is read once, and `inner` below it is the loop.
        let fromInner = ManifestFileFinder().find([root.path + "/inner"])
        #expect(fromInner.inputs.map(\.name) == [root.path + "/inner/a.yaml"])
        #expect(fromInner.problems.map(\.message)
            == ["symbolic link loop: \(root.path)/inner/up/inner leads back to \(root.path)/inner"])
    }
}
