import SIP
import Testing

/// Responses built from requests (RFC 3261 §8.2.6) with RFC 3581 applied to the top Via.
@Suite struct ResponseBuilderTests {
    private func request(via: String = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport", to: String = "Bob <sip:bob@example.com>") throws -> SIPMessage {
        var lines = Fixture.replacing("Via", with: "Via: " + via, in: Fixture.register)
        lines = Fixture.replacing("To", with: "To: " + to, in: lines)
        lines.insert("Via: SIP/2.0/TCP proxy.example.com;branch=z9hG4bK2, SIP/2.0/UDP edge.example.com;branch=z9hG4bK3", at: 2)
        return try Fixture.parse(lines).get()
    }

    @Test func copiesTheTransactionHeaders() throws {
        let request = try request()
        let response = try SIPResponseBuilder(request: request).response(.ok, toTag: "as83kd9")
        #expect(response.statusCode == 200)
        #expect(response.statusLine?.reasonPhrase == "OK")
        #expect(response.headers.map(\.name) == [.via, .via, .from, .to, .callID, .cseq, .contentLength])
        #expect(response.headers[.via] == request.headers[.via])
        #expect(response.headers.first(name: .from) == request.headers.first(name: .from))
        #expect(response.headers.first(name: .to) == "Bob <sip:bob@example.com>;tag=as83kd9")
        #expect(response.headers.first(name: .callID) == "843817637684230@998sdasdh09")
        #expect(response.headers.first(name: .cseq) == "1826 REGISTER")
        #expect(response.headers.first(name: .contentLength) == "0")
        #expect(try response.headers.vias.map(\.branch) == ["z9hG4bKnashds7", "z9hG4bK2", "z9hG4bK3"])
        // The response parses as a valid message.
        #expect(try SIPParser.parse(response.serialize()).get() == response)
    }

    @Test func existingToTagIsKept() throws {
        let request = try request(to: "<sip:bob@example.com>;tag=existing")
        let response = try SIPResponseBuilder(request: request).response(.ok, toTag: "new")
        #expect(try response.headers.to.tag == "existing")
    }

    @Test func noTagWhenNoneIsGiven() throws {
        let response = try SIPResponseBuilder(request: try request()).response(.trying)
        #expect(try response.headers.to.tag == nil)
    }

    @Test func addrSpecToGetsItsTagAsAHeaderParameter() throws {
        let request = try request(to: "sip:bob@example.com")
        let response = try SIPResponseBuilder(request: request).response(.ok, toTag: "t1")
        let to = try response.headers.to
        #expect(to.tag == "t1")
        #expect(to.uri.sipURI?.parameters.isEmpty == true)
    }

    @Test func topViaIsCopiedVerbatimWhenRFC3581AddsNothing() throws {
        let via = "SIP/2.0/UDP 192.0.2.10:5060 ;branch=z9hG4bKnashds7;X=\"a  b\""
        let source = try #require(SIPPeerAddress(ipAddress: "192.0.2.10", port: 5060))
        let response = try SIPResponseBuilder(request: try request(via: via), source: source).response(.ok, toTag: "x")
        #expect(response.headers.first(name: .via) == via)
    }

    @Test func aTopViaAndToParsedByTheCallerGiveTheSameResponse() throws {
        let request = try request()
        let source = try #require(SIPPeerAddress(ipAddress: "203.0.113.5", port: 40112))
        let plain = try SIPResponseBuilder(request: request, source: source).response(.ok, toTag: "x")
        let reused = try SIPResponseBuilder(
            request: request, source: source, topVia: request.headers.topVia, to: request.headers.to
        ).response(.ok, toTag: "x")
        #expect(reused == plain)
    }

    @Test func rportAndReceivedWhenBehindNAT() throws {
        let source = try #require(SIPPeerAddress(ipAddress: "203.0.113.5", port: 40112))
        let response = try SIPResponseBuilder(request: try request(), source: source).response(.ok, toTag: "x")
        let top = try response.headers.topVia
        #expect(top.rport == .port(40112))
        #expect(top.received == SIPHost("203.0.113.5"))
        #expect(response.headers.first(name: .via) == "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport=40112;received=203.0.113.5")
        // Only the top Via changes.
        #expect(response.headers[.via].last == "SIP/2.0/TCP proxy.example.com;branch=z9hG4bK2, SIP/2.0/UDP edge.example.com;branch=z9hG4bK3")
    }

    @Test func rportRequestedFromTheSentByAddressStillAddsReceived() throws {
        // RFC 3581 §4: received is always inserted when rport is filled in.
        let source = try #require(SIPPeerAddress(ipAddress: "192.0.2.10", port: 5060))
        let top = try SIPResponseBuilder(request: try request(), source: source).response(.ok).headers.topVia
        #expect(top.rport == .port(5060))
        #expect(top.received == SIPHost("192.0.2.10"))
    }

