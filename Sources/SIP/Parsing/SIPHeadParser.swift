/// Reads the start line and header fields in one pass over the bytes (RFC 3261 §7).
///
/// Per byte it only classifies: a line ends at LF (CRLF, or bare LF leniently); NUL, other
/// control characters and a CR not followed by LF are refused; bytes above 0x7F are noted so
/// that only lines containing them pay for UTF-8 validation. Continuation lines (a line
/// starting with SP or HTAB, RFC 3261 §7.3.1) are joined to the header before them with one SP.
/// Limits are checked as it goes.
struct SIPHeadParser {
    let limits: SIPParserLimits

    /// The bounds of one line: `start..<contentEnd` is its content without the line
    /// terminator, `next` is where the following line starts.
    struct Line {
        var start: Int
        var contentEnd: Int
        var next: Int
        var hasNonASCII: Bool
    }

    /// Finds the line starting at `start`; `nil` if `bytes` end before its LF.
    ///
    /// The hot loop of the parser, so it runs over the slice's buffer; every index it reads is
    /// below `buffer.count`.
    @inline(__always)
    func scanLine(_ bytes: ArraySlice<UInt8>, from start: Int) throws(SIPParseError) -> Line? {
        enum Outcome {
            case line(contentEnd: Int, next: Int, hasNonASCII: Bool)
            case incomplete(scannedTo: Int)
            case invalidCharacter
        }
        let base = bytes.startIndex
        let outcome = bytes.withUnsafeBufferPointer { buffer -> Outcome in
            var index = start - base
            var hasNonASCII = false
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Eight bytes at a time while every one is SP or visible ASCII; the first word
                // with anything else goes byte by byte.
                index = ASCII.skipPrintableWords(raw, from: index)
                guard index < count else { break }
                let byte = buffer[index]
                if byte >= 0x20 {
                    if byte >= 0x7F {
                        if byte == ASCII.delete { return .invalidCharacter }
                        hasNonASCII = true
                    }
                    index += 1
                    continue
                }
                switch byte {
                case ASCII.tab:
                    index += 1
                case ASCII.lineFeed:
                    return .line(contentEnd: base + index, next: base + index + 1, hasNonASCII: hasNonASCII)
                case ASCII.carriageReturn:
                    guard index + 1 < count else { return .incomplete(scannedTo: base + index) }
                    guard buffer[index + 1] == ASCII.lineFeed else { return .invalidCharacter }
                    return .line(contentEnd: base + index, next: base + index + 2, hasNonASCII: hasNonASCII)
                default:
                    return .invalidCharacter
                }
            }
            return .incomplete(scannedTo: base + index)
        }
        switch outcome {
        case .line(let contentEnd, let next, let hasNonASCII):
            return try checked(Line(start: start, contentEnd: contentEnd, next: next, hasNonASCII: hasNonASCII))
        case .incomplete(let scannedTo):
            if scannedTo - start > limits.maxLineLength { throw SIPParseError(.lineTooLong) }
            return nil
        case .invalidCharacter:
            throw SIPParseError(.invalidCharacter)
        }
    }

    @inline(__always)
    private func checked(_ line: Line) throws(SIPParseError) -> Line {
        if line.contentEnd - line.start > limits.maxLineLength { throw SIPParseError(.lineTooLong) }
        return line
    }

    /// Reads the head of the message starting at `bytes.startIndex`, skipping CRLFs before the
    /// start line (RFC 3261 §7.5). The header section must end with an empty line within
    /// `bytes`.
    func parse(_ bytes: ArraySlice<UInt8>) throws(SIPParseError) -> SIPMessageHead {
        var index = bytes.startIndex
        while index < bytes.endIndex, bytes[index] == ASCII.carriageReturn || bytes[index] == ASCII.lineFeed {
            index += 1
        }
        guard index < bytes.endIndex else { throw SIPParseError(.emptyMessage) }

        guard let startLine = try scanLine(bytes, from: index) else { throw SIPParseError(.incompleteHeaders) }
        let (parsedStartLine, hasMalformedRequestURI) = try parseStartLine(
            bytes[startLine.start..<startLine.contentEnd], hasNonASCII: startLine.hasNonASCII)
        index = startLine.next

        var headers = SIPHeaders()
        headers.reserveCapacity(16)
        var line = try nextLine(bytes, from: startLine.next)
        while line.contentEnd != line.start {
            // A header line, then any continuation lines (starting with SP or HTAB) after it.
            guard !bytes[line.start].isSIPWhitespace else { throw SIPParseError(.invalidHeaderName) }
            let (name, value) = try splitField(bytes[line.start..<line.contentEnd])
            var folded: [UInt8]?
            var hasNonASCII = line.hasNonASCII
            var next = try nextLine(bytes, from: line.next)
            while next.contentEnd != next.start, bytes[next.start].isSIPWhitespace {
                var joined = folded ?? Array(value)
                let continuation = bytes[next.start..<next.contentEnd].trimmingSIPWhitespace
                if !continuation.isEmpty {
                    if !joined.isEmpty { joined.append(ASCII.space) }
                    joined.append(contentsOf: continuation)
                }
                if joined.count > limits.maxHeaderValueLength { throw SIPParseError(.headerValueTooLong(name)) }
                folded = joined
                hasNonASCII = hasNonASCII || next.hasNonASCII
                next = try nextLine(bytes, from: next.next)
            }
            let unfolded = folded.map { $0[...].trimmingSIPWhitespace } ?? value
            guard headers.count < limits.maxHeaderCount else { throw SIPParseError(.tooManyHeaders) }
            guard unfolded.count <= limits.maxHeaderValueLength else { throw SIPParseError(.headerValueTooLong(name)) }
            if hasNonASCII, !UTF8Validation.isValid(unfolded) { throw SIPParseError(.invalidUTF8) }
            headers.append(SIPHeaderField(name: name, value: unfolded.string))
            line = next
        }
        return SIPMessageHead(
            startLine: parsedStartLine, headers: headers,
            hasMalformedRequestURI: hasMalformedRequestURI, bodyStart: line.next)
    }

    /// The line at `start`, which must end within `bytes` (the header section ends with an
    /// empty line).
    @inline(__always)
    private func nextLine(_ bytes: ArraySlice<UInt8>, from start: Int) throws(SIPParseError) -> Line {
        guard let line = try scanLine(bytes, from: start) else { throw SIPParseError(.incompleteHeaders) }
        return line
    }

    // MARK: - Start line

    /// Parses a request line or a status line. A Request-URI that does not parse is kept as
    /// text and flagged, so the header fields can still be read for a `400`.
    private func parseStartLine(
        _ line: ArraySlice<UInt8>, hasNonASCII: Bool
    ) throws(SIPParseError) -> (SIPMessage.StartLine, Bool) {
        var scanner = ByteScanner(line)
        let first = scanner.scan { $0 != ASCII.space }
        if first.count >= 4, asciiCaseInsensitiveEquals(first.prefix(4), "sip/".utf8) {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
            guard let version = SIPVersion.parse(first), scanner.consume(ASCII.space) else {
                throw SIPParseError(.malformedStartLine)
            }
            let code = scanner.scan(.digit)
            guard code.count == 3, let statusCode = DecimalParsing.parse(code, maximum: 699), statusCode >= 100,
                scanner.isAtEnd || scanner.consume(ASCII.space)
            else { throw SIPParseError(.malformedStartLine) }
            let reason = scanner.remaining
            if hasNonASCII, !UTF8Validation.isValid(reason) { throw SIPParseError(.invalidUTF8) }
            return (.response(SIPStatusLine(version: version, statusCode: statusCode, reasonPhrase: reason.string)), false)
        }

        // Request-Line = Method SP Request-URI SP SIP-Version
        guard !hasNonASCII, !first.isEmpty, first.allSatisfy({ $0.is(.token) }) else {
            throw SIPParseError(.malformedStartLine)
        }
        guard scanner.skipWhitespace() else { throw SIPParseError(.malformedStartLine) }
        let uriBytes = scanner.scan { $0.is(.visible) }
        guard !uriBytes.isEmpty, scanner.skipWhitespace() else { throw SIPParseError(.malformedStartLine) }
        let versionBytes = scanner.scan { $0.is(.visible) }
        scanner.skipWhitespace()
        guard scanner.isAtEnd, let version = SIPVersion.parse(versionBytes) else {
            throw SIPParseError(.malformedStartLine)
        }
        let method = SIPMethod.lookup(first)
        // A SIP Request-URI cannot carry headers (RFC 3261 §19.1.1, Table 1; RFC 4475 §3.1.2.11).
        if let uri = SIPAnyURI.parse(uriBytes), uri.sipURI?.headers.isEmpty != false {
            return (.request(SIPRequestLine(method: method, uri: uri, version: version)), false)
        }
        return (.request(SIPRequestLine(method: method, uri: .other(uriBytes.string), version: version)), true)
    }

    // MARK: - Header fields

    /// Splits `name HCOLON value` (RFC 3261 §7.3.1): the name, and the value without the
    /// whitespace around it.
    private func splitField(_ line: ArraySlice<UInt8>) throws(SIPParseError) -> (SIPHeaderName, ArraySlice<UInt8>) {
        var scanner = ByteScanner(line)
        let name = scanner.scan(.token)
        guard !name.isEmpty, scanner.peek() == ASCII.colon || scanner.peek()?.isSIPWhitespace == true || scanner.isAtEnd
        else { throw SIPParseError(.invalidHeaderName) }
        scanner.skipWhitespace()
        guard scanner.consume(ASCII.colon) else { throw SIPParseError(.headerWithoutColon) }
        return (SIPHeaderName.lookup(name), scanner.remaining.trimmingSIPWhitespace)
    }
}
