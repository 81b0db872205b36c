import Logging
import NIOCore
import Routing
import RuntimeBundle
import Testing
@testable import Registrar

/// The source address read from a socket address's bytes must be the one its text reads as, for
/// both families and for an IPv4 peer seen through a dual-stack socket.
@Suite struct PacketSourceAddressTests {
    @Test(arguments: ["198.51.100.7", "0.0.0.1", "255.255.255.255", "2001:db8::5", "::1", "::ffff:203.0.113.9", "fe80::1:2"])
    func socketAddressBitsMatchTheText(_ text: String) throws {
        let socketAddress = try SocketAddress(ipAddress: text, port: 5060)
        let source = try #require(PacketSource(socketAddress, transport: .udp))
        #expect(source.address == TrunkAddress(text))
        #expect(source.address == PacketSource(host: source.host, port: 5060, transport: .udp).address)
        #expect(source.port == 5060)
    }

    @Test func dualStackIPv4PeerIsTheIPv4Address() throws {
        let mapped = try #require(PacketSource(try SocketAddress(ipAddress: "::ffff:203.0.113.9", port: 1), transport: .udp))
        let plain = try #require(PacketSource(try SocketAddress(ipAddress: "203.0.113.9", port: 1), transport: .udp))
        #expect(mapped.address == plain.address)
        #expect(mapped.address?.isIPv4 == true)
        #expect(mapped.address.map(SourceKey.init) == SourceKey(host: "203.0.113.9"))
    }

    @Test func unixSocketHasNoSource() throws {
        #expect(PacketSource(try SocketAddress(unixDomainSocketPath: "/tmp/switchboard-test.sock"), transport: .tcp) == nil)
    }

    /// The guard answers the same by source as by host text: a ban made through one is seen
    /// through the other.
    @Test func guardAnswersAlikeBySourceAndByHost() throws {
        let limits = try RequestGuardTests.limits(perSource: 2, perUser: 100, rate: 0, ban: 60)
        let requestGuard = RequestGuard(limits: limits, logger: Logger(label: "test"))
        let source = try #require(PacketSource(try SocketAddress(ipAddress: "::ffff:203.0.113.9", port: 40_000), transport: .udp))
        requestGuard.authenticationFailed(user: "100", source: source, now: 1_000)
        requestGuard.authenticationFailed(user: "100", host: "203.0.113.9", now: 1_000)
        #expect(!requestGuard.admit(source, now: 1_000))
        #expect(!requestGuard.admit(host: "203.0.113.9", now: 1_000))
        #expect(requestGuard.isBanned(source, now: 1_000))
        #expect(!requestGuard.isBanned(source, now: 1_061))
        // A host that is not an address is never limited.
        #expect(requestGuard.admit(PacketSource(host: "phone.example", port: 1, transport: .udp), now: 1_000))
    }
}
