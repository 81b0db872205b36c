import Testing
@testable import ManifestCompiler

@Suite struct ServerAddressTests {
    private func server(_ text: String) -> ManifestChecker.Result {
        check(provider("server: \(text)"))
    }

    @Test(arguments: [
        ("sip.acme.example", "sip.acme.example", nil),
        ("SIP.Acme.Example:5080", "sip.acme.example", 5080),
        ("203.0.113.5", "203.0.113.5", nil),
        ("203.0.113.5:65535", "203.0.113.5", 65535),
        ("\"[2001:db8::1]:5060\"", "[2001:db8::1]", 5060),
        ("2001:db8::1", "[2001:db8::1]", nil),
        ("\"[2001:DB8:0:0::1]\"", "[2001:db8::1]", nil),
        ("a-1.b", "a-1.b", nil),
    ] as [(String, String, Int?)])
    func validShorthands(_ text: String, _ host: String, _ port: Int?) throws {
        let result = server(text)
        #expect(result.diagnostics.isEmpty)
        let address = try #require(result.manifest.providers.first?.servers.first)
        #expect(address.host.description == host)
        #expect(address.port == port)
    }

    @Test func mappingForm() throws {
        let result = check(provider("server: { host: sip.acme.example, port: 5061, transport: tls }"))
        #expect(result.diagnostics.isEmpty)
        let address = try #require(result.manifest.providers.first?.servers.first)
        #expect(address.shorthand == "sip.acme.example:5061")
        #expect(address.transport == .tls)
    }

    @Test func failoverServersKeepTheirOrder() {
        let result = check(provider("servers: [b.example, \"a.example:5070\"]", "server: <absent>"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.providers.first?.servers.map(\.shorthand) == ["b.example", "a.example:5070"])
    }

    @Test func serverAndServersTogether() {
        #expect(codes(check(provider("servers: [b.example]"))) == ["SB2012"])
    }

    @Test(arguments: [
        ("sip:sip.acme.example", "write `server: sip.acme.example`"),
        ("sips:sip.acme.example:5061", "write `server: sip.acme.example:5061` and `transport: tls`"),
        ("\"sip:100@sip.acme.example;transport=tcp\"", "write `server: sip.acme.example` and `transport: tcp`"),
        ("user@sip.acme.example:5060", "write `server: sip.acme.example:5060`"),
        ("sip.acme.example/path", "write `server: sip.acme.example`"),
        ("\"sip.acme.example :5060\"", "write `server: sip.acme.example:5060`"),
    ])
    func uriPartsAreRefusedWithTheCorrectedValue(_ text: String, _ help: String) throws {
        let diagnostic = try #require(server(text).diagnostics.first)
        #expect(diagnostic.code == .invalidAddressSyntax)
        #expect(diagnostic.help == help)
    }

    @Test(arguments: [
        ("010.1.2.3", "the octet `010` has a leading zero, which some software reads as octal"),
        ("256.1.2.3", "the octet `256` is not between 0 and 255"),
        ("1.2.3", "an IPv4 address has 4 octets, this one 3"),
        ("sip_acme.example", "`_` is not allowed in a host name (label `sip_acme`); use letters, digits and `-`"),
        ("-acme.example", "the label `-acme` starts or ends with `-`"),
        ("acme..example", "a host name cannot have two dots in a row or start with a dot"),
        ("sip.acme.example.", "write the host name without the trailing dot"),
        ("\"fe80::1%eth0\"", "not a valid IPv6 address"),
        ("\"[2001:db8::g]:5060\"", "not a valid IPv6 address"),
    ])
    func invalidHosts(_ text: String, _ label: String) throws {
        let diagnostic = try #require(server(text).diagnostics.first)
        #expect(diagnostic.code == .invalidHost)
        #expect(diagnostic.label == label)
    }

    @Test func leadingZeroOctetSuggestsDecimal() throws {
        let diagnostic = try #require(server("010.1.2.3").diagnostics.first)
        #expect(diagnostic.help == "write `10.1.2.3` if that is the address you mean")
    }

    @Test func longLabelAndLongName() {
        let label = String(repeating: "a", count: 64)
        #expect(codes(server("\(label).example")) == ["SB2020"])
        let name = Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: ".")
        #expect(codes(server(name)) == ["SB2020"])
        #expect(codes(server(String(repeating: "c", count: 63) + ".example")).isEmpty)
    }

    @Test(arguments: ["sip.acme.example:0", "sip.acme.example:65536", "sip.acme.example:http", "\"sip.acme.example:\""])
    func invalidPorts(_ text: String) {
        #expect(codes(server(text)) == ["SB2008"])
    }

    @Test func mappingFormErrors() {
        #expect(codes(check(provider("server: { port: 5060 }"))) == ["SB2004"])
        #expect(codes(check(provider("server: { host: a.example, port: 0, transport: sctp }"))) == ["SB2008", "SB2007"])
        #expect(codes(check(provider("server: { host: \"a.example:5060\" }"))) == ["SB2020"])
    }

    @Test func proxyUsesTheSameRules() {
        let result = check(provider("proxy: \"sbc.acme.example:5070\""))
        #expect(result.manifest.providers.first?.proxy?.shorthand == "sbc.acme.example:5070")
        #expect(codes(check(provider("proxy: sip:sbc.acme.example"))) == ["SB2021"])
    }

    @Test func emptyAddressesHaveNoValue() {
        #expect(codes(check(provider("servers: [a.example, \"\"]", "server: <absent>"))) == ["SB2003"])
        #expect(codes(check(provider("servers: [a.example, ~]", "server: <absent>"))) == ["SB2003"])
        #expect(codes(check(provider("proxy: \"\""))) == ["SB2003"])
    }

    @Test func missingServer() {
        #expect(codes(check(provider("server: <absent>"))) == ["SB2004"])
    }
}
