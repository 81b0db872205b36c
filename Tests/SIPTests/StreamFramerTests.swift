import SIP
import Testing

/// Framing SIP over TCP: messages cut by Content-Length, keep-alives, and broken streams.
@Suite struct StreamFramerTests {
    /// Every event the framer produces for `chunks`, fed one after another.
    private func events(_ chunks: [[UInt8]], framer: inout SIPStreamFramer) throws(SIPParseError) -> [SIPStreamEvent] {
        var result = [SIPStreamEvent]()
        for chunk in chunks {
            framer.append(chunk)
            while let event = try framer.next() { result.append(event) }
        }
        return result
    }

    private func events(_ chunks: [[UInt8]]) throws(SIPParseError) -> [SIPStreamEvent] {
        var framer = SIPStreamFramer()
        return try events(chunks, framer: &framer)
    }

    private var register: [UInt8] { Fixture.bytes(Fixture.register) }
    private var invite: [UInt8] { Fixture.bytes(Fixture.invite, body: Fixture.inviteBody) }

    @Test func twoMessagesInOneChunk() throws {
        let result = try events([invite + register])
        #expect(result.count == 2)
        guard case .message(let first) = result.first, case .message(let second) = result.last else {
            Issue.record("expected two messages, got \(result)")
            return
        }
        #expect(first.method == .invite)
        #expect(first.body == Array(Fixture.inviteBody.utf8))
        #expect(second.method == .register)
        #expect(first == (try SIPParser.parse(invite).get()))
    }

    @Test func oneMessageInOneByteChunks() throws {
        var framer = SIPStreamFramer()
        var result = [SIPStreamEvent]()
        for byte in invite {
            framer.append([byte])
            while let event = try framer.next() { result.append(event) }
        }
        #expect(result == [.message(try SIPParser.parse(invite).get())])
        #expect(framer.bufferedByteCount == 0)
    }

    @Test func messagesSplitAtEveryPossiblePoint() throws {
        let stream = register + invite
        let expected = try events([stream])
        for split in 1..<stream.count {
            let result = try events([Array(stream[..<split]), Array(stream[split...])])
            #expect(result == expected, "split at \(split)")
        }
    }

    @Test func keepAlivesBetweenMessages() throws {
        let crlf = Array("\r\n".utf8)
        let ping = crlf + crlf
        let result = try events([ping, register, ping, crlf, invite, ping])
        #expect(result.count == 5)
        #expect(result[0] == .keepAlivePing)
        #expect(result[2] == .keepAlivePing)
        if case .message(let message) = result[3] {
            #expect(message.method == .invite)
        } else {
            Issue.record("expected the INVITE, got \(result[3])")
        }
        #expect(result[4] == .keepAlivePing)
    }

    @Test func pingArrivingByteByByte() throws {
        let result = try events([[0x0D], [0x0A], [0x0D], [0x0A]])
        #expect(result == [.keepAlivePing])
    }

    @Test func singleCRLFBeforeAMessageIsSkipped() throws {
        let result = try events([Array("\r\n".utf8) + register])
        #expect(result.count == 1)
        #expect(result.first.map { if case .message = $0 { true } else { false } } == true)
    }

    @Test func missingContentLengthIsAFramingError() throws {
        let bytes = Fixture.bytes(Fixture.removing("Content-Length", from: Fixture.register))
        var framer = SIPStreamFramer()
        framer.append(bytes)
        #expect(throws: SIPParseError.self) { try framer.next() }
        do {
            _ = try framer.next()
            Issue.record("expected the error to repeat")
        } catch {
            #expect(error.kind == .missingContentLength)
            #expect(error.reasonPhrase == "Missing Content-Length")
            #expect(error.canBuildResponse)
        }
        // The stream stays failed.
        framer.append(register)
        #expect(throws: SIPParseError(.missingContentLength, partialMessage: error(of: bytes))) { try framer.next() }
    }

    private func error(of bytes: [UInt8]) -> SIPMessage? {
        var framer = SIPStreamFramer()
        framer.append(bytes)
        do {
            _ = try framer.next()
            return nil
        } catch {
            return error.partialMessage
        }
    }

    @Test func invalidMessageKeepsTheStreamGoing() throws {
        let bad = Fixture.bytes(Fixture.removing("Call-ID", from: Fixture.register))
        let result = try events([bad + register])
        #expect(result.count == 2)
        guard case .invalidMessage(let error) = result[0] else {
            Issue.record("expected an invalid message, got \(result[0])")
            return
        }
        #expect(error.kind == .missingHeader(.callID))
        guard case .message(let message) = result[1] else {
            Issue.record("expected a message, got \(result[1])")
            return
        }
        #expect(message.method == .register)
    }

    @Test func bodyArrivesLater() throws {
        var framer = SIPStreamFramer()
        let split = invite.count - 10
        framer.append(invite[..<split])
        #expect(try framer.next() == nil)
        #expect(framer.bufferedByteCount == split)
        framer.append(invite[split...])
        guard case .message(let message) = try framer.next() else {
            Issue.record("expected the message")
            return
        }
        #expect(message.body.count == Fixture.inviteBody.utf8.count)
        #expect(try framer.next() == nil)
    }

