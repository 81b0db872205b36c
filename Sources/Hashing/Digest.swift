import CLibCrypto

/// Message digests from the system's OpenSSL libcrypto (see the README for why not swift-crypto).
public enum DigestAlgorithm: Sendable {
    case sha256
    case md5

    fileprivate var evp: OpaquePointer? {
        switch self {
        case .sha256: EVP_sha256()
        case .md5: EVP_md5()
        }
    }

    /// The digest of `bytes`.
    public func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withContiguousStorageIfAvailable { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &output, &length, evp, nil)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &output, &length, evp, nil)
        }
        precondition(ok == 1, "libcrypto EVP_Digest failed")
        return Array(output.prefix(Int(length)))
    }

    /// The digest of `bytes` as lowercase hexadecimal.
    public func hexHash(_ bytes: some Collection<UInt8>) -> String {
        hash(bytes).hexString
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hexadecimal, two digits a byte.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
