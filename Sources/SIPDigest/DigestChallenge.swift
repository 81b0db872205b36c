/// One `WWW-Authenticate` (or `Proxy-Authenticate`) header value of the `Digest` scheme, in the
/// form RFC 3261 §25.1 and RFC 8760 §2 give:
///
///     Digest realm="example.com", nonce="…", algorithm=SHA-256, qop="auth"
///
/// `algorithm` is a bare token and `qop` a quoted list; `stale=true` is only written when set.
public struct DigestChallenge: Sendable, Hashable {
    public var realm: String
    public var nonce: String
    public var opaque: String?
    public var algorithm: DigestAuthAlgorithm
    public var stale: Bool

    public init(realm: String, nonce: String, opaque: String? = nil, algorithm: DigestAuthAlgorithm, stale: Bool = false) {
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.algorithm = algorithm
        self.stale = stale
    }

    /// The header value, starting with the scheme name.
    public var headerValue: String {
        var text = "Digest realm=\(Self.quoted(realm)), nonce=\(Self.quoted(nonce))"
        if let opaque { text += ", opaque=\(Self.quoted(opaque))" }
        text += ", algorithm=\(algorithm.token), qop=\"auth\""
        if stale { text += ", stale=true" }
        return text
    }

    /// A quoted-string (RFC 3261 §25.1): `"` and `\` are escaped as quoted-pairs.
    static func quoted(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var text = "\""
        for character in value.unicodeScalars {
            if character == "\"" || character == "\\" { text.unicodeScalars.append("\\") }
            text.unicodeScalars.append(character)
        }
        return text + "\""
    }
}