    /// What the TCP message deadline is timed on: a message begun and not ended, whether its
    /// head or its body is awaited; line breaks between messages are no message.
    @Test func insideAMessageFromItsFirstByteToItsLast() throws {
        var framer = SIPStreamFramer()
        for chunk in ["\r", "\n", "\r\n", "\r\n"] {
            framer.append(Array(chunk.utf8))
            while try framer.next() != nil {}
            #expect(!framer.isInsideMessage, "after \(chunk.debugDescription)")
        }
        let split = invite.count - 10
        for (range, inside) in [(0..<1, true), (1..<20, true), (20..<split, true), (split..<invite.count, false)] {
            framer.append(invite[range])
            while try framer.next() != nil {}
            #expect(framer.isInsideMessage == inside, "after byte \(range.upperBound)")
        }
        // One message ends and the next begins in the same chunk.
        framer.append(register + register.prefix(3))
        #expect(try framer.next() != nil)
        #expect(try framer.next() == nil)
        #expect(framer.isInsideMessage)
    }

    @Test func overlongLineWithoutLineBreakFailsEarly() throws {
        var framer = SIPStreamFramer(limits: SIPParserLimits(maxLineLength: 100))
        framer.append(Array("OPTIONS sip:".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 200))
        #expect(throws: SIPParseError(.lineTooLong)) { try framer.next() }
    }

    /// Fuzzing found (SIPFuzzer, stream oracle): a line over the line limit that also ran past the
    /// message limit was "513 Message Too Large" when the bytes came at once, but "400 Line too
    /// long" when they came in pieces (the check at the end of each piece saw the line first).
    /// The same stream must fail the same way however it is cut.
    @Test func fuzzRegressionOverlongLinePastTheSizeLimitFailsTheSameInOnePieceOrMany() throws {
        let limits = SIPParserLimits(maxMessageSize: 300, maxLineLength: 100)
        let bytes = Array("OPTIONS sip:a SIP/2.0\r\nSubject: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 400)
        var whole = SIPStreamFramer(limits: limits)
        whole.append(bytes)
        #expect(throws: SIPParseError(.lineTooLong)) { try whole.next() }
        var pieces = SIPStreamFramer(limits: limits)
        do {
            for byte in bytes {
                pieces.append([byte])
                _ = try pieces.next()
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .lineTooLong)
        }
    }

    /// Fuzzing found (SIPFuzzer, stream oracle, 10-minute run): a CRLF before a message,
    /// arriving one byte at a time, was scanned as header bytes while it could still become a
    /// ping; once skipped, the scan's offsets were two bytes off, and `"\r\nTa\r\nS"` ended its
    /// "header section" at the line break after `Ta` (400 Malformed start line), where the same
    /// bytes at once rightly wait for more.
    @Test func fuzzRegressionLineBreaksBeforeAMessageDoNotShiftTheHeaderScan() throws {
        let bytes = Array("\r\nTa\r\nS".utf8)
        var whole = SIPStreamFramer()
        whole.append(bytes)
        #expect(try whole.next() == nil)
        var bytewise = SIPStreamFramer()
        for byte in bytes {
            bytewise.append([byte])
            #expect(try bytewise.next() == nil)
        }
        #expect(bytewise.isInsideMessage)
    }

    @Test func headerSectionBeyondTheSizeLimitFails() throws {
        var framer = SIPStreamFramer(limits: SIPParserLimits(maxMessageSize: 500))
        framer.append(Array(Fixture.register.joined(separator: "\r\n").utf8))
        for index in 0..<100 {
            framer.append(Array("\r\nX-Filler-\(index): xxxxxxxxxx".utf8))
        }
        #expect(throws: SIPParseError(.messageTooLarge)) { try framer.next() }
    }

    @Test func contentLengthBeyondTheSizeLimitFails() throws {
        var framer = SIPStreamFramer(limits: SIPParserLimits(maxMessageSize: 1_000))
        framer.append(Fixture.bytes(Fixture.replacing("Content-Length", with: "Content-Length: 5000", in: Fixture.register)))
        do {
            _ = try framer.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .messageTooLarge)
        }
    }

    @Test func malformedContentLengthIsAFramingError() throws {
        var framer = SIPStreamFramer()
        framer.append(Fixture.bytes(Fixture.replacing("Content-Length", with: "Content-Length: -5", in: Fixture.register)))
        do {
            _ = try framer.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedHeader(.contentLength))
        }
    }

    @Test func garbageHeaderSectionIsAFramingError() throws {
        var framer = SIPStreamFramer()
        framer.append(Array("this is not SIP\r\n\r\n".utf8))
        #expect(throws: SIPParseError(.malformedStartLine)) { try framer.next() }
    }

    @Test func crWithoutLFBetweenMessagesIsAFramingError() throws {
        var framer = SIPStreamFramer()
        framer.append(Array("\rX".utf8))
        #expect(throws: SIPParseError(.invalidCharacter)) { try framer.next() }
    }

    @Test func manyMessagesInOneChunk() throws {
        var stream = [UInt8]()
        for index in 0..<50 {
            stream += Fixture.bytes(Fixture.replacing("CSeq", with: "CSeq: \(index + 1) REGISTER", in: Fixture.register))
        }
        let result = try events([stream])
        #expect(result.count == 50)
        let sequenceNumbers = result.compactMap { event -> UInt32? in
            if case .message(let message) = event { return try? message.headers.cseq.sequenceNumber }
            return nil
        }
        #expect(sequenceNumbers == Array(1...50))
    }
}
