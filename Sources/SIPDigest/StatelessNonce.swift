import Hashing

/// The identity of one nonce this server issued: its issue time and random part. The MAC binds
/// both, so they identify the nonce uniquely, in 16 bytes instead of a 43-character string.
struct NonceID: Hashable, Sendable {
    var issuedAt: UInt64
    var random: UInt64
}

/// Stateless nonces: each nonce carries its own issue time and proves it came from this server,
/// so no table is needed to check a nonce (only to count its uses, see `NonceCountTracker`).
///
///     nonce = base64url( timestamp (8 bytes, big-endian seconds)
///                     || random (8 bytes)
///                     || HMAC-SHA-256(secret, timestamp || random || realm)[0..<16] )
///
/// 32 bytes, 43 characters. Binding the realm means a nonce of one realm is worthless in another
/// realm that happens to share the secret.
struct StatelessNonce: Sendable {
    enum Check: Hashable, Sendable {
        /// Ours and within its lifetime.
        case fresh(NonceID)
        /// Ours, but older than its lifetime (or issued more than a lifetime in the future: the
        /// clock was stepped back).
        case expired(NonceID)
        /// Not a nonce this server issued under this secret and realm.
        case invalid
    }

    static let macLength = 16
    static let encodedLength = 43

    let key: HMAC.SHA256Key
    let realm: [UInt8]
    let lifetime: UInt64

    init(secret: [UInt8], realm: String, lifetime: UInt64) {
        self.key = HMAC.SHA256Key(secret)
        self.realm = Array(realm.utf8)
        self.lifetime = lifetime
    }

    /// A new nonce issued at `now` with the 8 bytes `random`.
    func issue(at now: UInt64, random: [UInt8]) -> String {
        precondition(random.count == 8, "a nonce takes 8 random bytes")
        var bytes = Self.bigEndianBytes(now) + random
        bytes += mac(bytes[...])
        return Base64URL.encode(bytes)
    }

    /// Whether `nonce` is one of ours, and whether it is still fresh at `now`.
    func check(_ nonce: String, now: UInt64) -> Check {
        guard nonce.utf8.count == Self.encodedLength, let bytes = Base64URL.decode(nonce), bytes.count == 32 else {
            return .invalid
        }
        let body = bytes[0..<16]
        let expected = mac(body)
        let matches = expected.withUnsafeBytes { expected in
            bytes.withUnsafeBytes { HMAC.constantTimeEqual(expected, UnsafeRawBufferPointer(rebasing: $0[16..<32])) }
        }
        guard matches else { return .invalid }
        let issuedAt = body[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let random = body[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let id = NonceID(issuedAt: issuedAt, random: random)
        let (expiry, overflow) = issuedAt.addingReportingOverflow(lifetime)
        if overflow || now > expiry { return .expired(id) }
        if issuedAt > now, issuedAt - now > lifetime { return .expired(id) }
        return .fresh(id)
    }

    /// The first 16 bytes of HMAC-SHA-256(secret, body || realm).
    private func mac(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var message = [UInt8]()
        message.reserveCapacity(body.count + realm.count)
        message += body
        message += realm
        return message.withUnsafeBytes { key.authenticationCode(for: $0) }.prefix(Self.macLength)
    }

    private static func bigEndianBytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
