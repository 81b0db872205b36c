import Foundation
import Testing
@testable import SwitchboardCLI

/// `AtomicFile.write(to:_:)` and its `StreamingFile`: the file `compile -o` writes while it encodes.
@Suite struct StreamingFileTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-streaming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func piecesAndALateHeaderMakeTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("bundle.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let result = try AtomicFile.write(to: target) { file in
            for piece in ["____", ", \"b\": 2", ", \"c\": 3}\n"] {
                Array(piece.utf8).withUnsafeBytes(file.append)
            }
            file.overwrite(Array("{\"a\"".utf8), at: 0)
            return 42
        }
        #expect(result == 42)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\", \"b\": 2, \"c\": 3}\n")
        // Only the target is left: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bundle.json"])
    }

    @Test func theFirstWriteErrorIsKeptAndStopsTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("read-only").path
        try Data("unchanged".utf8).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let file = StreamingFile(descriptor: descriptor)
        Array("new".utf8).withUnsafeBytes(file.append)
        #expect(file.failure == EBADF)
        file.overwrite(Array("x".utf8), at: 0)
        #expect(file.failure == EBADF)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "unchanged")
    }

    /// A device is written directly, whole, once the header is in place.
    @Test func aDeviceGetsTheWholeFileOrAnError() throws {
        let written = try AtomicFile.write(to: "/dev/null") { file in
            Array("..b".utf8).withUnsafeBytes(file.append)
            file.overwrite(Array("a".utf8), at: 0)
            return file.buffered
        }
        #expect(written == Array("a.b".utf8))
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(to: "/dev/full") { file in Array("bundle".utf8).withUnsafeBytes(file.append) }
        }
    }
}
