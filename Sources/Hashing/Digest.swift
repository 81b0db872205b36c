import CLibCrypto

/// Message digests from the system's OpenSSL libcrypto (see the README for why not swift-crypto).
public enum DigestAlgorithm: Sendable {
    case sha256
    case md5

    /// The algorithm, fetched from the default provider once per process: `EVP_Digest` with the
    /// implicit `EVP_md5()` looks it up again on every call (832 ns against 349 ns for a 40-byte
    /// MD5, docs/performance.md). A fetched `EVP_MD` is immutable and may be used by many
    /// threads at once.
    private static let fetchedSHA256 = Fetched(name: "SHA256")
    private static let fetchedMD5 = Fetched(name: "MD5")

    private final class Fetched: @unchecked Sendable {
        let md: OpaquePointer

        init(name: String) {
            guard let md = EVP_MD_fetch(nil, name, nil) else { preconditionFailure("libcrypto has no \(name)") }
            self.md = md
        }

        deinit { EVP_MD_free(md) }
    }

    var evp: OpaquePointer {
        switch self {
        case .sha256: Self.fetchedSHA256.md
        case .md5: Self.fetchedMD5.md
        }
    }

    /// The digest of `bytes`.
    public func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// The digest of the bytes in `buffer`.
    public func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        withDigest(of: buffer) { Array($0) }
    }

    /// The digest of `bytes` as lowercase hexadecimal.
    public func hexHash(_ bytes: some Collection<UInt8>) -> String {
        bytes.withContiguousStorageIfAvailable { hexHash(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { hexHash($0) }
    }

    /// The digest of the bytes in `buffer` as lowercase hexadecimal.
    public func hexHash(_ buffer: UnsafeRawBufferPointer) -> String {
        withDigest(of: buffer, HexDigits.string)
    }

    /// The digest of the UTF-8 bytes of `text` as lowercase hexadecimal.
    public func hexHash(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hexHash(UnsafeRawBufferPointer($0)) }
    }

    /// Hashes `buffer` into a buffer on the stack and hands the digest to `body`.
    func withDigest<Result>(of buffer: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { output in
            var length: UInt32 = 0
            // libcrypto wants a non-null pointer even for no bytes.
            let ok = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
                EVP_Digest(buffer.baseAddress ?? UnsafeRawPointer(empty.baseAddress!), buffer.count, output.baseAddress, &length, evp, nil)
            }
            precondition(ok == 1, "libcrypto EVP_Digest failed")
            return body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(output)[..<Int(length)]))
        }
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hexadecimal, two digits a byte.
    public var hexString: String {
        withUnsafeBytes { bytes in
            HexDigits.string(bytes)
        }
    }
}

/// Lowercase hexadecimal digits, written straight into a string's storage.
enum HexDigits {
    /// Two digits a byte of `bytes`.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in write(bytes, into: text) }
    }

    /// Writes two digits a byte of `bytes` into `text` (which has room for them); the count written.
    static func write(_ bytes: UnsafeRawBufferPointer, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        for (index, byte) in bytes.enumerated() {
            text[2 * index] = digit(byte >> 4)
            text[2 * index + 1] = digit(byte & 0x0F)
        }
        return bytes.count * 2
    }

    @inline(__always)
    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
