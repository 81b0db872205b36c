import Hashing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Server side of SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 7616, RFC 8760): issues
/// challenges and verifies the credentials that answer them.
///
/// Nonces are stateless (see `StatelessNonce`): a nonce proves by its MAC that this server issued
/// it and when. Only nonce counts are remembered, in a bounded table (`NonceCountTracker`), to
/// refuse replays. The object is thread-safe and meant to be shared by every event loop;
/// `verify` takes one short lock, after the hashing, and never suspends.
///
/// Decisions (see also `DigestAuthorization` and `DigestOutcome`):
/// - Every challenge offers `qop="auth"`, so credentials without `qop` (RFC 2069 style) are a
///   bad request, as is `auth-int`.
/// - A `uri` parameter that differs from the Request-URI (both trimmed of surrounding white
///   space, then compared exactly) is a bad request, as RFC 2617 §3.2.2.5 and RFC 7616 §3.4.6
///   recommend: such credentials were computed for another request, and a 400 tells the
///   implementer so instead of looping on challenges.
/// - Credentials for another realm are ignored (RFC 3261 §22.3: a request may carry credentials
///   for several realms): they lead to a fresh challenge.
/// - An unknown user is indistinguishable from a wrong password: same outcome, and the digest is
///   still computed (from a per-process dummy password) so the timing is alike.
/// - `stale=true` is sent only when the digest was right but the nonce could not be used (expired,
///   already counted, or dropped from the table), per RFC 2617 §3.2.1.
public final class DigestAuthenticator: Sendable {
    /// The realm challenges name and credentials must carry.
    public let realm: String
    /// The algorithms offered, most preferred first; one challenge each.
    public let algorithms: [DigestAuthAlgorithm]
    /// How long a nonce stays usable, in seconds.
    public let nonceLifetime: UInt64
    /// The `opaque` value sent with every challenge and required back unchanged, if any.
    public let opaque: String?

    private let nonces: StatelessNonce
    private let tracker: NonceCountTracker
    private let now: @Sendable () -> UInt64
    private let dummyPassword: String

    /// - Parameters:
    ///   - realm: the realm; for a registrar usually its domain (RFC 3261 §22.1).
    ///   - algorithms: offered in this order; RFC 8760 §2.4 has SHA-256 before MD5.
    ///   - nonceLifetime: seconds a nonce may be used; afterwards the client gets `stale=true`.
    ///   - opaque: sent in challenges and required back unchanged; `nil` to leave it out.
    ///   - maxTrackedNonces: bound of the replay table (about 100 bytes an entry). When more
    ///     nonces are in use, the oldest are retired early and their clients re-challenged.
    ///   - secret: the nonce MAC key, at least 16 bytes; by default 32 random bytes, so nonces do
    ///     not survive a restart. Inject one to share nonces across processes or in tests.
    ///   - now: the clock, in whole seconds; wall-clock Unix time by default.
    public init(
        realm: String,
        algorithms: [DigestAuthAlgorithm] = [.sha256, .md5],
        nonceLifetime: UInt64 = 300,
        opaque: String? = nil,
        maxTrackedNonces: Int = 100_000,
        secret: [UInt8]? = nil,
        now: @escaping @Sendable () -> UInt64 = DigestAuthenticator.systemClock
    ) {
        precondition(!realm.isEmpty, "the digest realm must not be empty")
        precondition(
            !realm.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "the digest realm must not contain control characters"
        )
        precondition(!algorithms.isEmpty, "offer at least one digest algorithm")
        precondition(Set(algorithms).count == algorithms.count, "an algorithm is offered twice")
        precondition(nonceLifetime > 0, "the nonce lifetime must be positive")
        let secret = secret ?? SecureRandom.bytes(count: 32)
        precondition(secret.count >= 16, "the nonce secret must be at least 16 bytes")

        self.realm = realm
        self.algorithms = algorithms
        self.nonceLifetime = nonceLifetime
        self.opaque = opaque
        self.nonces = StatelessNonce(secret: secret, realm: realm, lifetime: nonceLifetime)
        self.tracker = NonceCountTracker(capacity: maxTrackedNonces, lifetime: nonceLifetime)
        self.now = now
        self.dummyPassword = SecureRandom.bytes(count: 16).hexString
    }

    /// Unix time in whole seconds.
    public static let systemClock: @Sendable () -> UInt64 = {
        UInt64(clamping: time(nil))
    }

    // MARK: Challenging

    /// The `WWW-Authenticate` (401) or `Proxy-Authenticate` (407) header values for a new
    /// challenge: one per offered algorithm, in preference order, all with the same new nonce.
    public func challenges(stale: Bool = false) -> [String] {
        let nonce = makeNonce()
        return algorithms.map {
            DigestChallenge(realm: realm, nonce: nonce, opaque: opaque, algorithm: $0, stale: stale).headerValue
        }
    }

