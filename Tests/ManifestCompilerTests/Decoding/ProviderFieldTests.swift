import Testing
@testable import ManifestCompiler

@Suite struct ProviderFieldTests {
    @Test func everyFieldDecodes() throws {
        let yaml = """
            providers:
              - name: acme
                title: Acme Telecom
                enabled: false
                calls: { incoming: false, outgoing: true }
                server: sip.acme.example
                proxy: sbc.acme.example:5070
                transport: udp
                type: standard
                login: "74951234567"
                password: { file: /run/secrets/acme }
                lines: 4
                caller_id: "+74951234567"
                registration_ip: 203.0.113.10
                registration: { expires: 600 }
                rules: { inbound: none, outbound: auto }
            """
        let result = check(yaml)
        #expect(result.diagnostics.isEmpty)
        let acme = try #require(result.manifest.providers.first)
        #expect(acme.name.value == "acme")
        #expect(acme.title?.value == "Acme Telecom")
        #expect(acme.enabled?.value == false)
        #expect(acme.incomingCalls?.value == false)
        #expect(acme.outgoingCalls?.value == true)
        #expect(acme.proxy?.port == 5070)
        #expect(acme.transport?.value == .udp)
        #expect(acme.type?.value == .standard)
        #expect(acme.password?.value == .file("/run/secrets/acme"))
        #expect(acme.lines?.value == 4)
        #expect(acme.registrationIP?.value.description == "203.0.113.10")
        #expect(acme.registrationExpires?.value == 600)
        #expect(acme.inboundRule?.value == RuleGeneration.none)
        #expect(acme.outboundRule?.value == .auto)
        #expect(acme.name.span.start.line == 2)
        #expect(acme.name.span.start.column == 11)
    }

    @Test(arguments: ["Acme", "acme telecom", "1acme", "acme-", "acme--voip", "acme_voip", "ac.me"])
    func invalidNames(_ name: String) throws {
        let result = check(provider("name: \"\(name)\""))
        let diagnostic = try #require(result.diagnostics.first { $0.code == .invalidName })
        #expect(diagnostic.span.start.line == 2)
        #expect(result.manifest.providers.isEmpty)
    }

    @Test func invalidNameSuggestsASlugAndStillChecksTheRest() throws {
        let result = check(provider("name: Acme Telecom", "lines: 0"))
        #expect(result.diagnostics.map(\.code.id) == ["SB2010", "SB2008"])
        #expect(result.diagnostics.first?.help == "write `name: acme-telecom`")
    }

    @Test func entryWithARefusedNameIsStillCheckedByItsTypeRules() {
        let result = check("providers:\n  - name: Draft\n    type: trunk\n    login: x\n")
        #expect(codes(result) == ["SB2004", "SB2010", "SB2031", "SB2032"])
        let trunk = result.diagnostics.first { $0.code.id == "SB2031" }
        #expect(trunk?.message == "this provider is a trunk but no source address is known")
        #expect(result.manifest.providers.isEmpty, "a refused name keeps the entry out of the cross-object checks")
    }

    @Test func nameIsRequired() {
        #expect(codes(check(provider("name: <absent>"))) == ["SB2004"])
    }

    @Test(arguments: ["+74951234567", "+12", "+123456789012345"])
    func validCallerIDs(_ number: String) {
        #expect(check(provider("caller_id: \"\(number)\"")).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("74951234567", nil),
        ("+7 495 123-45-67", "write `caller_id: \"+74951234567\"`"),
        ("0074951234567", "write `caller_id: \"+74951234567\"`"),
        ("+0123", nil), ("+1", nil), ("+1234567890123456", nil), ("+7495abc", nil),
    ] as [(String, String?)])
    func invalidCallerIDs(_ number: String, _ help: String?) throws {
        let diagnostic = try #require(check(provider("caller_id: \"\(number)\"")).diagnostics.first)
        #expect(diagnostic.code == .invalidCallerID)
        if let help { #expect(diagnostic.help == help) } else { #expect(diagnostic.help?.contains("country code") == true) }
    }

    @Test(arguments: ["203.0.113.10", "2001:db8::10", "198.51.100.1"])
    func publicRegistrationIPs(_ address: String) {
        #expect(check(provider("registration_ip: \"\(address)\"")).diagnostics.isEmpty)
    }

    @Test(arguments: [
        "10.0.0.1", "172.16.5.4", "192.168.1.10", "127.0.0.1", "169.254.1.1", "100.64.0.1",
        "::1", "fe80::1", "fd00::1", "::ffff:192.168.1.1",
    ])
    func nonPublicRegistrationIPsWarn(_ address: String) throws {
        let result = check(provider("registration_ip: \"\(address)\""))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .nonPublicRegistrationIP)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.label == "the provider needs your external address")
        #expect(result.manifest.providers.first?.registrationIP != nil)
    }

    @Test(arguments: ["0.0.0.0", "224.0.0.1", "::", "sbc.example", "203.0.113.010", "203.0.113.10:5060"])
    func invalidRegistrationIPs(_ address: String) {
        #expect(codes(check(provider("registration_ip: \"\(address)\""))) == ["SB2022"])
    }

    @Test(arguments: [("60", true), ("86400", true), ("59", false), ("86401", false), ("1h", false)])
    func registrationExpiry(_ value: String, _ valid: Bool) {
        let result = check(provider("registration: { expires: \(value) }"))
        #expect(result.diagnostics.isEmpty == valid)
        #expect((result.manifest.providers.first?.registrationExpires != nil) == valid)
    }

    @Test func ruleGeneration() {
        #expect(codes(check(provider("rules: { inbound: off }"))) == ["SB2007"])
        #expect(codes(check(provider("rules: { inbound: none, outbound: none }"))).isEmpty)
    }
}
