/// A `tel:` URI (RFC 3966): a telephone number with parameters, as trunks put in a
/// Request-URI or P-Asserted-Identity. Parsed leniently: the number is checked for the
/// characters a number may use, not for its structure.
public struct TelURI: Hashable, Sendable, CustomStringConvertible {
    /// The number as written, with visual separators (`+1-201-555-0123`).
    public var number: String
    /// `;phone-context=…;ext=…`
    public var parameters: SIPParameters

    public init(number: String, parameters: SIPParameters = []) {
        self.number = number
        self.parameters = parameters
    }

    /// Whether the number is global (starts with `+`).
    public var isGlobal: Bool { number.hasPrefix("+") }

    /// The number without visual separators (`-`, `.`, `(`, `)`).
    public var digits: String {
        String(number.filter { !"-.()".contains($0) })
    }

    public var description: String { "tel:" + number + parameters.description }

    /// Parses `tel:` followed by the number and `;name[=value]` parameters.
    static func parse(_ bytes: ArraySlice<UInt8>) -> TelURI? {
        var scanner = ByteScanner(bytes)
        let scheme = scanner.scan(.alpha)
        guard asciiCaseInsensitiveEquals(scheme, "tel".utf8), scanner.consume(ASCII.colon) else { return nil }
        let number = scanner.scan { $0.is(.hexDigit) || "+-.()*#".utf8.contains($0) }
        guard !number.isEmpty, number.contains(where: { $0.is(.hexDigit) || $0 == ASCII.asterisk || $0 == UInt8(ascii: "#") })
        else { return nil }
        var parameters = SIPParameters()
        while scanner.consume(ASCII.semicolon) {
            let name = scanner.scan { $0.is([.unreserved, .paramUnreserved]) || $0 == ASCII.percent }
            guard !name.isEmpty else { return nil }
            var value: String?
            if scanner.consume(ASCII.equals) {
                let valueBytes = scanner.scan { $0.is([.unreserved, .paramUnreserved]) || $0 == ASCII.percent }
                guard !valueBytes.isEmpty else { return nil }
                value = valueBytes.string
            }
            parameters.append(SIPParameter(name: name.string, value: value))
        }
        guard scanner.isAtEnd else { return nil }
        return TelURI(number: number.string, parameters: parameters)
    }
}
