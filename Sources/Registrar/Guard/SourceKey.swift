import Routing

/// What the limits count by: an IPv4 address, or the /64 network of an IPv6 address (one
/// subscriber usually gets a whole /64, so counting single IPv6 addresses would give an attacker
/// 2^64 fresh sources). An IPv4 peer seen through a dual-stack socket (`::ffff:a.b.c.d`) is the
/// same key as the plain IPv4 address.
public struct SourceKey: Hashable, Sendable, CustomStringConvertible {
    /// The address bits (IPv4 as IPv4-mapped IPv6), the low 64 bits cleared for IPv6.
    public let bits: UInt128
    /// The address the key was made from, for log lines.
    public let address: TrunkAddress

    /// Nil when `host` is not an IP address in text.
    public init?(host: some StringProtocol) {
        guard let address = TrunkAddress(host) else { return nil }
        self.init(address)
    }

    public init(_ address: TrunkAddress) {
        self.address = address
        bits = address.isIPv4 ? address.bits : address.bits & ~UInt128(UInt64.max)
    }

    public static func == (lhs: SourceKey, rhs: SourceKey) -> Bool { lhs.bits == rhs.bits }
    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }

    /// `203.0.113.9`, or `2001:db8:1:2::/64`.
    public var description: String {
        if address.isIPv4 {
            let value = UInt32(truncatingIfNeeded: bits)
            return (0..<4).map { String((value >> (24 - 8 * $0)) & 0xFF) }.joined(separator: ".")
        }
        let groups = (0..<4).map { String(UInt16(truncatingIfNeeded: bits >> (112 - 16 * $0)), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
