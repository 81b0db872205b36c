/// One `WWW-Authenticate` (or `Proxy-Authenticate`) header value of the `Digest` scheme, in the
/// form RFC 3261 §25.1 and RFC 8760 §2 give:
///
///     Digest realm="example.com", nonce="…", algorithm=SHA-256, qop="auth"
///
/// `algorithm` is a bare token and `qop` a quoted list; `stale=true` is only written when set.
/// A server writes one (`headerValue`); a client reads one (`init(parameters:)`) and answers it
/// with a `DigestClientSession`.
public struct DigestChallenge: Sendable, Hashable {
    public var realm: String
    public var nonce: String
    public var opaque: String?
    public var algorithm: DigestAuthAlgorithm
    public var stale: Bool
    /// The `qop` options offered, lowercased. Empty for an RFC 2069 challenge (no `qop`), which
    /// is answered without `cnonce` and `nc`.
    public var qopOptions: [String]

    public init(
        realm: String, nonce: String, opaque: String? = nil, algorithm: DigestAuthAlgorithm, stale: Bool = false,
        qopOptions: [String] = ["auth"]
    ) {
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.algorithm = algorithm
        self.stale = stale
        self.qopOptions = qopOptions
    }

    /// Why a client cannot answer a challenge.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// `realm` or `nonce` is absent.
        case missing(String)
        /// `algorithm` names one this module does not implement (`MD5-sess`, `SHA-512-256`, …).
        case unsupportedAlgorithm(String)
        /// `qop` offers only options other than `auth` (`auth-int`).
        case unsupportedQOP(String)

        public var description: String {
            switch self {
            case .missing(let name): "the digest challenge has no \(name)"
            case .unsupportedAlgorithm(let token): "the digest algorithm \(token) is not supported (MD5 and SHA-256 are)"
            case .unsupportedQOP(let qop): "the digest qop \"\(qop)\" is not supported (auth is)"
            }
        }
    }

    /// Reads a challenge from its auth-params, as the SIP parser produces them (names lowercased,
    /// values unquoted). An absent `algorithm` means MD5 (RFC 2617 §3.2.1); an absent `qop`
    /// means the RFC 2069 form; `stale` is true only for the token `true` (any case).
    public init(parameters: [String: String]) throws(Problem) {
        guard let realm = parameters["realm"] else { throw .missing("realm") }
        guard let nonce = parameters["nonce"] else { throw .missing("nonce") }
        var algorithm = DigestAuthAlgorithm.md5
        if let token = parameters["algorithm"] {
            guard let named = DigestAuthAlgorithm(token: token) else { throw .unsupportedAlgorithm(token) }
            algorithm = named
        }
        var qopOptions: [String] = []
        if let qop = parameters["qop"] {
            qopOptions = qop.split(separator: ",").map { String($0.trimmingSpaces).lowercased() }.filter { !$0.isEmpty }
            guard qopOptions.contains("auth") else { throw .unsupportedQOP(qop) }
        }
        self.init(
            realm: realm, nonce: nonce, opaque: parameters["opaque"], algorithm: algorithm,
            stale: parameters["stale"]?.lowercased() == "true", qopOptions: qopOptions)
    }

    /// The header value, starting with the scheme name. Written as bytes into one buffer: a 401
    /// carries one per algorithm, and string appends cost several hundred instructions each.
    public var headerValue: String {
        var text = [UInt8]()
        text.reserveCapacity(72 + realm.utf8.count + nonce.utf8.count + (opaque?.utf8.count ?? 0))
        text += "Digest realm=".utf8
        Self.appendQuoted(realm, to: &text)
        text += ", nonce=".utf8
        Self.appendQuoted(nonce, to: &text)
        if let opaque {
            text += ", opaque=".utf8
            Self.appendQuoted(opaque, to: &text)
        }
        text += ", algorithm=".utf8
        text += algorithm.token.utf8
        if !qopOptions.isEmpty {
            text += ", qop=".utf8
            Self.appendQuoted(qopOptions.count == 1 ? qopOptions[0] : qopOptions.joined(separator: ","), to: &text)
        }
        if stale { text += ", stale=true".utf8 }
        return String(decoding: text, as: UTF8.self)
    }

    /// A quoted-string (RFC 3261 §25.1): `"` and `\` are escaped as quoted-pairs.
    static func quoted(_ value: String) -> String {
        var text = [UInt8]()
        appendQuoted(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `value` as a quoted-string to `text`.
    static func appendQuoted(_ value: String, to text: inout [UInt8]) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        text.append(quote)
        var value = value
        value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == quote || $0 == backslash }) {
                text += bytes
                return
            }
            for byte in bytes {
                if byte == quote || byte == backslash { text.append(backslash) }
                text.append(byte)
            }
        }
        text.append(quote)
    }
}
