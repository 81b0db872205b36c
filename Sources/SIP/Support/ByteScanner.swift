/// A cursor over bytes for the small grammars inside header values (URIs, Via, name-addr,
/// auth-params). Every read is checked against the end, so no input can make it read out of
/// bounds; a parser that meets something unexpected simply returns `nil`.
struct ByteScanner {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    init(_ text: String) {
        self.init(Array(text.utf8))
    }

    var isAtEnd: Bool { position >= bytes.endIndex }

    /// The bytes not read yet.
    var remaining: ArraySlice<UInt8> { bytes[min(position, bytes.endIndex)...] }

    /// The byte at the cursor, or `nil` at the end.
    @inline(__always)
    func peek() -> UInt8? {
        position < bytes.endIndex ? bytes[position] : nil
    }

    /// The byte `offset` bytes after the cursor, or `nil` past the end.
    @inline(__always)
    func peek(offset: Int) -> UInt8? {
        let index = position + offset
        return index >= bytes.startIndex && index < bytes.endIndex ? bytes[index] : nil
    }

    /// Moves past one byte (never past the end).
    @inline(__always)
    mutating func advance() {
        if position < bytes.endIndex { position += 1 }
    }

    /// Reads `byte` if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Skips SP and HTAB; returns whether there were any.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while let byte = peek(), byte.isSIPWhitespace { position += 1 }
        return position != start
    }

    /// Reads `byte` with optional whitespace either side, as SIP's `SEMI`, `COLON`, `EQUAL`,
    /// `SLASH`, `COMMA` (SWS byte SWS). Leaves the cursor unchanged when `byte` is not there.
    mutating func consumeSeparator(_ byte: UInt8) -> Bool {
        let start = position
        skipWhitespace()
        guard consume(byte) else {
            position = start
            return false
        }
        skipWhitespace()
        return true
    }

    /// Reads the longest run of bytes of `characterClass` (possibly empty).
    mutating func scan(_ characterClass: CharacterClass) -> ArraySlice<UInt8> {
        let start = position
        while let byte = peek(), byte.is(characterClass) { position += 1 }
        return bytes[start..<position]
    }

    /// Reads the longest run of bytes satisfying `predicate` (possibly empty).
    mutating func scan(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while let byte = peek(), predicate(byte) { position += 1 }
        return bytes[start..<position]
    }

    /// Reads a `token`; `nil` (cursor unchanged) if there is none.
    mutating func scanToken() -> ArraySlice<UInt8>? {
        let token = scan(.token)
        return token.isEmpty ? nil : token
    }

    /// Reads a `quoted-string` at the cursor (RFC 3261 §25.1): the raw text including the quotes
    /// and the content with quoted-pairs resolved. `nil`, cursor unchanged, if there is no
    /// complete quoted string here.
    ///
    /// The content is a slice of the input when there is no quoted-pair (almost always): only
    /// escapes need a buffer of their own.
    mutating func scanQuotedString() -> (raw: ArraySlice<UInt8>, content: ArraySlice<UInt8>)? {
        let start = position
        guard consume(ASCII.quote) else { return nil }
        var index = position
        while index < bytes.endIndex {
            switch bytes[index] {
            case ASCII.quote:
                position = index + 1
                return (bytes[start..<position], bytes[(start + 1)..<index])
            case ASCII.backslash:
                return scanEscapedQuotedString(from: start)
            default:
                index += 1
            }
        }
        position = start
        return nil
    }

    /// ``scanQuotedString()`` for a quoted string with quoted-pairs, copying the content.
    private mutating func scanEscapedQuotedString(from start: Int) -> (raw: ArraySlice<UInt8>, content: ArraySlice<UInt8>)? {
        var content = [UInt8]()
        content.reserveCapacity(bytes.endIndex - position)
        while let byte = peek() {
            position += 1
            switch byte {
            case ASCII.quote:
                return (bytes[start..<position], content[...])
            case ASCII.backslash:
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                guard let escaped = peek(), escaped < 0x80, escaped != ASCII.lineFeed,
                    escaped != ASCII.carriageReturn
                else {
                    position = start
                    return nil
                }
                content.append(escaped)
                position += 1
            default:
                content.append(byte)
            }
        }
        position = start
        return nil
    }
}

extension ArraySlice<UInt8> {
    /// The bytes without leading and trailing SP/HTAB.
    var trimmingSIPWhitespace: ArraySlice<UInt8> {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isSIPWhitespace { start += 1 }
        while end > start, self[end - 1].isSIPWhitespace { end -= 1 }
        return self[start..<end]
    }

    /// The bytes as a string; callers pass bytes already known to be valid UTF-8.
    var string: String { String(decoding: self, as: UTF8.self) }
}

extension String {
    /// The text as a `quoted-string`: in double quotes, with `"` and `\` escaped.
    var sipQuoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        result.append("\"")
        return result
    }
}
