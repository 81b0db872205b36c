import Hashing

/// A digest algorithm of HTTP/SIP digest authentication (RFC 7616 §3.3, RFC 8760 for SIP), named by
/// the token that appears in the `algorithm` parameter.
///
/// Only the non-session variants are supported; `MD5-sess`, `SHA-256-sess` and `SHA-512-256` are
/// refused as unsupported (RFC 8760 makes SHA-512-256 optional, and neither side of a registrar
/// needs the session variants).
public enum DigestAuthAlgorithm: String, Sendable, Hashable, CaseIterable {
    case sha256 = "SHA-256"
    case md5 = "MD5"

    /// The algorithm an `algorithm` parameter names (case-insensitively, RFC 7616 §3.3), or `nil`
    /// if it names one this module does not support. An absent parameter means MD5 (RFC 2617
    /// §3.2.1, RFC 3261 §25.1); callers handle that case themselves.
    public init?(token: String) {
        switch token.uppercased() {
        case "SHA-256": self = .sha256
        case "MD5": self = .md5
        default: return nil
        }
    }

    /// The token to write in a challenge: `SHA-256` or `MD5`.
    public var token: String { rawValue }

    /// Length of the hexadecimal digests this algorithm produces (32 for MD5, 64 for SHA-256).
    public var hexDigestLength: Int {
        switch self {
        case .sha256: 64
        case .md5: 32
        }
    }

    /// `H(data)` of RFC 7616 §3.4.1: the lowercase hexadecimal digest of the UTF-8 bytes.
    func hexHash(_ text: String) -> String {
        hashing.hexHash(text)
    }

    /// `H(part1 ":" part2 ":" …)`, hashed from one buffer on the stack: every digest of the
    /// scheme hashes colon-joined fields, and building the joined string first cost more than
    /// the hash.
    func hexHash(colonJoined parts: String...) -> String {
        let count = parts.reduce(parts.count - 1) { $0 + $1.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            var offset = 0
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    buffer[offset] = UInt8(ascii: ":")
                    offset += 1
                }
                offset += UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(from: part.utf8).1
            }
            return hashing.hexHash(UnsafeRawBufferPointer(buffer))
        }
    }

    private var hashing: DigestAlgorithm {
        switch self {
        case .sha256: .sha256
        case .md5: .md5
        }
    }
}
