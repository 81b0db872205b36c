import NIOCore
import Routing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PacketSource {
    /// The source of a packet from NIO's address; nil for addresses without IP (Unix sockets).
    ///
    /// The 128-bit address is taken from the socket address's bytes, not parsed back from the
    /// text NIO formats: that text is kept for bindings and responses, the bits for everything
    /// that compares addresses.
    init?(_ address: SocketAddress, transport: Transport) {
        guard let ip = address.ipAddress, let port = address.port else { return nil }
        self.init(host: ip, address: TrunkAddress(address), port: port, transport: transport)
    }
}

extension TrunkAddress {
    /// The address of an IPv4 or IPv6 socket address, read from its bytes; nil for a Unix
    /// socket. An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, a dual-stack socket's IPv4 peer)
    /// has the same bits as the IPv4 address.
    init?(_ address: SocketAddress) {
        switch address {
        case .v4(let v4):
            self.init(ipv4: UInt32(bigEndian: v4.address.sin_addr.s_addr))
        case .v6(let v6):
            var inet6 = v6.address.sin6_addr
            let bits = withUnsafeBytes(of: &inet6) { bytes in
                bytes.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
            }
            self.init(bits: bits)
        case .unixDomainSocket:
            return nil
        }
    }
}
