import Testing
@testable import ManifestCompiler

@Suite struct ProviderTypeTests {
    @Test func standardIsTheDefaultAndNeedsCredentials() throws {
        let result = check(provider("login: <absent>", "password: <absent>"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .missingCredentials)
        #expect(diagnostic.message == "provider `acme` registers with digest authentication but has no `login` or `password`")
        #expect(diagnostic.span.start.line == 2)
    }

    @Test func standardWithoutPasswordOnly() throws {
        let diagnostic = try #require(check(provider("type: standard", "password: <absent>")).diagnostics.first)
        #expect(diagnostic.message.hasSuffix("has no `password`"))
        #expect(diagnostic.span.start.line == 5)
    }

    @Test func standardWithAllowListWarns() {
        let result = check(provider("trunk: { allow: [198.51.100.0/28] }"))
        #expect(result.diagnostics.map(\.code) == [.unusedTrunkSettings])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func trunkWithAllowList() throws {
        let result = check(provider(
            "type: trunk", "login: <absent>", "password: <absent>",
            "trunk: { allow: [198.51.100.0/28, \"198.51.100.200:5060\", \"2001:db8::/48\", \"[2001:db8:1::1]:5062\"] }"))
        #expect(result.diagnostics.isEmpty)
        let allow = try #require(result.manifest.providers.first?.trunkAllow)
        #expect(allow.map(\.value.description) == ["198.51.100.0/28", "198.51.100.200:5060", "2001:db8::/48", "[2001:db8:1::1]:5062"])
    }

    @Test func trunkWithLiteralServerNeedsNoAllowList() {
        let result = check(provider("type: trunk", "server: 198.51.100.7", "login: <absent>", "password: <absent>"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func trunkWithHostNameServerAndNoAllowList() throws {
        let result = check(provider("type: trunk", "login: <absent>", "password: <absent>"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .trunkWithoutAllowList)
        #expect(diagnostic.span.start.line == 4)
    }

    @Test func trunkFlagsCredentialsItNeverUses() {
        let result = check(provider("type: trunk", "trunk: { allow: [198.51.100.0/28] }"))
        #expect(locations(result) == ["SB2032@4:12", "SB2032@5:15"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test(arguments: [
        "198.51.100.7/28", "trunk.example", "0.0.0.0/0", "198.51.100.0/33", "198.51.100.0/028",
        "198.51.100.1:0", "[2001:db8::1", "2001:db8::1/129", "::/0",
    ])
    func invalidAllowEntries(_ entry: String) {
        let result = check(provider("type: trunk", "login: <absent>", "password: <absent>", "trunk: { allow: [\"\(entry)\"] }"))
        #expect(codes(result) == ["SB2024"])
    }

    @Test func hostBitsSetSuggestsTheNetwork() throws {
        let result = check(provider("type: trunk", "login: <absent>", "password: <absent>", "trunk: { allow: [198.51.100.7/28] }"))
        #expect(result.diagnostics.first?.help == "write `198.51.100.0/28` for the whole network, or the address alone for one host")
    }

    @Test func emptyAllowListIsAnError() {
        let result = check(provider("type: trunk", "login: <absent>", "password: <absent>", "trunk: { allow: [] }"))
        #expect(codes(result) == ["SB2003"])
    }
}
