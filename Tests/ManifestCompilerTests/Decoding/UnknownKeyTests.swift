import Testing
@testable import ManifestCompiler

@Suite struct UnknownKeyTests {
    @Test(arguments: [
        ("registration-ip", "registration_ip"), ("registrationIP", "registration_ip"),
        ("callerid", "caller_id"), ("pasword", "password"), ("username", "login"), ("max_lines", "lines"),
    ])
    func misspelledKeysGetASuggestion(_ written: String, _ meant: String) throws {
        let result = check(provider("\(written): x"))
        let diagnostic = try #require(result.diagnostics.first { $0.code == .unknownKey })
        #expect(diagnostic.message == "unknown key `\(written)` in a provider")
        #expect(diagnostic.help == "did you mean `\(meant)`?")
        #expect(diagnostic.span.start.line == 6)
        #expect(diagnostic.span.start.column == 5)
    }

    @Test func unrelatedKeyHasNoSuggestionButListsTheKeys() throws {
        let diagnostic = try #require(check(provider("colour: blue")).diagnostics.first)
        #expect(diagnostic.help == nil)
        #expect(diagnostic.notes.first?.contains("`registration_ip`") == true)
    }

    @Test func misspelledEnumValues() throws {
        let result = check(provider("type: standrad", "transport: tpc"))
        #expect(result.diagnostics.sorted().map(\.help) == ["write `type: standard`", "write `transport: tcp`"])
    }

    @Test func unknownTopLevelKeyAndNestedKey() {
        let yaml = "version: 1\nprovders: []\n" + provider("calls: { incoming: true, outgong: false }")
        #expect(locations(check(yaml)) == ["SB2001@2:1", "SB2001@8:30"])
    }

    @Test(arguments: ["2", "\"1.0\"", "one"])
    func unsupportedVersions(_ version: String) {
        #expect(codes(check("version: \(version)\n")) == ["SB2009"])
    }

    @Test func versionOneIsAccepted() {
        #expect(check("version: 1\n" + provider()).diagnostics.isEmpty)
    }

    @Test func rootMustBeAMapping() {
        #expect(codes(check("- name: acme\n")) == ["SB2002"])
        #expect(codes(check("providers: { name: acme }\n")) == ["SB2002"])
    }
}
