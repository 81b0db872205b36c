import SIP
import Testing

/// Hosts: names, IPv4, IPv6 references, and their canonical forms.
@Suite struct HostTests {
    @Test(arguments: [
        ("example.com", "example.com", SIPHost.Kind.hostname),
        ("Example.COM", "example.com", .hostname),
        ("host-1.example.com.", "host-1.example.com.", .hostname),
        ("localhost", "localhost", .hostname),
        ("192.0.2.1", "192.0.2.1", .ipv4),
        ("192.000.002.001", "192.0.2.1", .ipv4),
        ("10.0.0.1", "10.0.0.1", .ipv4),
        ("0.0.0.0", "0.0.0.0", .ipv4),
        ("100.0.10.200", "100.0.10.200", .ipv4),
        ("1.02.3.4", "1.2.3.4", .ipv4),
        ("1.2.3.00", "1.2.3.0", .ipv4),
        ("[2001:db8::1]", "[2001:db8::1]", .ipv6),
        ("[2001:DB8:0:0:0:0:0:1]", "[2001:db8::1]", .ipv6),
        ("[::]", "[::]", .ipv6),
        ("[::1]", "[::1]", .ipv6),
        ("[1::]", "[1::]", .ipv6),
        ("[2001:db8:0:0:1:0:0:1]", "[2001:db8::1:0:0:1]", .ipv6),
        ("[2001:0:0:1:0:0:0:1]", "[2001:0:0:1::1]", .ipv6),
        ("[1:2:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8]", .ipv6),
        ("[1:0:3:4:5:6:7:8]", "[1:0:3:4:5:6:7:8]", .ipv6),
        ("[::ffff:192.0.2.1]", "[::ffff:c000:201]", .ipv6),
    ])
    func canonicalForms(_ text: String, _ canonical: String, _ kind: SIPHost.Kind) throws {
        let host = try #require(SIPHost(text))
        #expect(host.kind == kind)
        #expect(host.text == text)
        #expect(host.canonical == canonical)
    }

    @Test(arguments: [
        "", ".", "example..com", "-example.com", "example-.com", "exa mple.com", "1.2.3.4.5", "256.1.1.1",
        "1.2.3", "[2001:db8::1", "2001:db8::1", "[2001:db8:::1]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]",
        "[12345::1]", "[::1::2]", "[1.2.3.4]", "[::1%eth0]", "[:1]", "[1:]", String(repeating: "a", count: 64) + ".com",
        "ex@mple.com", "bücher.example",
    ])
    func invalid(_ text: String) {
        #expect(SIPHost(text) == nil, "\(text)")
    }

    @Test func bareIPv6OnlyWhenAllowed() throws {
        let host = try #require(SIPHost("2001:db8::1", allowBareIPv6: true))
        #expect(host == SIPHost("[2001:db8::1]"))
        #expect(host.addressText == "2001:db8::1")
    }

    @Test func equalityIsByCanonicalForm() {
        #expect(SIPHost("EXAMPLE.com") == SIPHost("example.COM"))
        #expect(SIPHost("[2001:db8:0::1]") == SIPHost("[2001:DB8::1]"))
        #expect(SIPHost("192.0.2.1") != SIPHost("192.0.2.10"))
        #expect(Set([SIPHost("a.example"), SIPHost("A.EXAMPLE")]).count == 1)
    }
}
