import SIP
import Testing

/// Messages that must be refused, each with the specific error a `400` (or `505`) is built from.
@Suite struct InvalidMessageTests {
    @Test(arguments: ["Call-ID", "CSeq", "From", "To", "Via"])
    func missingMandatoryHeader(_ name: String) throws {
        let error = try #require(Fixture.error(Fixture.removing(name, from: Fixture.register)))
        #expect(error.kind == .missingHeader(SIPHeaderName(name)))
        #expect(error.status.code == 400)
        #expect(error.reasonPhrase == "Missing \(name)")
        #expect(error.partialMessage?.method == .register)
    }

    @Test func missingCallIDCanStillNotBeAnswered() throws {
        let error = try #require(Fixture.error(Fixture.removing("Call-ID", from: Fixture.register)))
        #expect(error.status == SIPResponseStatus(code: 400, reasonPhrase: "Missing Call-ID"))
        #expect(!error.canBuildResponse)
    }

    @Test func missingMaxForwardsIsAcceptedUnlessRequired() throws {
        let lines = Fixture.removing("Max-Forwards", from: Fixture.register)
        #expect(Fixture.error(lines) == nil)
        let strict = SIPParser(requiresMaxForwards: true)
        let error = try #require(Fixture.error(lines, parser: strict))
        #expect(error.kind == .missingHeader(.maxForwards))
        #expect(error.canBuildResponse)
    }

    @Test(arguments: ["CSeq: REGISTER", "CSeq: 1", "CSeq: x1 REGISTER", "CSeq: -1 REGISTER", "CSeq: 2147483648 REGISTER", "CSeq: 1 REGISTER extra", "CSeq: 1 REG/ISTER"])
    func badCSeq(_ line: String) throws {
        let error = try #require(Fixture.error(Fixture.replacing("CSeq", with: line, in: Fixture.register)))
        #expect(error.kind == .malformedHeader(.cseq))
        #expect(error.reasonPhrase == "Malformed CSeq")
        #expect(!error.canBuildResponse)
    }

    @Test func cseqMethodMismatch() throws {
        let error = try #require(Fixture.error(Fixture.replacing("CSeq", with: "CSeq: 1826 INVITE", in: Fixture.register)))
        #expect(error.kind == .cseqMethodMismatch)
        #expect(error.reasonPhrase == "CSeq method mismatch")
        #expect(error.canBuildResponse)
    }

    @Test func cseqMethodIsCaseSensitive() throws {
        let error = try #require(Fixture.error(Fixture.replacing("CSeq", with: "CSeq: 1826 register", in: Fixture.register)))
        #expect(error.kind == .cseqMethodMismatch)
    }

