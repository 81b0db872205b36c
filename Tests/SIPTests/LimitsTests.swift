import SIP
import Testing

/// Every limit of ``SIPParserLimits``, exceeded, gives its own error.
@Suite struct LimitsTests {
    @Test func defaultsAreSafe() {
        let limits = SIPParserLimits.default
        #expect(limits.maxMessageSize == 65_535)
        #expect(limits.maxHeaderCount == 100)
        #expect(limits.maxLineLength == 8_192)
        #expect(limits.maxHeaderValueLength == 8_192)
    }

    @Test func tooManyHeaders() throws {
        let lines = Fixture.register + (0..<100).map { "X-Filler-\($0): x" }
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .tooManyHeaders)
        #expect(error.reasonPhrase == "Too many headers")
    }

    @Test func headerCountAtTheLimitIsAccepted() {
        let lines = Fixture.register + (0..<(100 - 9)).map { "X-Filler-\($0): x" }
        #expect(Fixture.error(lines) == nil)
    }

    @Test func overlongLine() throws {
        let lines = Fixture.register + ["Subject: " + String(repeating: "a", count: 9_000)]
        let error = try #require(Fixture.error(lines))
        #expect(error.kind == .lineTooLong)
        #expect(error.reasonPhrase == "Line too long")
    }

    @Test func overlongStartLine() throws {
        var lines = Fixture.register
        lines[0] = "REGISTER sip:" + String(repeating: "a", count: 9_000) + ".example.com SIP/2.0"
        #expect(Fixture.error(lines)?.kind == .lineTooLong)
    }

    @Test func overlongFoldedValue() throws {
        let parser = SIPParser(limits: SIPParserLimits(maxLineLength: 100, maxHeaderValueLength: 150))
        let lines = Fixture.register + ["Subject: " + String(repeating: "a", count: 80), " " + String(repeating: "b", count: 80)]
        let error = try #require(Fixture.error(lines, parser: parser))
        #expect(error.kind == .headerValueTooLong(.subject))
        #expect(error.reasonPhrase == "Subject too long")
    }

    @Test func messageTooLarge() throws {
        let parser = SIPParser(limits: SIPParserLimits(maxMessageSize: 1_000))
        let lines = Fixture.replacing("Content-Length", with: "Content-Length: 800", in: Fixture.register)
        let error = try #require(Fixture.error(lines, body: String(repeating: "x", count: 800), parser: parser))
        #expect(error.kind == .messageTooLarge)
        #expect(error.status == SIPResponseStatus(code: 513, reasonPhrase: "Message Too Large"))
    }

    @Test func tightLimitsStillAcceptSmallMessages() {
        let parser = SIPParser(limits: SIPParserLimits(maxMessageSize: 600, maxHeaderCount: 10, maxLineLength: 80, maxHeaderValueLength: 80))
        #expect(Fixture.error(Fixture.register, parser: parser) == nil)
    }
}
