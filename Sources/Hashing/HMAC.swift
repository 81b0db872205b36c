import CLibCrypto

/// HMAC (RFC 2104) over the system's libcrypto, plus the two primitives that code using MACs
/// needs next to it: a constant-time comparison and a cryptographically secure random source.
public enum HMAC {
    /// HMAC-SHA-256 of `message` under `key` (32 bytes).
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        // libcrypto wants non-null pointers even for empty inputs (a null key means "reuse the
        // previous key" to HMAC_Init_ex), so empty inputs point at one unused byte.
        var key = Array(key)
        let keyLength = key.count
        if key.isEmpty { key = [0] }
        var message = Array(message)
        let messageLength = message.count
        if message.isEmpty { message = [0] }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                CLibCrypto.HMAC(
                    EVP_sha256(), keyBuffer.baseAddress, Int32(keyLength),
                    messageBuffer.baseAddress, messageLength, &output, &length
                )
            }
        }
        precondition(result != nil, "libcrypto HMAC failed")
        return Array(output.prefix(Int(length)))
    }

    /// Whether `a` and `b` hold the same bytes, in time that depends only on their lengths (never
    /// on where they first differ). Use it for every comparison of a MAC or digest an attacker
    /// can probe. Lengths are not secret: different lengths return `false` at once.
    public static func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        let a = Array(a)
        let b = Array(b)
        return a.withUnsafeBytes { aBuffer in b.withUnsafeBytes { constantTimeEqual(aBuffer, $0) } }
    }

    /// ``constantTimeEqual(_:_:)`` on memory the caller holds, without copying it.
    public static func constantTimeEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }  // both empty
        return CRYPTO_memcmp(aBase, bBase, a.count) == 0
    }

    /// ``constantTimeEqual(_:_:)`` on the UTF-8 bytes of two strings (hexadecimal digests).
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { aBytes in b.withUTF8 { constantTimeEqual(UnsafeRawBufferPointer(aBytes), UnsafeRawBufferPointer($0)) } }
    }
}

extension HMAC {
    /// An HMAC-SHA-256 key prepared once for many messages: about three times faster per message
    /// than `HMAC.sha256(key:message:)`, which has libcrypto look the algorithm up on every call.
    ///
    /// Thread-safe: the keyed libcrypto context is never changed after `init`; each call works on
    /// its own copy of it.
    public final class SHA256Key: @unchecked Sendable {
        private let template: OpaquePointer

        public init(_ key: some Collection<UInt8>) {
            guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { preconditionFailure("libcrypto has no HMAC") }
            defer { EVP_MAC_free(mac) }
            guard let context = EVP_MAC_CTX_new(mac) else { preconditionFailure("libcrypto EVP_MAC_CTX_new failed") }
            var key = Array(key)
            let keyLength = key.count
            if key.isEmpty { key = [0] }
            // An OSSL_PARAM keeps pointers to its name and value, and EVP_MAC_init reads both:
            // each must live in a buffer that outlasts the call. A string literal passed straight
            // to OSSL_PARAM_construct_utf8_string is a temporary freed when that call returns
            // (found by RegistrarFuzzer under the address sanitizer: heap-use-after-free).
            var parameterName = Array("digest".utf8CString)
            var digest = Array("SHA256".utf8CString)
            let ok = parameterName.withUnsafeMutableBufferPointer { name in
                digest.withUnsafeMutableBufferPointer { value in
                    var parameters = [
                        OSSL_PARAM_construct_utf8_string(name.baseAddress, value.baseAddress, 0),
                        OSSL_PARAM_construct_end(),
                    ]
                    return EVP_MAC_init(context, key, keyLength, &parameters)
                }
            }
            precondition(ok == 1, "libcrypto EVP_MAC_init failed")
            template = context
        }

        deinit { EVP_MAC_CTX_free(template) }

        /// HMAC-SHA-256 of `message` under this key (32 bytes).
        public func authenticationCode(for message: some Collection<UInt8>) -> [UInt8] {
            message.withContiguousStorageIfAvailable { authenticationCode(for: UnsafeRawBufferPointer($0)) }
                ?? Array(message).withUnsafeBytes { authenticationCode(for: $0) }
        }

        /// HMAC-SHA-256 of the bytes in `message` under this key (32 bytes).
        public func authenticationCode(for message: UnsafeRawBufferPointer) -> [UInt8] {
            guard let context = EVP_MAC_CTX_dup(template) else { preconditionFailure("libcrypto EVP_MAC_CTX_dup failed") }
            defer { EVP_MAC_CTX_free(context) }
            let updated = EVP_MAC_update(context, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count)
            precondition(updated == 1, "libcrypto EVP_MAC_update failed")
            return [UInt8](unsafeUninitializedCapacity: 32) { output, count in
                precondition(EVP_MAC_final(context, output.baseAddress, &count, output.count) == 1, "libcrypto EVP_MAC_final failed")
            }
        }
    }
}

/// Cryptographically secure random bytes from libcrypto's `RAND_bytes`.
public enum SecureRandom {
    /// `count` random bytes. Traps if the generator cannot be seeded (there is no safe fallback).
    public static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "negative byte count")
        var bytes = [UInt8](repeating: 0, count: count)
        if count == 0 { return bytes }
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            RAND_bytes(buffer.baseAddress, Int32(buffer.count))
        }
        precondition(ok == 1, "libcrypto RAND_bytes failed")
        return bytes
    }
}
