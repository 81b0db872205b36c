import SIP
import Testing

/// RFC 5118: IPv6 references in the Request-URI, Via, Contact and bodies.
@Suite struct RFC5118Tests {
    private static let ipv6 = SIPHost.Kind.ipv6

    /// §4.1: an IPv6 reference in the Request-URI, Via and Contact.
    @Test func ipv6Good() throws {
        let message = try TortureFixture.rfc5118("ipv6-good").message()
        #expect(message.requestURI?.sipURI?.host == SIPHost("[2001:db8::10]"))
        #expect(message.requestURI?.sipURI?.host.kind == Self.ipv6)
        #expect(try message.headers.topVia.host == SIPHost("[2001:db8::9:1]"))
        let contacts = try message.headers.contactAddresses
        #expect(contacts.first?.uri.sipURI?.host == SIPHost("[2001:db8::1]"))
        #expect(contacts.first?.displayName == "Caller")
    }

    /// §4.2: an IPv6 address without `[ ]` in the Request-URI: 400.
    @Test func ipv6Bad() throws {
        let error = try #require(TortureFixture.rfc5118("ipv6-bad").parsed.failureValue)
        #expect(error.kind == .malformedRequestURI)
        #expect(error.status.code == 400)
        #expect(error.canBuildResponse)
    }

    /// §4.3: `[2001:db8::10:5070]` is an address, not an address and a port.
    @Test func portAmbiguous() throws {
        let uri = try #require(try TortureFixture.rfc5118("port-ambiguous").message().requestURI?.sipURI)
        #expect(uri.host == SIPHost("[2001:db8::10:5070]"))
        #expect(uri.port == nil)
    }

    /// §4.4: the port after `]`.
    @Test func portUnambiguous() throws {
        let uri = try #require(try TortureFixture.rfc5118("port-unambiguous").message().requestURI?.sipURI)
        #expect(uri.host == SIPHost("[2001:db8::10]"))
        #expect(uri.port == 5070)
    }

    /// §4.5: `received` with and without `[ ]`; both must be read.
    @Test(arguments: ["via-received-param-with-delim", "via-received-param-no-delim"])
    func viaReceived(_ name: String) throws {
        let via = try TortureFixture.rfc5118(name).message().headers.topVia
        #expect(via.host == SIPHost("[2001:db8::9:1]"))
        #expect(via.received == SIPHost("[2001:db8::9:255]"))
    }

    /// §4.6: IPv6 in the SDP. The RFC's listing declares Content-Length 268 for a 251-octet
    /// body, so over UDP this is a 400 (RFC 3261 §18.3); the IPv6 references still parse.
    @Test func ipv6InSDP() throws {
        let error = try #require(TortureFixture.rfc5118("ipv6-in-sdp").parsed.failureValue)
        #expect(error.kind == .contentLengthMismatch)
        #expect(error.canBuildResponse)
        let message = try #require(error.partialMessage)
        #expect(message.requestURI?.sipURI?.host == SIPHost("[2001:db8::10]"))
        #expect(try message.headers.topVia.host == SIPHost("[2001:db8::20]"))
    }

    /// §4.7: IPv4 and IPv6 Vias mixed, a port after an IPv6 reference, `received` IPv4.
    @Test func multipleIPsInHeaders() throws {
        let vias = try TortureFixture.rfc5118("mult-ip-in-header").message().headers.vias
        try #require(vias.count == 3)
        #expect(vias.map(\.host) == [SIPHost("[2001:db8::9:1]"), SIPHost("192.0.2.1"), SIPHost("[2001:db8::9:255]")])
        #expect(vias[0].port == 6050)
        #expect(vias[2].transport == .tcp)
        #expect(vias[2].received == SIPHost("192.0.2.200"))
    }

    /// §4.8: IPv4 and IPv6 in the SDP (the declared length is shorter than the body; the
    /// octets after it are not part of the message, RFC 3261 §18.3).
    @Test func multipleIPsInSDP() throws {
        let message = try TortureFixture.rfc5118("mult-ip-in-sdp").message()
        #expect(message.body.count == 181)
        #expect(String(decoding: message.body, as: UTF8.self).contains("c=IN IP6 2001:db8::1"))
    }

    /// §4.9: IPv4-mapped IPv6 addresses in Via (with a port) and Contact.
    @Test func ipv4MappedIPv6() throws {
        let message = try TortureFixture.rfc5118("ipv4-mapped-ipv6").message()
        let vias = try message.headers.vias
        try #require(vias.count == 2)
        #expect(vias[0].host == SIPHost("[::ffff:192.0.2.10]"))
        #expect(vias[0].host.kind == Self.ipv6)
        #expect(vias[0].port == 19823)
        #expect(vias[1].host == SIPHost("[::ffff:192.0.2.2]"))
        let contacts = try message.headers.contactAddresses
        #expect(contacts.first?.displayName == "T. desk phone")
        #expect(contacts.first?.uri.sipURI?.host == SIPHost("[::ffff:192.0.2.2]"))
    }

    /// §4.10: the three-colon reference RFC 3261's ABNF allows by mistake is not an IPv6
    /// address; we refuse it (the RFC lets an element be robust, not obliged to). To carries
    /// the same reference, so nothing can be answered. The two-colon form parses.
    @Test func threeColonsAreRefusedTwoColonsParse() throws {
        let error = try #require(TortureFixture.rfc5118("ipv6-bug-abnf-3-colons").parsed.failureValue)
        #expect(error.kind == .malformedRequestURI)
        let correct = try TortureFixture.rfc5118("ipv6-correct-abnf-2-colons").message()
        #expect(correct.requestURI?.sipURI?.host == SIPHost("[2001:db8::192.0.2.1]"))
        #expect(correct.requestURI?.sipURI?.host.kind == Self.ipv6)
    }
}
