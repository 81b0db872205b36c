import ArgumentParser
import Diagnostics
import Foundation
import ManifestCompiler
import Testing
@testable import SwitchboardCLI

/// `check` and `compile` run in-process from the package root (without changing the working
/// directory), so file names in the output are the relative paths given.
func runCheckFromRoot(_ paths: [String], format: DiagnosticFormat) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let status = CheckRunner(
        format: format, color: .never, environment: [:], finder: ManifestFileFinder(baseDirectory: packageRoot.path)
    ).run(paths: paths, console: console)
    return (status.rawValue, console.output, console.errors)
}

func runCompileFromRoot(_ paths: [String], format: DiagnosticFormat, output: String) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let status = CompileRunner(
        format: format, color: .never, environment: [:], finder: ManifestFileFinder(baseDirectory: packageRoot.path)
    ).run(paths: paths, target: .write(output), console: console)
    return (status.rawValue, console.output, console.errors)
}

@Suite struct SarifFormatTests {
    @Test func theFormatIsAnArgument() throws {
        #expect(DiagnosticFormat(argument: "sarif") == .sarif)
        #expect(DiagnosticFormat.allCases.contains(.sarif))
        #expect(DiagnosticFormat.sarif.renderer(colors: true) is SARIFRenderer)
        let command = try CheckCommand.parse(["--format", "sarif", "samples/small-office"])
        #expect(command.options.format == .sarif)
    }

    @Test func checkWritesOneSARIFLogWithRelativePaths() throws {
        let result = runCheckFromRoot(["samples/broken/duplicate-names"], format: .sarif)
        #expect(result.status == 1)
        #expect(result.errors == "2 files checked: 1 error, 0 warnings\n", "the summary goes to standard error")
        let log = try JSONDecoder().decode(SARIFRenderer.Log.self, from: Data(result.output.utf8))
        #expect(log.version == "2.1.0")
        #expect(log.schema == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.name == "switchboard")
        #expect(run.tool.driver.rules.map(\.id) == ["SB2011"])
        #expect(run.tool.driver.rules.first?.shortDescription.text == "name defined twice")
        let result0 = try #require(run.results.first)
        #expect(result0.ruleId == "SB2011")
        #expect(result0.level == "error")
        let location = try #require(result0.locations.first?.physicalLocation)
        #expect(location.artifactLocation.uri == "samples/broken/duplicate-names/main.yaml")
        #expect(location.artifactLocation.uriBaseId == "%SRCROOT%")
        #expect(result0.relatedLocations?.first?.physicalLocation.artifactLocation.uri
            == "samples/broken/duplicate-names/backup.yaml")
        #expect(result0.relatedLocations?.first?.message?.text == "first defined here")
    }

    @Test func aCleanRunIsAnEmptyLog() throws {
        let result = runCheckFromRoot(["samples/small-office"], format: .sarif)
        #expect(result.status == 0)
        let log = try JSONDecoder().decode(SARIFRenderer.Log.self, from: Data(result.output.utf8))
        #expect(log.runs.first?.results == [])
        #expect(log.runs.first?.tool.driver.rules == [])
    }

    @Test func compileReportsInSARIFToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle.json").path
        let result = runCompileFromRoot(["samples/broken/typos.yaml"], format: .sarif, output: bundle)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: bundle))
        let log = try JSONDecoder().decode(SARIFRenderer.Log.self, from: Data(result.output.utf8))
        #expect(log.runs.first?.results.isEmpty == false)
        #expect(log.runs.first?.results.allSatisfy { $0.locations.first?.physicalLocation.artifactLocation.uri == "samples/broken/typos.yaml" } == true)
    }
}
