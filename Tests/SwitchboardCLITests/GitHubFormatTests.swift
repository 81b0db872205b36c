import ArgumentParser
import Diagnostics
import Foundation
import Testing
@testable import SwitchboardCLI

@Suite struct GitHubFormatTests {
    @Test func theFormatIsAnArgument() throws {
        #expect(DiagnosticFormat(argument: "github") == .github)
        #expect(DiagnosticFormat.allCases.contains(.github))
        #expect(DiagnosticFormat.github.renderer(colors: true) is GitHubRenderer)
        let command = try CompileCommand.parse(["--format", "github", "samples/small-office", "-o", "-"])
        #expect(command.options.format == .github)
    }

    @Test func checkWritesOneAnnotationPerDiagnosticAndTheTotals() {
        let result = runCheckFromRoot(["samples/broken/uri-as-server.yaml"], format: .github)
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "::error file=samples/broken/uri-as-server.yaml,line=4,col=13,endLine=4,endColumn=61,"
                + "title=SB2021 address is not host[%3Aport]::`server` must be `host[:port]`, found "
                + "`sip:74951234567@sip.acme.example;transport=tcp` — help: write `server: sip.acme.example` and `transport: tcp`"))
        #expect(lines.contains { $0.hasPrefix("::warning file=samples/broken/uri-as-server.yaml,line=8,") })
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        #expect(lines.last?.hasPrefix("switchboard: \(lines.count - 1) diagnostics reported (") == true)
        #expect(!result.output.contains("::notice::"))
    }

    @Test func manyErrorsEndWithTheLimitNotice() {
        let broken = ["typos.yaml", "trunk-mistakes.yaml", "yaml-1.1-traps.yaml", "uri-as-server.yaml"].map { "samples/broken/\($0)" }
        let result = runCheckFromRoot(broken, format: .github)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count >= 13)
        #expect(lines[lines.count - 2].hasPrefix("::notice::switchboard: \(lines.count - 2) diagnostics reported ("))
        #expect(lines[lines.count - 2].hasSuffix("; GitHub shows at most 10 of each kind as annotations, the full list is above"))
        #expect(lines[lines.count - 1].hasPrefix("switchboard: \(lines.count - 2) diagnostics reported ("))
    }

    @Test func compileReportsAsAnnotationsToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-github-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runCompileFromRoot(
            ["samples/broken/duplicate-names"], format: .github, output: folder.appendingPathComponent("bundle.json").path)
        #expect(result.status == 1)
        #expect(result.output == """
            ::error file=samples/broken/duplicate-names/main.yaml,line=2,col=11,endLine=2,endColumn=15,title=SB2011 name defined twice::provider name `acme` is defined twice — help: rename one of them, or remove the repeated provider
            switchboard: 1 diagnostic reported (1 error, 0 warnings)

            """)
    }
}
