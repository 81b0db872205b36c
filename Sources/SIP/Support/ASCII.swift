/// The byte values the SIP grammar is written in (RFC 3261 §25.1), named so that parsers read
/// like the grammar rather than like a table of numbers.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let delete: UInt8 = 0x7F

    /// `\r\n`, the line terminator of every SIP line.
    static let crlf: [UInt8] = [carriageReturn, lineFeed]

    /// Whether all eight bytes of `word` are SP or visible ASCII (0x20...0x7E), as nearly every
    /// byte of a header is: the parser and the serializer skip such words whole and look at the
    /// bytes of any other word one by one. The usual bit tricks, exact for the word as a whole
    /// (a borrow or carry between bytes only starts at a byte outside the range itself); the
    /// byte order of the word does not matter.
    @inline(__always)
    static func isPrintable(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        let aboveTilde = ((word &+ ones) | word) & highBits
        return belowSpace | aboveTilde == 0
    }

    /// The index of the first byte of `bytes` from `start` on that is not in a word of eight
    /// printable bytes (``isPrintable(_:)``): where a byte-by-byte check has to begin.
    @inline(__always)
    static func skipPrintableWords(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while bytes.count - index >= 8, isPrintable(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        return index
    }
}

extension UInt8 {
    /// The byte with ASCII upper-case letters mapped to lower case; every other byte unchanged.
    @inline(__always)
    var asciiLowercased: UInt8 {
        (self &- 0x41) < 26 ? self | 0x20 : self
    }

    /// Whether the byte is SP or HTAB, the whitespace of SIP's LWS rule.
    @inline(__always)
    var isSIPWhitespace: Bool {
        self == ASCII.space || self == ASCII.tab
    }

    /// Whether the byte is an ASCII decimal digit.
    @inline(__always)
    var isASCIIDigit: Bool {
        (self &- ASCII.zero) < 10
    }

    /// The value of a hexadecimal digit, or `nil` for any other byte.
    @inline(__always)
    var hexDigitValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }
}

/// ASCII case-insensitive comparison of two byte sequences, for names SIP defines as
/// case-insensitive (header names, parameter names, schemes, host names).
@inline(__always)
func asciiCaseInsensitiveEquals<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
    guard a.count == b.count else { return false }
    var left = a.makeIterator()
    var right = b.makeIterator()
    while let x = left.next(), let y = right.next() {
        if x != y, x.asciiLowercased != y.asciiLowercased { return false }
    }
    return true
}

extension String {
    /// ASCII case-insensitive equality; non-ASCII bytes must match exactly.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        asciiCaseInsensitiveEquals(utf8, other.utf8)
    }

    /// The string with ASCII upper-case letters lowered and everything else kept, so that a
    /// canonical form never depends on the current locale or on Unicode case tables.
    var asciiLowercased: String {
        if !utf8.contains(where: { ($0 &- 0x41) < 26 }) { return self }
        return String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }
}
