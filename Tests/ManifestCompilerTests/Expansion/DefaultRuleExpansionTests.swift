import Testing
@testable import ManifestCompiler

@Suite struct DefaultRuleExpansionTests {
    /// Three providers in one file: `a`, `b` (outgoing only) and `c` (disabled).
    private func manifest(_ extra: String = "", aFields: String = "") -> String {
        """
        defaults: { inbound_destination: { extensions: ["100"] } }
        extensions: [{ number: "100", password: { env: E } }]
        providers:
          - { name: a, server: a.example, login: "1", password: { env: A }\(aFields) }
          - { name: b, server: b.example, login: "1", password: { env: B }, calls: { incoming: false } }
          - { name: c, server: c.example, login: "1", password: { env: C }, enabled: false }

        """ + extra
    }

    @Test func generatedRulesFollowExplicitOnesInProviderOrder() throws {
        let result = check(manifest("outbound:\n  - { name: mobile, starts_with: [\"89\"], routes: [b] }\n"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.outbound.map(\.name.value) == ["mobile", "outbound-a", "outbound-b"])
        #expect(result.manifest.outbound.map(\.origin) == [.explicit, .generated(provider: "a"), .generated(provider: "b")])
        #expect(result.manifest.inbound.map(\.name.value) == ["inbound-a"])
        let generated = try #require(result.manifest.outbound.last)
        #expect(generated.prefixes.isEmpty)
        #expect(generated.routes.map(\.provider.value) == ["b"])
        #expect(result.manifest.inbound.first?.destination?.extensions.map(\.value) == ["100"])
        #expect(result.manifest.inbound.first?.provider?.value == "a")
    }

    @Test func explicitRuleOfTheSameNameReplacesTheGeneratedOne() {
        let result = check(manifest("""
            outbound:
              - { name: outbound-a, starts_with: ["8"], routes: [a] }
            inbound:
              - { name: inbound-a, provider: a, to: { extensions: ["100"] } }
            """))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.outbound.map(\.name.value) == ["outbound-a", "outbound-b"])
        #expect(result.manifest.outbound.first?.origin == .explicit)
        #expect(result.manifest.inbound.map(\.origin) == [.explicit])
    }

    @Test func rulesNoneSuppressesGeneration() {
        let result = check(manifest(aFields: ", rules: { inbound: none, outbound: none }"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.inbound.isEmpty)
        #expect(result.manifest.outbound.map(\.name.value) == ["outbound-b"])
    }

    @Test func generatedInboundRuleNeedsADefaultDestination() throws {
        let yaml = manifest().replacingOccurrences(of: "defaults: { inbound_destination: { extensions: [\"100\"] } }\n", with: "")
        let result = check(yaml)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(locations(result) == ["SB2073@3:13"])
        #expect(diagnostic.help?.contains("rules: { inbound: none }") == true)
    }

    @Test func expansionIsTheSameWhateverTheFileOrder() {
        let files = [
            ManifestInput(name: "z.yaml", text: "providers:\n  - { name: z, server: z.example, login: \"1\", password: { env: Z } }\n"),
            ManifestInput(name: "a.yaml", text: manifest()),
        ]
        let forward = ManifestChecker().check(files).manifest.outbound.map(\.name.value)
        let backward = ManifestChecker().check(files.reversed()).manifest.outbound.map(\.name.value)
        #expect(forward == ["outbound-a", "outbound-b", "outbound-z"])
        #expect(backward == forward)
    }
}
