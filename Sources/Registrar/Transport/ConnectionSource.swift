import NIOCore

/// Who a connection counts against: an IPv4 address, or the /64 network of an IPv6 address.
///
/// An IPv6 host is usually given a whole /64 and can pick any address in it, so counting single
/// IPv6 addresses would limit nothing. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, as a
/// dual-stack socket reports IPv4 peers) counts as its IPv4 address.
enum ConnectionSource: Hashable, Sendable, CustomStringConvertible {
    case ipv4(UInt32)
    /// The first 64 bits of the address.
    case ipv6Network(UInt64)

    /// The source of `address`; nil for addresses without IP (Unix sockets).
    init?(_ address: SocketAddress) {
        switch address {
        case .v4(let v4):
            self = .ipv4(UInt32(bigEndian: v4.address.sin_addr.s_addr))
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let isMapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            if isMapped {
                self = .ipv4(bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) })
            } else {
                self = .ipv6Network(bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) })
            }
        case .unixDomainSocket:
            return nil
        }
    }

    /// `192.0.2.1`, or `2001:db8:0:1::/64`.
    var description: String {
        switch self {
        case .ipv4(let address):
            return (0..<4).map { "\(address >> (24 - 8 * $0) & 0xFF)" }.joined(separator: ".")
        case .ipv6Network(let network):
            let groups = (0..<4).map { String(network >> (48 - 16 * $0) & 0xFFFF, radix: 16) }
            return groups.joined(separator: ":") + "::/64"
        }
    }
}
