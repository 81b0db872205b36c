import SIP
import Testing

/// Messages back to bytes: CRLF, canonical names, a correct Content-Length, and round trips.
@Suite struct SerializerTests {
    @Test(arguments: [Fixture.register, Fixture.options, Fixture.unauthorized])
    func roundTripIsByteIdenticalForCanonicalInput(_ lines: [String]) throws {
        let bytes = Fixture.bytes(lines)
        let message = try SIPParser.parse(bytes).get()
        #expect(message.serialize() == bytes)
    }

    @Test func roundTripWithBody() throws {
        let bytes = Fixture.bytes(Fixture.invite, body: Fixture.inviteBody)
        let message = try SIPParser.parse(bytes).get()
        #expect(message.serialize() == bytes)
        #expect(try SIPParser.parse(message.serialize()).get() == message)
    }

    @Test func compactAndOddlyCasedNamesAreWrittenCanonically() throws {
        let lines = [
            "REGISTER sip:example.com SIP/2.0",
            "v: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
            "t: <sip:bob@example.com>",
            "FROM: <sip:bob@example.com>;tag=1",
            "i: abc",
            "cseq: 1 REGISTER",
            "www-authenticate: Digest realm=\"x\"",
            "X-Odd-Case: kept",
            "l: 0",
        ]
        let text = String(decoding: try Fixture.parse(lines).get().serialize(), as: UTF8.self)
        #expect(text == """
            REGISTER sip:example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r
            To: <sip:bob@example.com>\r
            From: <sip:bob@example.com>;tag=1\r
            Call-ID: abc\r
            CSeq: 1 REGISTER\r
            WWW-Authenticate: Digest realm="x"\r
            X-Odd-Case: kept\r
            Content-Length: 0\r
            \r

            """)
    }

    @Test func foldedInputIsWrittenUnfolded() throws {
        var lines = Fixture.options
        lines.insert("Subject: one", at: 2)
        lines.insert("  two", at: 3)
        let message = try Fixture.parse(lines).get()
        let text = String(decoding: message.serialize(), as: UTF8.self)
        #expect(text.contains("Subject: one two\r\n"))
        #expect(try SIPParser.parse(message.serialize()).get() == message)
    }

    @Test func contentLengthIsAlwaysTheBodySize() throws {
        var message = try Fixture.parse(Fixture.register).get()
        message.body = Array("hello".utf8)
        var text = String(decoding: message.serialize(), as: UTF8.self)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\nhello"))

        message.headers.remove(name: .contentLength)
        text = String(decoding: message.serialize(), as: UTF8.self)
        #expect(text.contains("Content-Length: 5\r\n\r\nhello"))

        message.headers.add(name: .contentLength, value: "99")
        message.headers.add(name: .contentLength, value: "98")
        text = String(decoding: message.serialize(), as: UTF8.self)
        #expect(text.split(separator: "Content-Length").count == 2)
    }

    @Test func builtMessage() throws {
        let uri = try #require(SIPAnyURI("sip:example.com"))
        let headers: SIPHeaders = [
            .via: "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
            .maxForwards: "70",
            .to: "<sip:bob@example.com>",
            .from: "<sip:bob@example.com>;tag=1",
            .callID: "abc",
            .cseq: "1 REGISTER",
        ]
        let message = SIPMessage(method: .register, uri: uri, headers: headers)
        let parsed = try SIPParser.parse(message.serialize()).get()
        #expect(parsed.method == .register)
        #expect(parsed.headers.first(name: .contentLength) == "0")
    }

    @Test func responseStartLine() throws {
        let message = SIPMessage(status: .intervalTooBrief, headers: [.minExpires: "60"])
        let text = String(decoding: message.serialize(), as: UTF8.self)
        #expect(text == "SIP/2.0 423 Interval Too Brief\r\nMin-Expires: 60\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func headerInjectionIsNeutralised() throws {
        var message = SIPMessage(status: .ok)
        message.headers.add(name: .subject, value: "evil\r\nVia: injected")
        let parsed = try #require(SIPParser.parse(message.serialize()).failureValue?.partialMessage)
        #expect(parsed.headers.count(name: .via) == 0)
        #expect(parsed.headers.first(name: .subject) == "evil  Via: injected")
    }

    @Test func serializeIntoAppends() throws {
        let message = try Fixture.parse(Fixture.options).get()
        var buffer = Array("prefix".utf8)
        message.serialize(into: &buffer)
        #expect(Array(buffer.dropFirst(6)) == message.serialize())
    }
}
