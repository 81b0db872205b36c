import SIP
import Testing

/// Ordinary, well-formed messages of the kinds a registrar sees.
@Suite struct ValidMessageTests {
    @Test func register() throws {
        let message = try Fixture.parse(Fixture.register).get()
        #expect(message.isRequest)
        #expect(message.method == .register)
        #expect(message.requestURI?.sipURI?.host.canonical == "registrar.example.com")
        #expect(message.version == .sip2_0)
        #expect(message.headers.count == 9)
        #expect(message.body.isEmpty)

        let headers = message.headers
        #expect(try headers.callID == "843817637684230@998sdasdh09")
        #expect(try headers.cseq == SIPCSeq(sequenceNumber: 1826, method: .register))
        #expect(try headers.maxForwards == 70)
        #expect(try headers.expires == 7200)
        #expect(try headers.contentLength == 0)
        #expect(try headers.to.uri.sipURI?.addressOfRecord == "sip:bob@example.com")
        #expect(try headers.to.displayName == "Bob")
        #expect(try headers.to.tag == nil)
        #expect(try headers.from.tag == "456248")

        let via = try headers.topVia
        #expect(via.transport == .udp)
        #expect(via.host.canonical == "192.0.2.10")
        #expect(via.port == 5060)
        #expect(via.branch == "z9hG4bKnashds7")
        #expect(via.hasRFC3261Branch)
        #expect(via.rport == .requested)

        guard case .addresses(let contacts) = try headers.contact else {
            Issue.record("expected contact addresses")
            return
        }
        #expect(contacts.count == 1)
        #expect(contacts.first?.uri.sipURI?.port == 5060)
    }

    @Test func inviteWithBody() throws {
        let message = try Fixture.parse(Fixture.invite, body: Fixture.inviteBody).get()
        #expect(message.method == .invite)
        #expect(message.body == Array(Fixture.inviteBody.utf8))
        #expect(message.headers.first(name: .contentType) == "application/sdp")
        #expect(try message.headers.topVia.transport == .tcp)
        #expect(try message.headers.topVia.port == 5060)
    }

    @Test func options() throws {
        let message = try Fixture.parse(Fixture.options).get()
        #expect(message.method == .options)
        #expect(try message.headers.topVia.port == nil)
        #expect(try message.headers.to.displayName == nil)
        #expect(message.headers.first(name: "accept") == "application/sdp")
    }

    @Test func responseWithChallenge() throws {
        let message = try Fixture.parse(Fixture.unauthorized).get()
        #expect(!message.isRequest)
        #expect(message.statusCode == 401)
        #expect(message.statusLine?.reasonPhrase == "Unauthorized")
        #expect(message.method == nil)
        let via = try message.headers.topVia
        #expect(via.received == SIPHost("203.0.113.5"))
        #expect(via.rport == .port(40112))

        let challenges = try message.headers.authValues(name: .wwwAuthenticate)
        #expect(challenges.count == 1)
        let challenge = try #require(challenges.first)
        #expect(challenge.isDigest)
        #expect(challenge["realm"] == "example.com")
        #expect(challenge["NONCE"] == "ea9c8e88df84f1cec4341ae6cbe5a359")
        #expect(challenge["opaque"] == "")
        #expect(challenge["stale"] == "FALSE")
        #expect(challenge.parameters.first { $0.name == "qop" }?.isQuoted == true)
        #expect(challenge.parameters.first { $0.name == "algorithm" }?.isQuoted == false)
    }

    @Test func responseWithoutReasonPhrase() throws {
        var lines = Fixture.unauthorized
        lines[0] = "SIP/2.0 200"
        let message = try Fixture.parse(lines).get()
        #expect(message.statusCode == 200)
        #expect(message.statusLine?.reasonPhrase == "")
    }

