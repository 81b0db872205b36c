import Testing
@testable import ManifestCompiler

/// Extensions, inbound and outbound rules and defaults, decoded with spans and typed by field.
@Suite struct DialPlanDecodingTests {
    private let base = """
        providers:
          - { name: acme, server: sip.acme.example, login: "100", password: { env: P }, rules: { inbound: none } }
        extensions:
          - { number: "100", password: { env: E100 } }
          - { number: "101", display_name: Anna, password: { env: E101 } }

        """

    @Test func everySectionDecodes() throws {
        let yaml = base + """
            defaults:
              inbound_destination: { extensions: ["100"], ring: in_order }
            inbound:
              - name: office
                provider: acme
                starts_with: ["7495", "+7495"]
                caller_starts_with: "+7"
                to: { extensions: ["100", "101"], ring: together }
            outbound:
              - name: mobile
                starts_with: ["89"]
                length: { min: 11, max: 11 }
                caller_id: "+74951234567"
                routes:
                  - { provider: acme, strip: 1, prepend: "+7" }
                  - acme
            """
        let result = check(yaml)
        #expect(result.diagnostics.isEmpty)
        let manifest = result.manifest
        #expect(manifest.extensions.map(\.number.value) == ["100", "101"])
        #expect(manifest.extensions[1].displayName?.value == "Anna")
        #expect(manifest.defaults.inboundDestination?.ring?.value == .inOrder)
        let inbound = try #require(manifest.inbound.first)
        #expect(inbound.provider?.value == "acme")
        #expect(inbound.calledPrefixes.map(\.value) == ["7495", "+7495"])
        #expect(inbound.callerPrefixes.map(\.value) == ["+7"])
        #expect(inbound.destination?.extensions.map(\.value) == ["100", "101"])
        let outbound = try #require(manifest.outbound.first)
        #expect(outbound.minLength?.value == 11 && outbound.maxLength?.value == 11)
        #expect(outbound.callerID?.value == "+74951234567")
        #expect(outbound.routes.map(\.provider.value) == ["acme", "acme"])
        #expect(outbound.routes[0].strip?.value == 1)
        #expect(outbound.routes[0].prepend?.value == "+7")
        #expect(outbound.routes[1].strip == nil)
        #expect(outbound.name.span.start.line == 15)
    }

    @Test(arguments: [
        ("- { number: \"+100\", password: { env: E } }", "SB2042"),
        ("- { number: \"12345678901\", password: { env: E } }", "SB2042"),
        ("- { number: \"10a\", password: { env: E } }", "SB2042"),
        ("- { number: \"102\" }", "SB2004"),
        ("- { password: { env: E } }", "SB2004"),
        ("- { number: \"102\", password: { env: E }, name: Bob }", "SB2001"),
    ])
    func invalidExtensions(_ entry: String, _ code: String) {
        #expect(codes(check(base + "  " + entry + "\n")) == [code])
    }

    @Test(arguments: [
        ("starts_with: [\"8 800\"]", "SB2043"), ("starts_with: [\"\"]", "SB2003"), ("starts_with: [\"8+\"]", "SB2043"),
        ("starts_with: []", "SB2003"), ("length: { min: 12, max: 11 }", "SB2044"), ("length: { min: 0 }", "SB2008"),
        ("caller_id: \"84951234567\"", "SB2041"), ("routes: [{ provider: acme, strip: 21 }]", "SB2008"),
        ("routes: [{ provider: acme, prepend: \"+7 \" }]", "SB2043"), ("routes: []", "SB2003"),
        ("routes: [{ strip: 1 }]", "SB2004"), ("routes: acme", "SB2002"),
    ])
    func invalidOutboundFields(_ field: String, _ code: String) {
        let rule = "outbound:\n  - name: r\n    routes: [acme]\n    \(field)\n"
        let yaml = base + (field.hasPrefix("routes") ? rule.replacingOccurrences(of: "    routes: [acme]\n", with: "") : rule)
        #expect(codes(check(yaml)) == [code])
    }

    @Test func rulesNeedNamesAndDestinations() {
        #expect(codes(check(base + "inbound:\n  - { provider: acme }\n")) == ["SB2004", "SB2004"])
        #expect(codes(check(base + "outbound:\n  - { name: Mobile, routes: [acme] }\n")) == ["SB2010"])
        #expect(codes(check(base + "inbound:\n  - { name: a, to: { ring: together } }\n")) == ["SB2004"])
        #expect(codes(check(base + "inbound:\n  - { name: a, to: { extensions: [\"100\"], ring: serial } }\n")) == ["SB2007"])
    }

    @Test func defaultsMayBeSetOnceAcrossFiles() throws {
        let defaults = "defaults:\n  inbound_destination: { extensions: [\"100\"] }\n"
        let result = ManifestChecker().check([
            ManifestInput(name: "a.yaml", text: base + defaults),
            ManifestInput(name: "b.yaml", text: defaults),
        ])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .duplicateSetting)
        #expect(diagnostic.span.file == "b.yaml")
        #expect(diagnostic.related.first?.span.file == "a.yaml")
    }

    @Test func duplicateRuleNamesAndExtensionNumbers() {
        let yaml = base + """
              - { number: "100", password: { env: X } }
            outbound:
              - { name: r, routes: [acme] }
              - { name: r, routes: [acme] }
            inbound:
              - { name: r, to: { extensions: ["100"] } }
            """
        // An inbound and an outbound rule may share a name; two outbound rules may not.
        #expect(locations(check(yaml)) == ["SB2011@6:15", "SB2011@9:13", "SB2066@9:13"])
    }
}