    @Test func duplicateSingletonHeaders() throws {
        let lines = Fixture.register + ["Call-ID: another"]
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .duplicateHeader(.callID))
        #expect(error.reasonPhrase == "Duplicate Call-ID")
    }

    @Test func contentLengthLargerThanBody() throws {
        let lines = Fixture.replacing("Content-Length", with: "Content-Length: 10", in: Fixture.register)
        let error = try #require(Fixture.error(lines, body: "short"))
        #expect(error.kind == .contentLengthMismatch)
        #expect(error.reasonPhrase == "Content-Length mismatch")
        #expect(error.canBuildResponse)
    }

    @Test func hugeContentLengthIsAMismatchNotAnOverflow() throws {
        let lines = Fixture.replacing("Content-Length", with: "Content-Length: 99999999999999999999999999", in: Fixture.register)
        #expect(Fixture.error(lines)?.kind == .contentLengthMismatch)
    }

    @Test(arguments: ["-1", "abc", "1.5", "+3", "0x10", ""])
    func negativeOrNonNumericContentLength(_ value: String) throws {
        let lines = Fixture.replacing("Content-Length", with: "Content-Length: \(value)", in: Fixture.register)
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .malformedHeader(.contentLength))
        #expect(error.reasonPhrase == "Malformed Content-Length")
    }

    @Test func conflictingContentLengths() throws {
        let lines = Fixture.register + ["l: 5"]
        #expect(Fixture.error(lines, body: "12345")?.kind == .malformedHeader(.contentLength))
    }

    @Test func headerWithoutColon() throws {
        let lines = Fixture.register + ["Subject this has no colon"]
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .headerWithoutColon)
        #expect(error.reasonPhrase == "Header without colon")
        #expect(error.partialMessage == nil)
    }

    @Test(arguments: [": value", "Bad@Name: value", "Bad Name: value", "Näme: value"])
    func invalidHeaderName(_ line: String) throws {
        let error = try #require(Fixture.error(Fixture.register + [line]))
        #expect(error.kind == .invalidHeaderName || error.kind == .headerWithoutColon)
    }

    @Test func continuationLineBeforeAnyHeader() throws {
        var lines = Fixture.register
        lines.insert(" folded", at: 1)
        #expect(Fixture.error(lines)?.kind == .invalidHeaderName)
    }

    @Test(arguments: [
        "REGISTER",
        "REGISTER sip:example.com",
        "REGISTER sip:example.com SIP/2.0 extra",
        "REGISTER  SIP/2.0",
        "REG ISTER sip:example.com SIP/2.0",
        "REGISTER sip:example.com HTTP/1.1",
        "REGISTER sip:example.com SIP/2",
        "SIP/2.0 99 Too Low",
        "SIP/2.0 700 Too High",
        "SIP/2.0 2000 OK",
        "SIP/2.0 20 OK",
        "SIP/2.0OK",
        "HTTP/1.1 200 OK",
        "GET / HTTP/1.1",
    ])
    func badStartLine(_ line: String) throws {
        var lines = Fixture.register
        lines[0] = line
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .malformedStartLine)
        #expect(error.status.code == 400)
        #expect(!error.canBuildResponse)
    }

    @Test func wrongVersionGets505() throws {
        var lines = Fixture.register
        lines[0] = "REGISTER sip:registrar.example.com SIP/3.0"
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .unsupportedVersion(SIPVersion(major: 3, minor: 0)))
        #expect(error.status == SIPResponseStatus(code: 505, reasonPhrase: "Version Not Supported"))
        #expect(error.canBuildResponse)
    }

    @Test func versionIsCaseInsensitive() throws {
        var lines = Fixture.register
        lines[0] = "REGISTER sip:registrar.example.com sip/2.0"
        #expect(Fixture.error(lines) == nil)
    }

    @Test(arguments: ["sip:", "sip:@example.com", "sip:bob@", "sip:bob@exa mple.com", "sip:bob@example.com:99999", "sip:bob@[::1", "sip:bob@example.com;=x", "sip:bob@ex%ample.com", "sip:b%4@example.com", "<sip:bob@example.com>"])
    func malformedRequestURI(_ uri: String) throws {
        var lines = Fixture.register
        lines[0] = "REGISTER \(uri) SIP/2.0"
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .malformedRequestURI || error.kind == .malformedStartLine)
        if error.kind == .malformedRequestURI {
            #expect(error.canBuildResponse)
        }
    }

    @Test(arguments: [
        "Via: SIP/2.0/UDP",
        "Via: SIP/2.0 192.0.2.1",
        "Via: SIP/2.0/UDP 192.0.2.1:port",
        "Via: SIP/2.0/UDP 192.0.2.1;branch=",
        "Via: SIP/2.0/UDP 192.0.2.1;received=example.com",
        "Via: SIP/2.0/UDP 192.0.2.1;rport=70000",
        "Via: SIP/2.0/UDP 192.0.2.1;ttl=256",
        "Via: SIP/2.0/UDP 192.0.2.1 garbage",
        "Via: ,",
        "Via:",
    ])
    func malformedVia(_ line: String) throws {
        let error = try #require(Fixture.error(Fixture.replacing("Via", with: line, in: Fixture.register)))
        #expect(error.kind == .malformedHeader(.via) || error.kind == .missingHeader(.via))
        #expect(!error.canBuildResponse)
    }

    @Test func malformedViaReason() throws {
        let error = try #require(Fixture.error(Fixture.replacing("Via", with: "Via: nonsense", in: Fixture.register)))
        #expect(error.reasonPhrase == "Malformed Via")
    }

    @Test(arguments: ["To: <sip:bob@example.com", "To: \"Bob <sip:bob@example.com>", "To: Bob", "To: <sip:bob@example.com>;tag=", "To: <sip:bob@example.com>;tag=a b", "To: <sip:a@b>, <sip:c@d>"])
    func malformedAddress(_ line: String) throws {
        let error = try #require(Fixture.error(Fixture.replacing("To", with: line, in: Fixture.register)))
        #expect(error.kind == .malformedHeader(.to))
    }

    @Test func malformedMaxForwards() throws {
        for value in ["abc", "256", "-1", "99999999999999999999"] {
            let lines = Fixture.replacing("Max-Forwards", with: "Max-Forwards: \(value)", in: Fixture.register)
            #expect(Fixture.error(lines)?.kind == .malformedHeader(.maxForwards), "\(value)")
        }
    }

    @Test func nulByte() throws {
        var bytes = Fixture.bytes(Fixture.register)
        let position = try #require(bytes.firstIndex(of: UInt8(ascii: "@")))
        bytes[position] = 0
        let error = try #require(SIPParser.parse(bytes).failureValue)
        #expect(error.kind == .invalidCharacter)
        #expect(error.partialMessage == nil)
    }

    @Test(arguments: [UInt8(0x01), 0x07, 0x0B, 0x1B, 0x7F])
    func controlCharacters(_ byte: UInt8) throws {
        var bytes = Fixture.bytes(Fixture.register)
        let position = try #require(bytes.firstIndex(of: UInt8(ascii: "@")))
        bytes[position] = byte
        #expect(SIPParser.parse(bytes).failureValue?.kind == .invalidCharacter)
    }

    @Test func bareCarriageReturn() throws {
        var bytes = Fixture.bytes(Fixture.register)
        let position = try #require(bytes.firstIndex(of: UInt8(ascii: "@")))
        bytes[position] = 0x0D
        #expect(SIPParser.parse(bytes).failureValue?.kind == .invalidCharacter)
    }

    @Test func nonUTF8InHeaderValue() throws {
        let head: [UInt8] = Array(Fixture.bytes(Fixture.register + ["Subject: caf"]).dropLast(4))
        let bytes: [UInt8] = head + [0xE9] + Array("\r\n\r\n".utf8)
        let error = try #require(SIPParser.parse(bytes).failureValue)
        #expect(error.kind == .invalidUTF8)
        #expect(error.reasonPhrase == "Invalid UTF-8 in header")
    }

    @Test(arguments: [[UInt8(0xC0), 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]])
    func malformedUTF8Sequences(_ sequence: [UInt8]) throws {
        let bytes = Array("OPTIONS sip:a@b SIP/2.0\r\nSubject: x".utf8) + sequence + Array("y\r\n\r\n".utf8)
        #expect(SIPParser.parse(bytes).failureValue?.kind == .invalidUTF8)
    }

    @Test func nonASCIIInRequestLine() throws {
        let bytes = Array("OPTIONS sip:é@b SIP/2.0\r\n\r\n".utf8)
        #expect(SIPParser.parse(bytes).failureValue?.kind == .malformedStartLine)
    }

    @Test func missingEmptyLine() throws {
        let bytes = Array(Fixture.register.joined(separator: "\r\n").utf8)
        #expect(SIPParser.parse(bytes).failureValue?.kind == .incompleteHeaders)
        let withLastCRLF = Array((Fixture.register.joined(separator: "\r\n") + "\r\n").utf8)
        #expect(SIPParser.parse(withLastCRLF).failureValue?.kind == .incompleteHeaders)
    }

    @Test func emptyAndKeepAliveDatagrams() {
        #expect(SIPParser.parse([]).failureValue?.kind == .emptyMessage)
        #expect(SIPParser.parse(Array("\r\n\r\n".utf8)).failureValue?.kind == .emptyMessage)
    }

    @Test func ackIsNeverAnswered() throws {
        let lines = Fixture.invite.map { $0.replacing("INVITE", with: "ACK") }
        let error = try #require(Fixture.error(Fixture.removing("Call-ID", from: lines) + ["Call-ID: a", "Call-ID: b"], body: Fixture.inviteBody))
        #expect(error.kind == .duplicateHeader(.callID))
        #expect(!error.canBuildResponse)
    }

    @Test func responsesAreNeverAnswered() throws {
        let error = try #require(Fixture.error(Fixture.replacing("CSeq", with: "CSeq: x", in: Fixture.unauthorized)))
        #expect(error.kind == .malformedHeader(.cseq))
        #expect(!error.canBuildResponse)
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
