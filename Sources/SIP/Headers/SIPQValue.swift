/// A Contact preference, `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`
/// (RFC 3261 §25.1), held as thousandths so comparisons are exact.
public struct SIPQValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0...1000.
    public let thousandths: Int

    public init?(thousandths: Int) {
        guard (0...1000).contains(thousandths) else { return nil }
        self.thousandths = thousandths
    }

    /// Parses a qvalue; `nil` for anything else (`1.5`, `.5`, `0.1234`).
    public init?(_ text: String) {
        guard let value = SIPQValue.parse(text.utf8) else { return nil }
        self = value
    }

    static func parse<Bytes: Collection<UInt8>>(_ text: Bytes) -> SIPQValue? {
        let bytes = Array(text)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = Int(first - ASCII.zero) * 1000
        if bytes.count > 1 {
            guard bytes[1] == ASCII.dot, bytes.count <= 5 else { return nil }
            var scale = 100
            for byte in bytes.dropFirst(2) {
                guard byte.isASCIIDigit else { return nil }
                value += Int(byte - ASCII.zero) * scale
                scale /= 10
            }
        }
        return SIPQValue(thousandths: value)
    }

    public static func < (lhs: SIPQValue, rhs: SIPQValue) -> Bool {
        lhs.thousandths < rhs.thousandths
    }

    /// The shortest qvalue text: `1`, `0.5`, `0.25`, `0.125`, `0`.
    public var description: String {
        if thousandths == 1000 { return "1" }
        if thousandths == 0 { return "0" }
        var fraction = String(thousandths)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "0." + fraction
    }
}
