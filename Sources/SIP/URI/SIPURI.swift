/// A `sip:` or `sips:` URI (RFC 3261 §19.1): `sip:user:password@host:port;uri-parameters?headers`.
///
/// Components are kept as written, escapes included, so a URI serializes back to the text it
/// came from (the scheme in lower case). The derived forms are for comparison:
/// ``isEquivalent(to:)`` is RFC 3261 §19.1.4 equality, and ``addressOfRecord`` is the canonical
/// key a registrar files bindings under.
public struct SIPURI: Hashable, Sendable, CustomStringConvertible {
    public enum Scheme: String, Hashable, Sendable {
        case sip
        case sips
    }

    public var scheme: Scheme
    /// The user part as written, escapes kept (`alice`, `%61lice`, `+1-212-555-1212`).
    public var user: String?
    /// The password of `user:password@`. RFC 3261 §19.1.1 calls it NOT RECOMMENDED; it is
    /// kept so the URI round-trips, but never part of ``addressOfRecord``.
    public var password: String?
    public var host: SIPHost
    public var port: UInt16?
    /// `;transport=tcp;lr;user=phone…`
    public var parameters: SIPParameters
    /// `?subject=…&priority=…`; every value is present (possibly empty).
    public var headers: SIPParameters

    public init(
        scheme: Scheme = .sip,
        user: String? = nil,
        password: String? = nil,
        host: SIPHost,
        port: UInt16? = nil,
        parameters: SIPParameters = [],
        headers: SIPParameters = []
    ) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
    }

    /// Parses a `sip:` or `sips:` URI; `nil` if `text` is not one.
    public init?(_ text: String) {
        guard let uri = SIPURI.parse(Array(text.utf8)[...]) else { return nil }
        self = uri
    }

    /// The URI as text, written as bytes into one buffer (a registrar writes one for every
    /// binding it refreshes).
    public var description: String {
        var text = [UInt8]()
        text.reserveCapacity(48)
        text += scheme.rawValue.utf8
        text.append(ASCII.colon)
        if let user {
            text += user.utf8
            if let password {
                text.append(ASCII.colon)
                text += password.utf8
            }
            text.append(ASCII.at)
        }
        text += host.text.utf8
        if let port {
            text.append(ASCII.colon)
            DecimalParsing.append(Int(port), to: &text)
        }
        parameters.append(to: &text)
        for (index, header) in headers.enumerated() {
            text.append(index == 0 ? ASCII.question : ASCII.ampersand)
            text += header.name.utf8
            text.append(ASCII.equals)
            text += (header.value ?? "").utf8
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The `transport` parameter, lower-cased.
    public var transport: String? { parameters["transport"]?.asciiLowercased }

    /// Whether the URI has the `lr` parameter (a loose router, RFC 3261 §19.1.1).
    public var isLooseRouting: Bool { parameters.contains("lr") }

    /// The user part with every escape decoded, for display and for matching against a user
    /// name (an extension number, a login).
    public var decodedUser: String? {
        user.map { String(decoding: URIEscaping.decode(Array($0.utf8)[...]), as: UTF8.self) }
    }
}
