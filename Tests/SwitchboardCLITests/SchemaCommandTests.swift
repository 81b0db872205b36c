import Foundation
import ManifestCompiler
import Testing
@testable import SwitchboardCLI

/// `switchboard schema [--bundle]` prints the schemas, byte for byte as in `schemas/`.
@Suite struct SchemaCommandTests {
    @Test func printsTheManifestSchema() throws {
        let command = try SchemaCommand.parse([])
        let console = Console.capturing()
        command.run(console: console)
        #expect(console.output == ManifestSchema.text)
        #expect(console.errors == "")
    }

    @Test func bundleFlagPrintsTheBundleSchema() throws {
        let command = try SchemaCommand.parse(["--bundle"])
        let console = Console.capturing()
        command.run(console: console)
        #expect(console.output == BundleSchema.text)
        #expect(console.output != ManifestSchema.text)
    }

    @Test(arguments: [([String](), "manifest.schema.json"), (["--bundle"], "bundle.schema.json")])
    func executablePrintsTheCommittedFile(_ flags: [String], _ file: String) throws {
        let result = try runSwitchboard(["schema"] + flags)
        #expect(result.status == 0)
        #expect(result.errors == "")
        let committed = FileManager.default.contents(atPath: packageRoot.appendingPathComponent("schemas/\(file)").path)
        #expect(
            committed == Data(result.output.utf8),
            "schemas/\(file) is out of date; regenerate it with `swift run \((["switchboard", "schema"] + flags).joined(separator: " ")) > schemas/\(file)`")
    }

    @Test func unknownOptionIsAUsageError() throws {
        #expect(try runSwitchboard(["schema", "--yaml"]).status == 2)
    }
}
