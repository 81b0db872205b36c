/// What a ``SIPStreamFramer`` found in the stream.
public enum SIPStreamEvent: Hashable, Sendable {
    /// A complete, valid message.
    case message(SIPMessage)
    /// A complete message that failed validation. Framing is intact, so the stream goes on;
    /// answer it if ``SIPParseError/canBuildResponse``.
    case invalidMessage(SIPParseError)
    /// A double-CRLF keep-alive ping; RFC 5626 §3.5.1 asks for a single CRLF pong.
    case keepAlivePing
}

/// Cuts a TCP (or TLS) byte stream into SIP messages (RFC 3261 §18.3).
///
/// Feed it bytes as they arrive with ``append(_:)``, then call ``next()`` until it returns
/// `nil`. On a stream, Content-Length is mandatory: it is how the end of the body is found.
/// CRLFs between messages are skipped (RFC 3261 §7.5) and a double CRLF is reported as a
/// keep-alive ping (RFC 5626 §3.5.1).
///
/// When the framing itself breaks (an unreadable header section, a missing or malformed
/// Content-Length, a limit exceeded), the rest of the stream cannot be trusted: ``next()``
/// throws, and keeps throwing the same error; close the connection. The header section is
/// scanned incrementally, so bytes trickling in one at a time cost linear time, and at most
/// ``SIPParserLimits/maxMessageSize`` bytes of one message are ever buffered.
public struct SIPStreamFramer: Sendable {
    public let limits: SIPParserLimits
    /// Whether a request without Max-Forwards is refused; see ``SIPParser/requiresMaxForwards``.
    public var requiresMaxForwards: Bool

    private var buffer: [UInt8] = []
    /// Where unconsumed bytes begin.
    private var readIndex = 0
    /// How far the search for the end of the header section has got, relative to `readIndex`,
    /// and where the line being scanned started.
    private var scannedOffset = 0
    private var lineStartOffset = 0
    /// The head of the message whose body is awaited.
    private var pending: (head: SIPMessageHead, bodyLength: Int)?
    private var failure: SIPParseError?

    public init(limits: SIPParserLimits = .default, requiresMaxForwards: Bool = false) {
        self.limits = limits
        self.requiresMaxForwards = requiresMaxForwards
    }

    /// How many received bytes are not yet part of a returned event.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Whether part of a message has arrived and not yet its end, once ``next()`` has returned
    /// `nil`: a header section begun, or a body awaited. Line breaks between messages (which may
    /// still become a keep-alive ping) are not part of a message.
    public var isInsideMessage: Bool {
        pending != nil
            || (readIndex < buffer.count && buffer[readIndex] != ASCII.carriageReturn && buffer[readIndex] != ASCII.lineFeed)
    }