    @Test func noRportWhenNotRequested() throws {
        let request = try request(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1")
        let sameSource = try #require(SIPPeerAddress(ipAddress: "192.0.2.10", port: 5070))
        let unchanged = try SIPResponseBuilder(request: request, source: sameSource).response(.ok)
        #expect(unchanged.headers.first(name: .via) == "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1")

        let otherSource = try #require(SIPPeerAddress(ipAddress: "198.51.100.7", port: 5070))
        let top = try SIPResponseBuilder(request: request, source: otherSource).response(.ok).headers.topVia
        #expect(top.received == SIPHost("198.51.100.7"))
        #expect(top.rport == nil)
    }

    @Test func hostNameSentByAlwaysGetsReceived() throws {
        let request = try request(via: "SIP/2.0/UDP phone.example.com;branch=z9hG4bK1")
        let source = try #require(SIPPeerAddress(ipAddress: "192.0.2.10", port: 5060))
        let top = try SIPResponseBuilder(request: request, source: source).response(.ok).headers.topVia
        #expect(top.received == SIPHost("192.0.2.10"))
    }

    @Test func ipv6ReceivedIsWrittenWithoutBrackets() throws {
        let request = try request(via: "SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bK1;rport")
        let source = try #require(SIPPeerAddress(ipAddress: "[2001:DB8:0::10]", port: 6000))
        let response = try SIPResponseBuilder(request: request, source: source).response(.ok)
        #expect(response.headers.first(name: .via) == "SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bK1;rport=6000;received=2001:db8::10")
    }

    @Test func equivalentIPv6SentByIsNotDifferent() throws {
        let request = try request(via: "SIP/2.0/UDP [2001:DB8:0:0::9]:5060;branch=z9hG4bK1")
        let source = try #require(SIPPeerAddress(ipAddress: "2001:db8::9", port: 5060))
        let top = try SIPResponseBuilder(request: request, source: source).response(.ok).headers.topVia
        #expect(top.received == nil)
    }

    @Test func existingReceivedIsReplaced() throws {
        let request = try request(via: "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1;received=10.0.0.1")
        let source = try #require(SIPPeerAddress(ipAddress: "203.0.113.5", port: 5060))
        let response = try SIPResponseBuilder(request: request, source: source).response(.ok)
        #expect(response.headers.first(name: .via) == "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1;received=203.0.113.5")
    }

    @Test func responsesAreNotAnswered() throws {
        let response = try Fixture.parse(Fixture.unauthorized).get()
        #expect(throws: SIPParseError(.notARequest)) { try SIPResponseBuilder(request: response).response(.ok) }
    }

    @Test func errorResponseForAnAnswerableError() throws {
        let lines = Fixture.replacing("CSeq", with: "CSeq: 1826 INVITE", in: Fixture.register)
        let error = try #require(Fixture.error(lines))
        let source = try #require(SIPPeerAddress(ipAddress: "203.0.113.5", port: 40112))
        let response = try #require(SIPResponseBuilder.errorResponse(for: error, source: source, toTag: "e1"))
        let text = String(decoding: response.serialize(), as: UTF8.self)
        #expect(text.hasPrefix("SIP/2.0 400 CSeq method mismatch\r\n"))
        #expect(try response.headers.topVia.received == SIPHost("203.0.113.5"))
        #expect(try response.headers.to.tag == "e1")
        #expect(response.headers.first(name: .cseq) == "1826 INVITE")
    }

    @Test func errorResponseForVersion() throws {
        var lines = Fixture.register
        lines[0] = "REGISTER sip:example.com SIP/2.1"
        let error = try #require(Fixture.error(lines))
        let response = try #require(SIPResponseBuilder.errorResponse(for: error))
        #expect(response.statusCode == 505)
    }

    @Test func noErrorResponseWithoutTheNeededHeaders() throws {
        let error = try #require(Fixture.error(Fixture.removing("From", from: Fixture.register)))
        #expect(SIPResponseBuilder.errorResponse(for: error) == nil)
    }

    @Test func peerAddressAcceptsOnlyIPAddresses() {
        #expect(SIPPeerAddress(ipAddress: "example.com", port: 5060) == nil)
        #expect(SIPPeerAddress(ipAddress: "192.0.2.1", port: 70000) == nil)
        #expect(SIPPeerAddress(ipAddress: "192.0.2.1", port: -1) == nil)
        #expect(SIPPeerAddress(ipAddress: "::1", port: 5060)?.description == "[::1]:5060")
    }
}
