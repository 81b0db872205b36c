/// A URI where SIP allows any scheme: the Request-URI, and the address in From, To, Contact,
/// Route and friends (RFC 3261 §25.1 `Request-URI`, `addr-spec`).
///
/// `sip:`/`sips:` and `tel:` are parsed; any other well-formed `scheme:…` URI is kept as text,
/// so that a message naming, say, a `mailto:` contact still parses and a registrar can answer
/// `416 Unsupported URI Scheme` where it matters.
public enum SIPAnyURI: Hashable, Sendable, CustomStringConvertible {
    case sip(SIPURI)
    case tel(TelURI)
    /// A URI of another scheme, as written.
    case other(String)

    /// Parses a URI; `nil` if `text` is not a well-formed one.
    public init?(_ text: String) {
        guard let uri = SIPAnyURI.parse(Array(text.utf8)[...]) else { return nil }
        self = uri
    }

    /// The SIP or SIPS URI, if this is one.
    public var sipURI: SIPURI? {
        if case .sip(let uri) = self { return uri }
        return nil
    }

    /// The scheme, lower-cased.
    public var scheme: String {
        switch self {
        case .sip(let uri): uri.scheme.rawValue
        case .tel: "tel"
        case .other(let text): String(text.prefix { $0 != ":" }).asciiLowercased
        }
    }

    public var description: String {
        switch self {
        case .sip(let uri): uri.description
        case .tel(let uri): uri.description
        case .other(let text): text
        }
    }

    /// Parses exactly `bytes`. A `sip:`/`sips:`/`tel:` URI must be well-formed for its scheme;
    /// another scheme needs `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, a colon and
    /// at least one more visible character, none of them `<`, `>` or `"`.
    static func parse(_ bytes: ArraySlice<UInt8>) -> SIPAnyURI? {
        var scanner = ByteScanner(bytes)
        let scheme = scanner.scan { $0.is(.alphanumeric) || $0 == ASCII.plus || $0 == ASCII.hyphen || $0 == ASCII.dot }
        guard let first = scheme.first, first.is(.alpha), scanner.peek() == ASCII.colon else { return nil }
        if asciiCaseInsensitiveEquals(scheme, "sip".utf8) || asciiCaseInsensitiveEquals(scheme, "sips".utf8) {
            return SIPURI.parse(bytes).map(SIPAnyURI.sip)
        }
        if asciiCaseInsensitiveEquals(scheme, "tel".utf8) {
            return TelURI.parse(bytes).map(SIPAnyURI.tel)
        }
        scanner.advance()
        guard !scanner.isAtEnd,
            scanner.remaining.allSatisfy({ $0.is(.visible) && $0 != ASCII.lessThan && $0 != ASCII.greaterThan && $0 != ASCII.quote })
        else { return nil }
        return .other(bytes.string)
    }
}
