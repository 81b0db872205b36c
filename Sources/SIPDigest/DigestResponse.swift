/// The arithmetic of digest authentication with `qop=auth` (RFC 2617 §3.2.2, RFC 7616 §3.4),
/// free of any nonce or user bookkeeping so that both a server and a test client can use it.
///
///     H(A1)    = H(username ":" realm ":" password)
///     H(A2)    = H(method ":" digest-uri)
///     response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))
///     KD(s, d) = H(s ":" d)
///
/// Without `qop` (RFC 2069, kept by RFC 2617 §3.2.2.1 for old servers):
///
///     response = KD(H(A1), nonce ":" H(A2))
///
/// All digests are lowercase hexadecimal strings.
public enum DigestResponse {
    /// `H(A1)` for the non-session algorithms: `H(username:realm:password)`. This is also the
    /// value a credential store may keep instead of the password (see `DigestCredential.ha1`).
    public static func ha1(
        algorithm: DigestAuthAlgorithm, username: String, realm: String, password: String
    ) -> String {
        algorithm.hexHash(colonJoined: username, realm, password)
    }

    /// `H(A2)` for `qop=auth`: `H(method:digest-uri)`.
    public static func ha2(algorithm: DigestAuthAlgorithm, method: String, digestURI: String) -> String {
        algorithm.hexHash(colonJoined: method, digestURI)
    }

    /// The `response` parameter for `qop=auth` (or `auth-int` once `ha2` covers the body, which
    /// this module does not offer).
    public static func response(
        algorithm: DigestAuthAlgorithm,
        ha1: String,
        nonce: String,
        nc: String,
        cnonce: String,
        qop: String = "auth",
        method: String,
        digestURI: String
    ) -> String {
        let ha2 = ha2(algorithm: algorithm, method: method, digestURI: digestURI)
        return algorithm.hexHash(colonJoined: ha1, nonce, nc, cnonce, qop, ha2)
    }

    /// The `response` parameter for `qop=auth`, from the password.
    public static func response(
        algorithm: DigestAuthAlgorithm,
        username: String,
        realm: String,
        password: String,
        nonce: String,
        nc: String,
        cnonce: String,
        qop: String = "auth",
        method: String,
        digestURI: String
    ) -> String {
        response(
            algorithm: algorithm,
            ha1: ha1(algorithm: algorithm, username: username, realm: realm, password: password),
            nonce: nonce, nc: nc, cnonce: cnonce, qop: qop, method: method, digestURI: digestURI
        )
    }

    /// The `response` parameter of the RFC 2069 form, for a challenge without `qop`.
    public static func responseWithoutQOP(
        algorithm: DigestAuthAlgorithm, ha1: String, nonce: String, method: String, digestURI: String
    ) -> String {
        let ha2 = ha2(algorithm: algorithm, method: method, digestURI: digestURI)
        return algorithm.hexHash(colonJoined: ha1, nonce, ha2)
    }
}