    @Test func utf8ReasonPhraseAndDisplayName() throws {
        var lines = Fixture.unauthorized
        lines[0] = "SIP/2.0 486 Занято"
        lines = Fixture.replacing("From", with: "From: \"Jürgen Müller\" <sip:bob@example.com>;tag=456248", in: lines)
        let message = try Fixture.parse(lines).get()
        #expect(message.statusLine?.reasonPhrase == "Занято")
        #expect(try message.headers.from.displayName == "Jürgen Müller")
    }

    @Test func crlfBeforeStartLineIsIgnored() throws {
        let bytes = Array("\r\n\r\n".utf8) + Fixture.bytes(Fixture.options)
        let message = try SIPParser.parse(bytes).get()
        #expect(message.method == .options)
    }

    @Test func bytesAfterContentLengthAreIgnoredOnUDP() throws {
        let message = try Fixture.parse(Fixture.options, body: "garbage that is not counted").get()
        #expect(message.body.isEmpty)
    }

    @Test func bodyWithoutContentLengthIsTheRestOfTheDatagram() throws {
        let lines = Fixture.removing("Content-Length", from: Fixture.invite)
        let message = try Fixture.parse(lines, body: Fixture.inviteBody).get()
        #expect(message.body == Array(Fixture.inviteBody.utf8))
    }

    @Test func parsesFromSlicesAndRawBuffers() throws {
        let bytes = Array("xx".utf8) + Fixture.bytes(Fixture.options)
        let slice = bytes[2...]
        #expect(try SIPParser.parse(slice).get().method == .options)
        let fromBuffer = bytes.withUnsafeBytes { SIPParser().parse(UnsafeRawBufferPointer(rebasing: $0[2...])) }
        #expect(try fromBuffer.get() == SIPParser.parse(slice).get())
    }

    @Test func dateHeader() throws {
        let lines = Fixture.register + ["Date: Sat, 13 Nov 2010 23:29:00 GMT"]
        let message = try Fixture.parse(lines).get()
        let date = try #require(try message.headers.date)
        #expect(date.secondsSince1970 == 1_289_690_940)
        #expect(date.description == "Sat, 13 Nov 2010 23:29:00 GMT")
    }

    @Test func requireAndSupported() throws {
        let lines = Fixture.register + ["Supported: path, outbound", "k: gruu", "Require: path"]
        let headers = try Fixture.parse(lines).get().headers
        #expect(try headers.supported == ["path", "outbound", "gruu"])
        #expect(try headers.require == ["path"])
        #expect(try headers.optionTags(name: .proxyRequire) == [])
    }

    @Test func minExpires() throws {
        var lines = Fixture.unauthorized
        lines[0] = "SIP/2.0 423 Interval Too Brief"
        lines.insert("Min-Expires: 3600", at: 5)
        let headers = try Fixture.parse(lines).get().headers
        #expect(try headers.minExpires == 3600)
        #expect(try headers.expires == nil)
    }

    @Test func theTransactionHeadersComeWithTheMessage() throws {
        var lines = Fixture.register
        lines.insert("Via: SIP/2.0/TCP proxy.example.com;branch=z9hG4bK2", at: 2)
        let parsed = try SIPParser.parseWithTransactionHeaders(Fixture.bytes(lines)).get()
        let headers = parsed.message.headers
        #expect(parsed.message == (try Fixture.parse(lines).get()))
        #expect(parsed.headers.topVia == (try headers.topVia))
        #expect(parsed.headers.to == (try headers.to))
        #expect(parsed.headers.callID == (try headers.callID))
        #expect(parsed.headers.cseq == (try headers.cseq))
    }

    @Test func noTransactionHeadersForAnInvalidMessage() {
        let lines = Fixture.replacing("CSeq", with: "CSeq: 1826 INVITE", in: Fixture.register)
        guard case .failure(let error) = SIPParser.parseWithTransactionHeaders(Fixture.bytes(lines)) else {
            Issue.record("a CSeq method mismatch must fail")
            return
        }
        #expect(error.kind == .cseqMethodMismatch)
    }
}
