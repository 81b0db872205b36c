import SIP
import Testing

/// Via values (RFC 3261 §20.42) and the RFC 3581 rport parameter.
@Suite struct ViaTests {
    @Test func allTheParameters() throws {
        let via = try #require(SIPVia("SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK776asdhds;received=198.51.100.1;rport=5062;maddr=239.255.255.1;ttl=16;custom"))
        #expect(via.protocolName == "SIP")
        #expect(via.protocolVersion == "2.0")
        #expect(via.transport == .udp)
        #expect(via.host == SIPHost("192.0.2.4"))
        #expect(via.port == 5060)
        #expect(via.branch == "z9hG4bK776asdhds")
        #expect(via.received == SIPHost("198.51.100.1"))
        #expect(via.rport == .port(5062))
        #expect(via.maddr == SIPHost("239.255.255.1"))
        #expect(via.ttl == 16)
        #expect(via.parameters.contains("custom"))
    }

    @Test func rportPresentWithoutValueVersusAbsent() throws {
        #expect(SIPVia("SIP/2.0/UDP h;branch=z9hG4bK1;rport")?.rport == .requested)
        #expect(SIPVia("SIP/2.0/UDP h;branch=z9hG4bK1")?.rport == nil)
        #expect(SIPVia("SIP/2.0/UDP h;branch=z9hG4bK1;RPORT=1")?.rport == .port(1))
    }

    @Test func transportIsUpperCased() throws {
        let via = try #require(SIPVia("sip/2.0/tcp example.com"))
        #expect(via.transport == .tcp)
        #expect(via.transport.isStream)
        #expect(via.transport.defaultPort == 5060)
        #expect(SIPTransport.tls.defaultPort == 5061)
        #expect(via.branch == nil)
        #expect(!via.hasRFC3261Branch)
    }

    @Test func ipv6SentByAndReceived() throws {
        let via = try #require(SIPVia("SIP/2.0/TCP [2001:db8::9]:5061;branch=z9hG4bK1;received=2001:DB8::10"))
        #expect(via.host.kind == .ipv6)
        #expect(via.port == 5061)
        #expect(via.received == SIPHost("[2001:db8::10]"))
    }

    @Test func settingParameters() throws {
        var via = try #require(SIPVia("SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK1;rport"))
        via.rport = .port(4000)
        via.received = SIPHost("[2001:db8::1]")
        #expect(via.description == "SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK1;rport=4000;received=2001:db8::1")
        via.rport = nil
        via.received = nil
        via.branch = "z9hG4bK2"
        #expect(via.description == "SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK2")
        #expect(SIPVia(via.description) == via)
    }

    @Test(arguments: [
        "", "SIP/2.0/UDP", "SIP/2.0 host", "SIP/2.0/UDP host:", "SIP/2.0/UDP host:65536", "SIP/2.0/UDPhost",
        "SIP/2.0/UDP host;branch", "SIP/2.0/UDP host;branch=a b", "SIP/2.0/UDP host;received=host.example",
        "SIP/2.0/UDP host;received", "SIP/2.0/UDP host;rport=x", "SIP/2.0/UDP host;ttl=300", "SIP/2.0/UDP host;maddr",
        "SIP/2.0/UDP [::1;branch=z9hG4bK1", "SIP/2.0/UDP host extra", "SIP//UDP host",
    ])
    func invalid(_ text: String) {
        #expect(SIPVia(text) == nil, "\(text)")
    }
}
