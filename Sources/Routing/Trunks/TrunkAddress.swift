#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IP address as one 128-bit value: IPv6 as it is, IPv4 as its IPv4-mapped IPv6 form
/// (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2).
///
/// One representation for both families means `198.51.100.7` and `::ffff:198.51.100.7` (how a
/// dual-stack socket reports an IPv4 peer) are the same address, and a range is a prefix of the
/// same 128 bits whatever its family.
public struct TrunkAddress: Hashable, Sendable {
    /// The address bits, most significant first (network order).
    public var bits: UInt128

    public init(bits: UInt128) {
        self.bits = bits
    }

    /// The IPv4-mapped prefix `::ffff:0:0/96` that an IPv4 address is stored under.
    static let ipv4Mapped: UInt128 = 0xFFFF << 32
    /// How many of the 128 bits an IPv4 address's own 32 bits are preceded by.
    static let ipv4Offset = 96

    /// An IPv4 address from its 32 bits (`a.b.c.d` is `a << 24 | b << 16 | c << 8 | d`), stored
    /// IPv4-mapped like every IPv4 address: what a socket address gives without formatting it
    /// to text and parsing it back.
    public init(ipv4 bits: UInt32) {
        self.bits = Self.ipv4Mapped | UInt128(bits)
    }

    /// Parses an address in text: dotted-quad IPv4 (strict: four decimal octets, no leading
    /// zeros), or IPv6 in any RFC 4291 form without brackets or zone. Nil for anything else.
    public init?(_ text: some StringProtocol) {
        // A NUL would end the C string early: `198.51.100.7\0…` must not read as the address.
        guard !text.utf8.contains(0) else { return nil }
        let isIPv6 = text.utf8.contains(UInt8(ascii: ":"))
        guard let bits = Self.presentationToBits(String(text), family: isIPv6 ? AF_INET6 : AF_INET) else { return nil }
        self.bits = isIPv6 ? bits : Self.ipv4Mapped | bits
    }

    /// True for an address in `::ffff:0:0/96`, which includes every IPv4 address.
    public var isIPv4: Bool {
        bits >> 32 == Self.ipv4Mapped >> 32
    }

    /// The C library's strict parser (`inet_pton`), which refuses leading zeros, short forms of
    /// IPv4 and zone indexes; the result's bytes read as one big-endian number.
    private static func presentationToBits(_ text: String, family: Int32) -> UInt128? {
        var bytes = (UInt64(0), UInt64(0))  // 16 bytes of room, enough for either family
        let parsed = withUnsafeMutableBytes(of: &bytes) { buffer in
            text.withCString { inet_pton(family, $0, buffer.baseAddress) }
        }
        guard parsed == 1 else { return nil }
        let count = family == AF_INET6 ? 16 : 4
        return withUnsafeBytes(of: &bytes) { buffer in
            buffer.prefix(count).reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        }
    }
}
