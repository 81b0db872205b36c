import Testing
@testable import ManifestCompiler

@Suite struct UniqueNamesTests {
    @Test func duplicateAcrossFilesNamesBothPlaces() throws {
        let result = ManifestChecker().check([
            ManifestInput(name: "a.yaml", text: provider()),
            ManifestInput(name: "b.yaml", text: "# comment\n" + providerOnly(["login: \"200\""])),
        ])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .duplicateName)
        #expect(diagnostic.span.file == "b.yaml")
        #expect(diagnostic.span.start.line == 3)
        #expect(diagnostic.related.map(\.label) == ["first defined here"])
        #expect(diagnostic.related.first?.span.file == "a.yaml")
        #expect(diagnostic.related.first?.span.start.line == 2)
    }

    @Test func sectionsMergeAcrossDocumentsAndFiles() {
        let second = providerOnly().replacingOccurrences(of: "acme", with: "beta")
        let result = ManifestChecker().check([
            ManifestInput(name: "a.yaml", text: provider() + "---\n" + second.replacingOccurrences(of: "beta", with: "gamma")),
            ManifestInput(name: "b.yaml", text: second),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.providers.map(\.name.value) == ["acme", "gamma", "beta"])
    }
}
