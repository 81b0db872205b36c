/// The value of From, To, Contact, Route, Record-Route, Reply-To, Refer-To, Referred-By and
/// P-Asserted-Identity: a URI, an optional display name, and header parameters
/// (RFC 3261 §20.10, §25.1 `name-addr` / `addr-spec`).
///
/// Two forms exist. In `name-addr`, `"Display" <sip:alice@example.com;transport=tcp>;tag=x`, the
/// URI's own parameters are inside the brackets and `tag` belongs to the header. In
/// `addr-spec`, `sip:alice@example.com;tag=x`, the URI cannot carry parameters: everything after
/// the first `;` is a header parameter (RFC 3261 §20.10). This type keeps the two apart.
///
/// Parsing validates the parameters a registrar acts on: `tag` must be a token, `expires`
/// delta-seconds, `q` a qvalue.
public struct SIPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name without its quotes and escapes; `nil` when there is none.
    public var displayName: String?
    public var uri: SIPAnyURI
    /// The header parameters (`tag`, `expires`, `q`, `+sip.instance`, …).
    public var parameters: SIPParameters

    public init(displayName: String? = nil, uri: SIPAnyURI, parameters: SIPParameters = []) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// Parses one `name-addr` or `addr-spec` with its parameters; `nil` if malformed.
    public init?(_ text: String) {
        guard let address = SIPAddress.parse(Array(text.utf8)[...]) else { return nil }
        self = address
    }

    /// The `tag` parameter of From and To (RFC 3261 §19.3).
    public var tag: String? {
        get { parameters["tag"] }
        set {
            if let newValue { parameters.set("tag", value: newValue) } else { parameters.remove("tag") }
        }
    }

    /// The `expires` parameter of a Contact, in seconds, saturated at 2³²−1.
    public var expires: UInt32? {
        parameters["expires"].flatMap { DecimalParsing.parseSaturating($0.utf8, cap: Int(UInt32.max)) }.map(UInt32.init)
    }

    /// The `q` parameter of a Contact.
    public var q: SIPQValue? {
        parameters["q"].flatMap(SIPQValue.init)
    }

    /// Always the `name-addr` form, which is valid wherever an address is: the display name
    /// quoted, the URI in angle brackets, then the header parameters.
    public var description: String {
        var text = ""
        if let displayName, !displayName.isEmpty {
            text += displayName.sipQuoted + " "
        }
        text += "<" + uri.description + ">"
        text += parameters.description
        return text
    }

    /// Parses exactly `bytes` (one list element, no surrounding whitespace needed).
    static func parse(_ bytes: ArraySlice<UInt8>) -> SIPAddress? {
        var scanner = ByteScanner(bytes)
        scanner.skipWhitespace()
        var displayName: String?
        let uriBytes: ArraySlice<UInt8>

        if scanner.peek() == ASCII.quote {
            guard let quoted = scanner.scanQuotedString() else { return nil }
            displayName = String(decoding: quoted.content, as: UTF8.self)
            scanner.skipWhitespace()
            guard let inner = scanAngleBracketed(&scanner) else { return nil }
            uriBytes = inner
        } else if let open = scanner.remaining.firstIndex(of: ASCII.lessThan) {
            // Unquoted display name: RFC 3261 allows tokens; peers send more, so take anything
            // up to "<" that is not a quote.
            let name = scanner.bytes[scanner.position..<open]
            guard !name.contains(ASCII.quote) else { return nil }
            let trimmed = name.trimmingSIPWhitespace
            displayName = trimmed.isEmpty ? nil : trimmed.string
            scanner.position = open
            guard let inner = scanAngleBracketed(&scanner) else { return nil }
            uriBytes = inner
        } else {
            // addr-spec: the URI ends at the first ";" or whitespace. A URI with "?" (headers)
            // must be in angle brackets (RFC 3261 §20; RFC 4475 §3.1.2.13).
            uriBytes = scanner.scan { $0 != ASCII.semicolon && !$0.isSIPWhitespace }
            guard !uriBytes.contains(ASCII.question) else { return nil }
        }

        guard let uri = SIPAnyURI.parse(uriBytes),
            let parameters = SIPParameters.parseHeaderParameters(&scanner, isValid: isValidParameter)
        else { return nil }
        return SIPAddress(displayName: displayName, uri: uri, parameters: parameters)
    }

    /// Reads `<…>` and returns what is inside.
    private static func scanAngleBracketed(_ scanner: inout ByteScanner) -> ArraySlice<UInt8>? {
        guard scanner.consume(ASCII.lessThan) else { return nil }
        let inner = scanner.scan { $0 != ASCII.greaterThan }
        guard scanner.consume(ASCII.greaterThan) else { return nil }
        return inner
    }

    /// Checks the parameters whose values a registrar interprets, on the raw bytes.
    private static func isValidParameter(_ name: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>?) -> Bool {
        if asciiCaseInsensitiveEquals(name, "tag".utf8) {
            guard let value, value.allSatisfy({ $0.is(.token) }) else { return false }
        } else if asciiCaseInsensitiveEquals(name, "expires".utf8) {
            guard let value, DecimalParsing.parseSaturating(value, cap: Int(UInt32.max)) != nil else { return false }
        } else if asciiCaseInsensitiveEquals(name, "q".utf8) {
            guard let value, SIPQValue.parse(value) != nil else { return false }
        }
        return true
    }
}
