import Diagnostics
import Foundation
import Testing
@testable import ManifestCompiler

/// Manifests written to hurt: megabyte scalars and keys, 10,000 levels of nesting. Each fails
/// with a short, clear diagnostic, and every renderer prints it in bounded size.
@Suite struct HostileManifestTests {
    static let megabyte = 1 << 20

    /// Every format of the report, so no renderer quotes a megabyte or recurses per level.
    private func renderAll(_ result: ManifestChecker.Result, files: Int = 1) -> [String] {
        let report = DiagnosticReport(diagnostics: result.diagnostics, sources: result.sources, fileCount: files)
        return [
            HumanRenderer(colors: true).render(report), ShortRenderer().render(report),
            JSONRenderer().render(report), GitHubRenderer().render(report), SARIFRenderer().render(report),
        ]
    }

    /// The field, its line in `provider(…)`, and its limit.
    @Test(arguments: [("server", 3, 1024), ("login", 4, 256), ("password", 5, 256), ("title", 6, 256), ("caller_id", 6, 1024)])
    func aMegabyteValueIsRefusedByItsLength(field: String, line: Int, limit: Int) throws {
        let result = check(provider("\(field): \"\(String(repeating: "7", count: Self.megabyte))\""))
        #expect(codes(result) == ["SB2014"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "`\(field)` is 1048576 bytes long, more than the \(limit) it may have")
        #expect(diagnostic.span.start.line == line)
        for output in renderAll(result) {
            #expect(output.utf8.count < 16_384, "\(field): \(output.utf8.count) bytes of output")
        }
    }

    @Test func aMegabyteNameIsRefusedWithoutQuotingIt() throws {
        let yaml = providerOnly(["name: " + String(repeating: "a", count: Self.megabyte)]) + dialPlan
        let result = check(yaml)
        #expect(codes(result) == ["SB2014"])
        #expect(result.diagnostics.first?.message == "`name` is 1048576 bytes long, more than the 1024 it may have")
        for output in renderAll(result) { #expect(output.utf8.count < 16_384) }
    }

    @Test func anExtensionDisplayNameAndSecretReferencesHaveTheirOwnLimits() {
        let yaml = """
            extensions:
              - { number: "100", display_name: "\(String(repeating: "d", count: 129))", password: { env: \(String(repeating: "E", count: 256)) } }
              - { number: "101", display_name: "\(String(repeating: "d", count: 128))", password: { file: /\(String(repeating: "f", count: 4096)) } }
            """
        let result = check(yaml)
        #expect(result.diagnostics.sorted().map(\.message) == [
            "`display_name` is 129 bytes long, more than the 128 it may have",
            "`env` is 256 bytes long, more than the 255 it may have",
            "`file` is 4097 bytes long, more than the 4096 it may have",
        ])
        #expect(Set(codes(result)) == ["SB2014"])
    }

    /// libyaml refuses a plain key over 1024 characters (SB1001), so the long key is explicit (`?`).
    @Test func aMegabyteKeyIsQuotedShort() throws {
        let key = String(repeating: "k", count: Self.megabyte)
        let result = check(providerOnly() + "    ? \(key)\n    : x\n" + dialPlan)
        #expect(codes(result) == ["SB2001"])
        let message = try #require(result.diagnostics.first?.message)
        #expect(message == "unknown key `\(String(repeating: "k", count: 64))…` (1048576 bytes) in a provider")
        for output in renderAll(result) { #expect(output.utf8.count < 16_384) }
    }

    @Test func aMegabyteCommentOnTheLineOfAnErrorIsCutInTheSnippet() throws {
        let result = check(provider("lines: four  # " + String(repeating: "c", count: Self.megabyte)))
        #expect(codes(result) == ["SB2006"])
        let human = HumanRenderer(colors: false).render(
            DiagnosticReport(diagnostics: result.diagnostics, sources: result.sources, fileCount: 1))
        #expect(human.utf8.count < 2_048)
        #expect(human.contains("|     lines: four  # ccc"))
        #expect(human.contains("c…\n"))
        #expect(human.contains("|            ^^^^"))
    }

    /// 10,000 levels of each kind of collection: read, decoded, compiled and rendered without
    /// recursion deeper than the 256-level limit (a stack overflow would crash the test run).
    @Test(arguments: ["flow sequences", "flow mappings", "block sequences", "block mappings"])
    func tenThousandLevelsOfNesting(kind: String) throws {
        let depth = 10_000
        let yaml: String
        switch kind {
        case "flow sequences": yaml = "providers: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case "flow mappings": yaml = "providers: " + String(repeating: "{a: ", count: depth) + "x" + String(repeating: "}", count: depth) + "\n"
        case "block sequences": yaml = "providers:\n" + String(repeating: "- ", count: depth) + "x\n"
        default:
            // Each level one space deeper: 10,000 levels is 50 MB of indentation, so the test
            // stops at 2,000 (2 MB), far past the limit; bench/hostile runs the full 10,000.
            yaml = "providers:\n" + (0..<2_000).map { String(repeating: " ", count: $0 + 1) + "a:\n" }.joined()
                + String(repeating: " ", count: 2_001) + "x\n"
        }
        let result = BundleCompiler().compile([ManifestInput(name: "deep.yaml", text: yaml)])
        #expect(result.bundle == nil)
        let depthError = try #require(result.check.diagnostics.first { $0.code.id == "SB1009" })
        // Flow nesting stops the file at 64 levels; block nesting is skipped past 256.
        #expect(depthError.message == (kind.hasPrefix("flow")
            ? "flow collections (`[`, `{`) nest deeper than 64 levels" : "collections nest deeper than 256 levels"))
        for output in renderAll(result.check) { #expect(output.utf8.count < 16_384, "\(kind)") }
    }

    @Test func billionLaughsIsRefusedBeforeItExpands() throws {
        var yaml = "l0: &l0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
        for level in 1...9 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let started = ContinuousClock.now
        let result = check(yaml)
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(codes(result).contains("SB1005"))
    }
}
