extension SIPMessage {
    /// The message as bytes on the wire: the start line, every header with its canonical
    /// name, `Content-Length` equal to the body size, an empty line, the body; lines end with
    /// CRLF.
    ///
    /// Content-Length is always correct: an existing line gets the body's size in place
    /// (later duplicates are dropped), otherwise one is added after the other headers. A CR,
    /// LF or other control character in a header value set through the API is written as a
    /// space, so no value can inject a header line.
    public func serialize() -> [UInt8] {
        var buffer = [UInt8]()
        buffer.reserveCapacity(256 + body.count + headers.reduce(0) { $0 + $1.name.name.utf8.count + $1.value.utf8.count + 4 })
        serialize(into: &buffer)
        return buffer
    }

    /// Appends the message's bytes to `buffer`.
    public func serialize(into buffer: inout [UInt8]) {
        switch startLine {
        case .request(let line):
            append(line.method.rawValue, to: &buffer)
            buffer.append(ASCII.space)
            append(line.uri.description, to: &buffer)
            buffer.append(ASCII.space)
            append(line.version.description, to: &buffer)
        case .response(let line):
            append(line.version.description, to: &buffer)
            buffer.append(ASCII.space)
            DecimalParsing.append(line.statusCode, to: &buffer)
            buffer.append(ASCII.space)
            append(line.reasonPhrase, to: &buffer)
        }
        buffer.append(contentsOf: ASCII.crlf)

        var wroteContentLength = false
        for field in headers {
            if field.name == .contentLength {
                if wroteContentLength { continue }
                wroteContentLength = true
                appendContentLength(to: &buffer)
                continue
            }
            append(field.name.name, to: &buffer)
            buffer.append(ASCII.colon)
            buffer.append(ASCII.space)
            append(field.value, to: &buffer)
            buffer.append(contentsOf: ASCII.crlf)
        }
        if !wroteContentLength { appendContentLength(to: &buffer) }
        buffer.append(contentsOf: ASCII.crlf)
        buffer.append(contentsOf: body)
    }

    private func appendContentLength(to buffer: inout [UInt8]) {
        append(SIPHeaderName.contentLength.name, to: &buffer)
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        DecimalParsing.append(body.count, to: &buffer)
        buffer.append(contentsOf: ASCII.crlf)
    }

    /// Appends `text`, control characters (other than HTAB) written as SP. One pass over the
    /// contiguous UTF-8 of a native string checks (eight printable bytes at a time) and copies;
    /// the rewriting loop runs only for a value that needs it.
    private func append(_ text: String, to buffer: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let start = ASCII.skipPrintableWords(UnsafeRawBufferPointer(bytes), from: 0)
            for byte in bytes[start...] where Self.isControl(byte) { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
            buffer.append(Self.isControl(byte) ? ASCII.space : byte)
        }
    }

    @inline(__always)
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < ASCII.space && byte != ASCII.tab) || byte == ASCII.delete
    }
}
