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
    /// An HMAC-SHA-256 key prepared once for many messages.
    ///
    /// RFC 2104 by its definition, `H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))`, with both padded keys
    /// made once: each message is two one-shot SHA-256 digests over buffers on the stack. A
    /// libcrypto `EVP_MAC` context duplicated and freed per message, as this type did before,
    /// cost three times as many instructions (10,500 against about 3,500 for a nonce), most of
    /// them in allocating, copying and cleansing contexts.
    ///
    /// Thread-safe: nothing changes after `init`. The padded keys stay in memory for the key's
    /// lifetime, as the prepared libcrypto context did.
    public final class SHA256Key: Sendable {
        /// SHA-256's block size: a key is padded (or first hashed) to it.
        static let blockSize = 64
        /// The key padded to a block, XORed with 0x36 (ipad) and 0x5c (opad).
        private let innerPad: [UInt8]
        private let outerPad: [UInt8]

        public init(_ key: some Collection<UInt8>) {
            var block = Array(key)
            if block.count > Self.blockSize { block = DigestAlgorithm.sha256.hash(block) }
            block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
            innerPad = block.map { $0 ^ 0x36 }
            outerPad = block.map { $0 ^ 0x5c }
        }

        /// HMAC-SHA-256 of `message` under this key (32 bytes).
        public func authenticationCode(for message: some Collection<UInt8>) -> [UInt8] {
            message.withContiguousStorageIfAvailable { authenticationCode(for: UnsafeRawBufferPointer($0)) }
                ?? Array(message).withUnsafeBytes { authenticationCode(for: $0) }
        }

        /// HMAC-SHA-256 of the bytes in `message` under this key (32 bytes).
        public func authenticationCode(for message: UnsafeRawBufferPointer) -> [UInt8] {
            Self.digest(innerPad, message) { inner in Self.digest(outerPad, inner) { Array($0) } }
        }

        /// SHA-256 of `pad ‖ message`, handed to `body`.
        private static func digest<Result>(
            _ pad: [UInt8], _ message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
        ) -> Result {
            withUnsafeTemporaryAllocation(byteCount: blockSize + message.count, alignment: 1) { buffer in
                pad.withUnsafeBytes { buffer.copyMemory(from: $0) }
                if !message.isEmpty { UnsafeMutableRawBufferPointer(rebasing: buffer[blockSize...]).copyMemory(from: message) }
                return DigestAlgorithm.sha256.withDigest(of: UnsafeRawBufferPointer(buffer), body)
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