    /// Adds bytes received from the stream.
    public mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        if readIndex > 0 {
            buffer.removeSubrange(0..<readIndex)
            if let (head, length) = pending {
                var moved = head
                moved.bodyStart -= readIndex
                pending = (moved, length)
            }
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Appends `bytes` and hands each event now complete to `handle`, in order; throws the
    /// framing error, if the stream breaks, after the events before it.
    public mutating func feed<Bytes: Sequence<UInt8>>(
        _ bytes: Bytes, to handle: (SIPStreamEvent) -> Void
    ) throws(SIPParseError) {
        append(bytes)
        while let event = try next() { handle(event) }
    }

    /// The next event, or `nil` when more bytes are needed. Throws when the stream can no
    /// longer be framed.
    public mutating func next() throws(SIPParseError) -> SIPStreamEvent? {
        if let failure { throw failure }
        do {
            return try nextEvent()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func nextEvent() throws(SIPParseError) -> SIPStreamEvent? {
        if pending == nil {
            if let ping = try skipLineBreaks() { return ping }
            // A line break still waiting to be told apart from a ping is not a message's start:
            // scanning it as header bytes would leave the scan's offsets behind once it is skipped.
            guard isInsideMessage, let headerEnd = try findEndOfHeaders() else { return nil }
            let head = try SIPHeadParser(limits: limits).parse(buffer[readIndex..<headerEnd])
            let partial = head.message(body: [])
            switch head.contentLength {
            case .absent:
                throw SIPParseError(.missingContentLength, partialMessage: partial)
            case .malformed:
                throw SIPParseError(.malformedHeader(.contentLength), partialMessage: partial)
            case .value(let length):
                guard length <= limits.maxMessageSize - (headerEnd - readIndex) else {
                    throw SIPParseError(.messageTooLarge, partialMessage: partial)
                }
                pending = (head, length)
            }
            scannedOffset = 0
            lineStartOffset = 0
        }
        guard let (head, length) = pending, buffer.count - head.bodyStart >= length else { return nil }
        let bodyEnd = head.bodyStart + length
        let message = head.message(body: Array(buffer[head.bodyStart..<bodyEnd]))
        readIndex = bodyEnd
        pending = nil
        let validator = SIPMessageValidator(requiresMaxForwards: requiresMaxForwards)
        if let problem = validator.validate(message, hasMalformedRequestURI: head.hasMalformedRequestURI) {
            return .invalidMessage(SIPParseError(problem, partialMessage: message))
        }
        return .message(message)
    }

    /// Consumes line breaks before a message. Returns a ping for CRLFCRLF; a single CRLF
    /// followed by anything else (or a bare LF) is skipped; an incomplete sequence waits.
    private mutating func skipLineBreaks() throws(SIPParseError) -> SIPStreamEvent? {
        while readIndex < buffer.count {
            let available = buffer.count - readIndex
            switch buffer[readIndex] {
            case ASCII.lineFeed:
                readIndex += 1
            case ASCII.carriageReturn:
                guard available >= 2 else { return nil }
                guard buffer[readIndex + 1] == ASCII.lineFeed else { throw SIPParseError(.invalidCharacter) }
                if available >= 4, buffer[readIndex + 2] == ASCII.carriageReturn, buffer[readIndex + 3] == ASCII.lineFeed {
                    readIndex += 4
                    return .keepAlivePing
                }
                if available == 2 || (available == 3 && buffer[readIndex + 2] == ASCII.carriageReturn) {
                    return nil  // could still become a ping
                }
                readIndex += 2
            default:
                return nil
            }
        }
        return nil
    }

    /// Scans on from where the last call stopped for the empty line that ends the header
    /// section; returns the index just after it, or `nil` if it has not arrived.
    private mutating func findEndOfHeaders() throws(SIPParseError) -> Int? {
        var index = readIndex + scannedOffset
        while index < buffer.count {
            if buffer[index] == ASCII.lineFeed {
                var contentEnd = index
                if contentEnd > readIndex + lineStartOffset, buffer[contentEnd - 1] == ASCII.carriageReturn {
                    contentEnd -= 1
                }
                let lineStart = readIndex + lineStartOffset
                if contentEnd - lineStart > limits.maxLineLength { throw SIPParseError(.lineTooLong) }
                if contentEnd == lineStart, lineStart > readIndex {
                    scannedOffset = index + 1 - readIndex
                    return index + 1
                }
                lineStartOffset = index + 1 - readIndex
            }
            index += 1
            if index - readIndex > limits.maxMessageSize {
                // The line being scanned may already be too long, which a stream arriving in
                // smaller pieces reports at the end of a piece: report the same whatever the cuts.
                if index - (readIndex + lineStartOffset) > limits.maxLineLength + 1 { throw SIPParseError(.lineTooLong) }
                throw SIPParseError(.messageTooLarge)
            }
        }
        scannedOffset = index - readIndex
        if index - (readIndex + lineStartOffset) > limits.maxLineLength + 1 { throw SIPParseError(.lineTooLong) }
        return nil
    }
}