    /// Whether `nonce` was issued by this authenticator (under its secret and realm), expired or
    /// not. A request whose nonce is not ours cannot be a password guess — its digest is never
    /// compared — so brute-force counting (the registrar's `RequestGuard`) leaves it out: a phone
    /// that answers an old nonce after a restart is not an attacker.
    public func issued(_ nonce: String) -> Bool {
        nonces.check(nonce, now: now()) != .invalid
    }

    /// A new nonce, valid from now for `nonceLifetime` seconds. Its random part comes from the
    /// system's generator (`getrandom`), which costs less than half of libcrypto's `RAND_bytes`
    /// for 8 bytes (docs/performance.md).
    public func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return nonces.issue(at: now(), random: withUnsafeBytes(of: generator.next() as UInt64) { Array($0) })
    }

    // MARK: Verifying

    /// Verifies the digest credentials of one request.
    ///
    /// - Parameters:
    ///   - parameters: the auth-params of the `Authorization` header (names lowercased, values
    ///     unquoted); empty when the request has none.
    ///   - method: the request method, as in the request line (`REGISTER`).
    ///   - requestURI: the Request-URI, as in the request line.
    ///   - credentials: looks up a username; `nil` when there is no such user.
    public func verify(
        _ parameters: [String: String],
        method: String,
        requestURI: String,
        credentials: (String) -> DigestCredential?
    ) -> DigestOutcome {
        if parameters.isEmpty { return .challenge(stale: false) }
        let authorization: DigestAuthorization
        do {
            authorization = try DigestAuthorization(parameters: parameters, offered: algorithms)
        } catch {
            return .badRequest(reason: error.reason)
        }
        guard authorization.realm == realm else { return .challenge(stale: false) }
        guard authorization.uri == requestURI || authorization.uri.trimmingSpaces == requestURI.trimmingSpaces else {
            return .badRequest(reason: "Digest uri does not match the Request-URI")
        }
        if let opaque, authorization.opaque != opaque { return .challenge(stale: false) }

        let now = now()
        let nonce = nonces.check(authorization.nonce, now: now)
        if nonce == .invalid { return .challenge(stale: false) }

        guard digestMatches(authorization, method: method, credentials: credentials(authorization.username)) else {
            return .challenge(stale: false)
        }
        switch nonce {
        case .invalid, .expired:
            return .challenge(stale: true)
        case .fresh(let id):
            switch tracker.record(id, count: authorization.nonceCount, now: now) {
            case .accepted: return .authenticated(username: authorization.username)
            case .replayed, .forgotten: return .challenge(stale: true)
            }
        }
    }

    /// Verifies a request that carries several `Authorization` headers (RFC 3261 §22.3: one per
    /// realm): the first whose `realm` is ours is verified; without one, the client is challenged.
    public func verify(
        anyOf authorizations: [[String: String]],
        method: String,
        requestURI: String,
        credentials: (String) -> DigestCredential?
    ) -> DigestOutcome {
        guard let ours = authorizations.first(where: { $0["realm"] == realm }) else {
            return .challenge(stale: false)
        }
        return verify(ours, method: method, requestURI: requestURI, credentials: credentials)
    }

    /// Whether the response digest is right. Always computes a full digest — from a dummy
    /// password for unknown users — and compares in constant time.
    private func digestMatches(
        _ authorization: DigestAuthorization, method: String, credentials: DigestCredential?
    ) -> Bool {
        let algorithm = authorization.algorithm
        var known = true
        let ha1: String
        switch credentials {
        case .password(let password):
            ha1 = DigestResponse.ha1(algorithm: algorithm, username: authorization.username, realm: realm, password: password)
        case .ha1(let table) where table[algorithm] != nil:
            ha1 = table[algorithm]!.lowercased()
            // Hash as much as the other paths do, so a stored H(A1) does not make known users
            // answer faster than unknown ones (whose digest is computed from a dummy password).
            _ = DigestResponse.ha1(algorithm: algorithm, username: authorization.username, realm: realm, password: dummyPassword)
        case .ha1, nil:
            known = false
            ha1 = DigestResponse.ha1(algorithm: algorithm, username: authorization.username, realm: realm, password: dummyPassword)
        }
        let expected = DigestResponse.response(
            algorithm: algorithm,
            ha1: ha1,
            nonce: authorization.nonce,
            nc: authorization.nonceCountText,
            cnonce: authorization.cnonce,
            qop: authorization.qop,
            method: method,
            digestURI: authorization.uri
        )
        let equal = HMAC.constantTimeEqual(expected, authorization.response)
        return equal && known
    }
}
