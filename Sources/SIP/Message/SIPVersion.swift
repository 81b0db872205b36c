/// The protocol version of a start line, `SIP/major.minor` (RFC 3261 §7.1).
///
/// The parser reads any well-formed version so that it can answer an unknown one with
/// `505 Version Not Supported`; only ``sip2_0`` passes validation.
public struct SIPVersion: Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// SIP/2.0, the only version RFC 3261 defines.
    public static let sip2_0 = SIPVersion(major: 2, minor: 0)

    public var description: String { "SIP/\(major).\(minor)" }

    /// Parses `"SIP" "/" 1*DIGIT "." 1*DIGIT` ("SIP" case-insensitive, as ABNF literals are).
    static func parse(_ bytes: ArraySlice<UInt8>) -> SIPVersion? {
        var scanner = ByteScanner(bytes)
        for expected in "sip/".utf8 {
            guard let byte = scanner.peek(), byte.asciiLowercased == expected else { return nil }
            scanner.advance()
        }
        guard let major = DecimalParsing.parse(scanner.scan(.digit), maximum: 999),
            scanner.consume(ASCII.dot),
            let minor = DecimalParsing.parse(scanner.scan(.digit), maximum: 999),
            scanner.isAtEnd
        else { return nil }
        return SIPVersion(major: major, minor: minor)
    }
}
