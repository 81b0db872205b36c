import Diagnostics
import Foundation
import Testing

/// SARIF logs checked against the OASIS SARIF 2.1.0 JSON Schema (`Schemas/sarif-schema-2.1.0.json`,
/// the schema file of the OASIS standard, errata 01) by a validator Switchboard did not write:
/// Python's jsonschema, through `scripts/validate-json-schema`.
@Suite struct SarifSchemaValidationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Schemas/sarif-schema-2.1.0.json")

    /// Writes each document to a fresh folder as `NAME.json` and runs the validator on them all;
    /// returns its exit status and its output (standard output and standard error together).
    static func validate(_ documents: [(name: String, text: String)]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try documents.map { document in
            let url = folder.appendingPathComponent(document.name + ".json")
            try Data(document.text.utf8).write(to: url)
            return url.path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/validate-json-schema").path, schema.path]
            + files
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Reports that exercise every part of the renderer.
    static var reports: [(name: String, text: String)] {
        let code = DiagnosticCode("SB2099", title: "odd: characters, here")
        let odd = DiagnosticReport(
            diagnostics: [
                .error(code, "100% sure\nsecond line, with: colon", at: Fixture.span("dir/c:d, e ä.yaml", 2, 3, 4),
                       label: "here\r\nthere", related: [.init("in /abs", at: Fixture.span("/abs/x y.yaml", 1, 1, 2, 1))],
                       notes: ["a note"], help: "fix: it"),
                .warning(code, "from standard input", at: .wholeFile("-")),
            ],
            fileCount: 3)
        let full = SARIFRenderer(
            ruleHelp: Dictionary(
                Fixture.report.diagnostics.map { ($0.code.id, "Long help of \($0.code.id).") }, uniquingKeysWith: { first, _ in first }),
            ruleHelpURIs: ["SB2011": "https://docs.example/switchboard/diagnostics#sb2011"],
            informationURI: "https://docs.example/switchboard")
        return [
            ("small", SARIFRenderer(ruleHelp: SmallFixture.ruleHelp, ruleHelpURIs: SmallFixture.ruleHelpURIs,
                                    informationURI: SmallFixture.informationURI).render(SmallFixture.report)),
            ("fixture", SARIFRenderer().render(Fixture.report)),
            ("fixture-with-help", full.render(Fixture.report)),
            ("odd-characters", SARIFRenderer().render(odd)),
            ("empty", SARIFRenderer().render(DiagnosticReport(diagnostics: [], fileCount: 0))),
        ]
    }

    @Test func theSchemaIsTheOASISOne() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schema))
        let schema = try #require(object as? [String: Any])
        #expect(schema["id"] as? String
            == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        #expect(schema["title"] as? String == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema")
        let definitions = try #require(schema["definitions"] as? [String: Any])
        #expect(definitions.count == 52)
    }

    @Test func everyRenderedLogIsValidSARIF() throws {
        let result = try Self.validate(Self.reports)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "\(result.output)")
    }

    /// The validator really applies the schema: logs broken in ways SARIF forbids are rejected.
    @Test(arguments: [
        ("level", "fatal"),
        ("startLine", 0),
        ("columnKind", "bytes"),
        ("unknownProperty", true),
    ] as [(String, any Sendable)])
    func brokenLogsAreRejected(key: String, value: any Sendable) throws {
        let output = SARIFRenderer().render(Fixture.report)
        var log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        switch key {
        case "level", "unknownProperty":
            results[0][key] = value
        case "startLine":
            var locations = try #require(results[0]["locations"] as? [[String: Any]])
            var physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            var region = try #require(physical["region"] as? [String: Any])
            region[key] = value
            physical["region"] = region
            locations[0]["physicalLocation"] = physical
            results[0]["locations"] = locations
        default:
            runs[0][key] = value
        }
        runs[0]["results"] = results
        log["runs"] = runs
        let broken = try JSONSerialization.data(withJSONObject: log, options: [.sortedKeys])
        let result = try Self.validate([("broken", String(decoding: broken, as: UTF8.self))])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("broken.json"), "\(result.output)")
    }
}
