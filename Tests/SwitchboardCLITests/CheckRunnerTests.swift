import Foundation
import Testing
@testable import SwitchboardCLI

@Suite struct CheckRunnerTests {
    @Test func cleanRunIsQuietButForTheSummary() {
        let result = runCheck(["samples/small-office"])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(result.errors == "1 file checked: 0 errors, 0 warnings\n")
    }

    @Test func warningsFailOnlyWithStrict() {
        let file = "samples/broken/uri-as-server.yaml"
        #expect(runCheck([file]).status == 1)
        let warningsOnly = "samples/multi-provider"
        #expect(runCheck([warningsOnly]).status == 0)
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-strict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = """
            providers:
              - { name: acme, server: sip.acme.example, login: "1", password: hunter2, rules: { inbound: none } }
            """
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("a.yaml"))
        #expect(runCheck([folder.path]).status == 0)
        #expect(runCheck([folder.path], strict: true).status == 1)
    }

    @Test func missingPathIsAnIOErrorButOthersAreStillChecked() {
        let result = runCheck(["samples/missing.yaml", "samples/broken/duplicate-key.yaml"])
        #expect(result.status == 2)
        #expect(result.output.contains("samples/missing.yaml:1:1: error[SB0001]: no such file or folder: samples/missing.yaml"))
        #expect(result.output.contains("duplicate-key.yaml:8:5: error[SB1003]"))
    }
}
