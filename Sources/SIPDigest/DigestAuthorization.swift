/// The digest credentials of one `Authorization` (or `Proxy-Authorization`) header, checked for
/// form: every field this server needs is present and well-formed, and nothing is asked for that
/// it never offers. Whether the credentials are *right* is `DigestAuthenticator`'s business.
///
/// The input is the header's auth-params as the SIP parser produces them: names lowercased,
/// values unquoted (quoted-pairs resolved). The `Digest` scheme itself is checked by the caller.
public struct DigestAuthorization: Sendable, Hashable {
    public var username: String
    public var realm: String
    public var nonce: String
    /// The `uri` parameter (digest-uri), exactly as sent.
    public var uri: String
    /// The `response` parameter, lowercased.
    public var response: String
    /// `algorithm`; MD5 when the parameter is absent (RFC 2617 §3.2.1, RFC 3261 §25.1).
    public var algorithm: DigestAuthAlgorithm
    /// `qop` as sent (it enters the digest verbatim); always `auth` case-insensitively.
    public var qop: String
    /// `nc` as sent (it enters the digest verbatim): eight hexadecimal digits.
    public var nonceCountText: String
    /// `nc` as a number.
    public var nonceCount: UInt32
    public var cnonce: String
    public var opaque: String?

    /// Why a set of parameters is not acceptable. Each maps to a 400 response.
    public enum Problem: Error, Sendable, Hashable {
        /// A required parameter is absent (or `cnonce` is empty).
        case missing(String)
        /// `algorithm` names something other than the algorithms `offered`.
        case unsupportedAlgorithm(String)
        /// `qop` is absent: RFC 2069-style digests are refused because every challenge offers
        /// `qop="auth"`, so a conforming client always answers with it.
        case missingQOP
        /// `qop` is something other than `auth` (`auth-int` is never offered).
        case unsupportedQOP(String)
        /// `nc` is not exactly eight hexadecimal digits.
        case malformedNonceCount
        /// `response` is not a hexadecimal digest of the algorithm's length.
        case malformedResponse
        /// `userhash=true` (RFC 7616 §3.4.4); never offered.
        case userhashNotSupported

        /// A reason phrase for the 400 response. It depends only on the request's form.
        public var reason: String {
            switch self {
            case .missing(let name): "Missing or empty digest parameter '\(name)'"
            case .unsupportedAlgorithm: "Unsupported digest algorithm"
            case .missingQOP: "Digest without qop is not supported"
            case .unsupportedQOP: "Unsupported digest qop"
            case .malformedNonceCount: "Malformed digest nonce count"
            case .malformedResponse: "Malformed digest response"
            case .userhashNotSupported: "Digest userhash is not supported"
            }
        }
    }

    /// Checks `parameters` for form. `offered` are the algorithms the server offers; any other
    /// algorithm, even one this module knows, is refused.
    public init(
        parameters: [String: String],
        offered: [DigestAuthAlgorithm] = DigestAuthAlgorithm.allCases
    ) throws(Problem) {
        func required(_ name: String) throws(Problem) -> String {
            guard let value = parameters[name] else { throw .missing(name) }
            return value
        }
        username = try required("username")
        realm = try required("realm")
        nonce = try required("nonce")
        uri = try required("uri")
        let response = try required("response")

        if let token = parameters["algorithm"] {
            guard let algorithm = DigestAuthAlgorithm(token: token), offered.contains(algorithm) else {
                throw .unsupportedAlgorithm(token)
            }
            self.algorithm = algorithm
        } else {
            guard offered.contains(.md5) else { throw .unsupportedAlgorithm("MD5") }
            algorithm = .md5
        }

        if let userhash = parameters["userhash"], userhash.lowercased() == "true" {
            throw .userhashNotSupported
        }

        guard let qop = parameters["qop"] else { throw .missingQOP }
        guard qop == "auth" || qop.lowercased() == "auth" else { throw .unsupportedQOP(qop) }
        self.qop = qop

        let nc = try required("nc")
        guard nc.utf8.count == 8, nc.isHexadecimal, let count = UInt32(nc, radix: 16) else {
            throw .malformedNonceCount
        }
        nonceCountText = nc
        nonceCount = count

        cnonce = try required("cnonce")
        guard !cnonce.isEmpty else { throw .missing("cnonce") }

        guard response.utf8.count == algorithm.hexDigestLength, response.isHexadecimal else {
            throw .malformedResponse
        }
        self.response = response.isLowercaseASCII ? response : response.lowercased()
        opaque = parameters["opaque"]
    }
}

extension String {
    /// Whether every byte is a hexadecimal digit (either case).
    var isHexadecimal: Bool {
        var text = self
        return text.withUTF8 { $0.allSatisfy(\.isHexDigit) }
    }

    /// Whether no byte is an upper-case ASCII letter (so `lowercased()` would change nothing in
    /// ASCII text).
    var isLowercaseASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } }
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
