import Foundation
import Testing
@testable import SwitchboardCLI

/// `compile -o` killed with SIGKILL at any moment leaves the target as it was or complete, and the
/// temporary files of killed runs are removed by the next write (docs/security.md).
@Suite(.serialized) struct KilledCompileTests {
    /// A manifest big enough that compiling it takes a while, so kills land in every phase.
    private static func bigManifest(providers: Int) -> String {
        var yaml = "providers:\n"
        for index in 0..<providers {
            yaml += """
                  - name: p\(index)
                    title: Provider \(index)
                    server: sip\(index).example:5060
                    login: "7495\(1_000_000 + index)"
                    password: { env: P\(index)_PASSWORD }
                    caller_id: "+7495\(1_000_000 + index)"

                """
        }
        return yaml + """
            defaults: { inbound_destination: { extensions: ["100"] } }
            extensions:
              - { number: "100", password: { env: EXT_100_PASSWORD } }

            """
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-killed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func compileProcess(_ manifest: String, to target: String) throws -> Process {
        let process = Process()
        process.executableURL = switchboardExecutable
        process.arguments = ["compile", "--format", "short", manifest, "-o", target]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".bundle.json.tmp-") }
    }

    @Test func theTargetIsTheOldFileOrTheNewOneWhereverTheKillLands() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("big.yaml").path
        try Data(Self.bigManifest(providers: 3_000).utf8).write(to: URL(fileURLWithPath: manifest))
        let target = folder.appendingPathComponent("bundle.json").path
        let old = Data("{\"old\": \"bundle\"}\n".utf8)

        // The complete new bundle, and how long a whole compile takes on this machine.
        let reference = folder.appendingPathComponent("reference.json").path
        let started = ContinuousClock.now
        let whole = try compileProcess(manifest, to: reference)
        whole.waitUntilExit()
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        #expect(whole.terminationStatus == 0)
        let new = try #require(FileManager.default.contents(atPath: reference))
        #expect(new.count > 1_000_000)

        // Kills spread over the run, more of them near its end, where the bundle is written.
        var killedMidRun = 0
        for fraction in [0.0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.0] {
            try old.write(to: URL(fileURLWithPath: target))
            let process = try compileProcess(manifest, to: target)
            Thread.sleep(forTimeInterval: seconds * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidRun += 1 }
            let found = try #require(FileManager.default.contents(atPath: target))
            #expect(found == old || found == new, "killed at \(fraction) of the run: \(found.count) bytes")
        }
        #expect(killedMidRun >= 5, "most kills land while the compile runs")

        // Whatever the kills left behind is hidden, never named like a bundle, and removed by the
        // next write to the same target; the bundle is then the new one.
        for name in try temporaries(in: folder) {
            #expect(name.hasPrefix("."))
            #expect(!name.hasSuffix(".json"))
        }
        let next = try compileProcess(manifest, to: target)
        next.waitUntilExit()
        #expect(next.terminationStatus == 0)
        #expect(try temporaries(in: folder).isEmpty)
        #expect(FileManager.default.contents(atPath: target) == new)
    }

    @Test func aTemporaryFileOfALiveWriterIsLeftAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // This test process is alive; a made-up process id far above any in use is not.
        let live = ".bundle.json.tmp-\(getpid())-7"
        let dead = ".bundle.json.tmp-\(Int32.max - 1)-7"
        let unrelated = [".bundle.json.tmp-notapid-7", ".other.json.tmp-\(Int32.max - 1)-7", "bundle.json.tmp-\(Int32.max - 1)-7"]
        for name in [live, dead] + unrelated {
            try Data("partial".utf8).write(to: folder.appendingPathComponent(name))
        }
        AtomicFile.removeStaleTemporaries(of: "bundle.json", in: folder.path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set([live] + unrelated))
    }
}
