/// Byte tests for the parsers of addresses, names and numbers.
///
/// Manifests are almost entirely ASCII, and these values are compared and classified byte by
/// byte on their UTF-8 form. The `Character` API (grapheme breaking, `isLetter`, `isWhitespace`,
/// `==` as a string comparison) costs hundreds of instructions per character, and `contains`
/// with a `String` argument resolves to Foundation's `NSString.range(of:)` (about 8,000
/// instructions a call) in this module, which imports Foundation elsewhere.
///
/// The parsers read a value's UTF-8 through `withBytes`, as one buffer: stepping through a
/// `Substring.UTF8View` by index costs tens of instructions a byte, a buffer a few.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    static func isUppercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        isLowercaseLetter(byte) || isUppercaseLetter(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Letters, digits and punctuation: no space, no control character, nothing beyond ASCII.
    /// In text made only of these, every byte is one whole `Character`.
    static func isPrintable(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        isUppercaseLetter(byte) ? byte | 0x20 : byte
    }

    /// True for `sip`, `sips` and `tel` in any case: the URI schemes people paste in front of
    /// an address.
    static func isURIScheme(_ bytes: some Collection<UInt8>) -> Bool {
        let lower = bytes.lazy.map(lowercased)
        return lower.elementsEqual("sip".utf8) || lower.elementsEqual("sips".utf8) || lower.elementsEqual("tel".utf8)
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copying them only for a bridged string that
    /// has no contiguous UTF-8 (never the case for text read from a manifest).
    static func withBytes<Result>(
        of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// True when `byte` occurs twice in a row (`--` in a name, `::` in an address).
    static func containsPair(_ byte: UInt8, in bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8?
        for current in bytes {
            if current == byte, previous == byte { return true }
            previous = current
        }
        return false
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
