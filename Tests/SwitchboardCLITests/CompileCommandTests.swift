import Foundation
import ManifestCompiler
import RuntimeBundle
import Testing
@testable import SwitchboardCLI

/// Runs `compile` in-process from the package root.
private func runCompile(_ paths: [String], target: CompileRunner.Target) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let status = CompileRunner(
        format: .short, color: .never, environment: [:], finder: ManifestFileFinder(baseDirectory: packageRoot.path)).run(paths: paths, target: target, console: console)
    return (status.rawValue, console.output, console.errors)
}

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-compile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func goldenPath(_ sample: String) -> String {
    packageRoot.appendingPathComponent("Tests/SwitchboardCLITests/Golden/\(sample).bundle.json").path
}

@Suite(.serialized) struct CompileCommandTests {
    @Test(arguments: ["small-office", "multi-provider"])
    func sampleBundlesMatchTheirGoldenFilesByteForByte(_ sample: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("bundle.json").path
        let result = runCompile(["samples/\(sample)"], target: .write(output))
        #expect(result.status == 0)
        let written = try #require(FileManager.default.contents(atPath: output))
        let golden = try #require(FileManager.default.contents(atPath: goldenPath(sample)))
        #expect(written == golden, "regenerate with: swift run switchboard compile samples/\(sample) -o Tests/SwitchboardCLITests/Golden/\(sample).bundle.json")
        #expect(try BundleLoader.load(Array(written)).providers.isEmpty == false)
    }

    @Test func fileOrderAndPathSpellingDoNotChangeTheBytes() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: samplePath("multi-provider"))
            .filter { $0.hasSuffix(".yaml") }.map { "samples/multi-provider/\($0)" }
        #expect(files.count == 4)
        var outputs: Set<String> = []
        for order in [files, files.reversed(), [files[2], files[0], files[3], files[1]]] {
            outputs.insert(runCompile(order, target: .write("-")).output)
        }
        outputs.insert(runCompile([samplePath("multi-provider")], target: .write("-")).output)
        outputs.insert(runCompile(["samples/multi-provider/"], target: .write("-")).output)
        #expect(outputs.count == 1)
        let golden = try #require(FileManager.default.contents(atPath: goldenPath("multi-provider")))
        #expect(outputs.first == String(decoding: golden, as: UTF8.self))
    }

    @Test func summaryLine() {
        let result = runCompile(["samples/multi-provider"], target: .write("-"))
        #expect(result.errors.hasPrefix(
            "compiled 4 providers, 4 extensions, 4 inbound rules (2 explicit, 2 generated), 6 outbound rules (3 explicit, 3 generated), sha256:"))
    }

    @Test func errorsLeaveTheOldFileUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("bundle.json").path
        try Data("old content\n".utf8).write(to: URL(fileURLWithPath: output))
        let result = runCompile(["samples/broken/typos.yaml"], target: .write(output))
        #expect(result.status == 1)
        #expect(result.errors.contains("no bundle written"))
        #expect(FileManager.default.contents(atPath: output) == Data("old content\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bundle.json"])
    }

    @Test func unwritableTargetIsAnIOErrorAndLeavesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runCompile(["samples/small-office"], target: .write(folder.path + "/missing/bundle.json"))
        #expect(result.status == 2)
        #expect(result.errors.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func symbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.json").path
        let link = folder.appendingPathComponent("link.json").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(runCompile(["samples/small-office"], target: .write(link)).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(FileManager.default.contents(atPath: real) == FileManager.default.contents(atPath: goldenPath("small-office")))
    }

    /// Renaming over a device or a pipe would replace it with a file (as `-o /dev/null` once did
    /// to a whole machine); such targets are written directly.
    @Test func pipeTargetIsWrittenNotReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A non-blocking reader first, so the writer's open does not wait and nothing can hang;
        // the small bundle fits in the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(runCompile(["samples/small-office"], target: .write(fifo)).status == 0)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(reader, &chunk, chunk.count)
            if count <= 0 { break }
            received += chunk[..<count]
        }
        #expect(Data(received) == FileManager.default.contents(atPath: goldenPath("small-office")))
        var info = stat()
        #expect(lstat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func checkReportsDrift() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.json").path
        #expect(runCompile(["samples/small-office"], target: .check(bundle)).status == 1)
        #expect(runCompile(["samples/small-office"], target: .write(bundle)).status == 0)
        let upToDate = runCompile(["samples/small-office"], target: .check(bundle))
        #expect(upToDate.status == 0)
        #expect(upToDate.errors.contains("is up to date"))
        let stale = try #require(FileManager.default.contents(atPath: bundle))
        try Data(stale.dropLast()).write(to: URL(fileURLWithPath: bundle))
        let drift = runCompile(["samples/small-office"], target: .check(bundle))
        #expect(drift.status == 1)
        #expect(drift.errors.contains("is out of date"))
    }
}
