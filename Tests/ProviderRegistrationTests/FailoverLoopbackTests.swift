import Foundation
import Logging
import NIOCore
import NIOPosix
import ProviderRegistration
import RuntimeBundle
import Synchronization
import Testing

/// Failover through the manager on real sockets (127.0.0.1 only): a first server that cannot be
/// reached hands over to the second at once, because the transport error ends the transaction
/// instead of Timer F's 32 s.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct FailoverLoopbackTests {
    /// Well under Timer F (32 s): a failover that waited for it would miss this by far.
    static let bound: Double = 10

    private func settings(_ name: String, servers: [BundleAddress]) -> ProviderRegistrationSettings {
        ProviderRegistrationSettings(
            provider: name, servers: servers, login: name, password: "unused", passwordReference: .env("UNUSED"), expires: 3600)
    }

    private func status(_ registrations: ProviderRegistrations, _ name: String) -> ProviderRegistrationStatus? {
        registrations.statuses().first { $0.provider == name }
    }

    /// Polls until `condition` holds, at most `seconds`.
    private func eventually(seconds: Double = bound, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    private func start(_ settings: [ProviderRegistrationSettings]) async throws -> ProviderRegistrations {
        try await ProviderRegistrations.start(
            settings, contactHost: "127.0.0.1", contactPort: 5999, bindHost: "127.0.0.1", logger: Logger(label: "test"))
    }

    /// The first server is a closed UDP port: the ICMP port unreachable ends the REGISTER at
    /// once, and the second server registers us. A provider whose only server is silent, its
    /// REGISTER on its way from the same client socket meanwhile, is not touched by that ICMP
    /// error.
    @Test func aClosedUDPPortHandsOverToTheSecondServerAtOnce() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let closed = try await ClosedPort.udp(on: group)
        let silent = try await MuteServer.udp(on: group)
        let second = try await LoopbackRegistrar()
        let quiet = settings("quiet", servers: [.init(host: "127.0.0.1", port: silent.port, transport: "udp")])
        let registrations = try await start([quiet])
        #expect(await eventually { silent.received >= 1 }, "quiet's REGISTER is on its way")

        let began = Date()
        registrations.reload([
            quiet,
            settings("failover", servers: [.init(host: "127.0.0.1", port: closed, transport: "udp"),
                                           .init(host: "127.0.0.1", port: second.port, transport: "udp")]),
        ])
        #expect(await eventually { status(registrations, "failover")?.state == .registered },
                "\(String(describing: status(registrations, "failover")))")
        #expect(Date().timeIntervalSince(began) < Self.bound)
        let registered = try #require(status(registrations, "failover"))
        #expect(registered.target == RegistrationTarget(host: "127.0.0.1", port: second.port, transport: .udp))
        #expect(registered.lastResponse?.code == 200)
        #expect(second.requests.filter { $0.user == "failover" }.map(\.expires) == [3600])

        let quietStatus = try #require(status(registrations, "quiet"))
        #expect(quietStatus.state == .registering, "the ICMP error was about another address")
        #expect(quietStatus.lastResponse == nil && quietStatus.nextAttempt == nil, "its REGISTER is still on its way")

        await registrations.shutdown()
        #expect(second.requests.filter { $0.user == "failover" }.map(\.expires) == [3600, 0], "unregistered at the second")
        await second.close()
        try await silent.close()
        try await group.shutdownGracefully()
    }

    /// A closed TCP port (connection refused), and a TCP server that accepts the connection and
    /// closes it when the REGISTER arrives (reset mid-transaction): both hand over at once.
    @Test(arguments: [false, true])
    func aTCPFailureHandsOverToTheSecondServerAtOnce(acceptsAndCloses: Bool) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let closer = acceptsAndCloses ? try await MuteServer.closingTCP(on: group) : nil
        let port: Int
        if let closer { port = closer.port } else { port = try await ClosedPort.tcp(on: group) }
        let second = try await LoopbackRegistrar()
        let began = Date()
        let registrations = try await start([
            settings("failover", servers: [.init(host: "127.0.0.1", port: port, transport: "tcp"),
                                           .init(host: "127.0.0.1", port: second.port, transport: "udp")]),
        ])
        #expect(await eventually { status(registrations, "failover")?.state == .registered },
                "\(String(describing: status(registrations, "failover")))")
        #expect(Date().timeIntervalSince(began) < Self.bound)
        if let closer { #expect(closer.received >= 1, "the REGISTER reached the closing server first") }
        await registrations.shutdown()
        await second.close()
        try await closer?.close()
        try await group.shutdownGracefully()
    }
}

/// A port on 127.0.0.1 with nothing behind it: bound to find a free one, then closed.
enum ClosedPort {
    static func udp(on group: MultiThreadedEventLoopGroup) async throws -> Int {
        let channel = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    static func tcp(on group: MultiThreadedEventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// A server on 127.0.0.1 that counts what arrives and never answers: over UDP it reads every
/// datagram; over TCP it accepts connections and closes each when data arrives on it.
final class MuteServer: Sendable {
    private let channel: any Channel
    private let counter: Counter

    var port: Int { channel.localAddress?.port ?? 0 }
    /// Datagrams read (UDP), or connections closed after data came (TCP).
    var received: Int { counter.value }

    private init(channel: any Channel, counter: Counter) {
        self.channel = channel
        self.counter = counter
    }

    static func udp(on group: MultiThreadedEventLoopGroup) async throws -> MuteServer {
        let counter = Counter()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(CountingHandler(counter: counter)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return MuteServer(channel: channel, counter: counter)
    }

    static func closingTCP(on group: MultiThreadedEventLoopGroup) async throws -> MuteServer {
        let counter = Counter()
        let channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CountingHandler(counter: counter, closes: true))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return MuteServer(channel: channel, counter: counter)
    }

    func close() async throws {
        try await channel.close()
    }
}

/// Counts what arrives; closes the channel on the first read when asked to.
private final class CountingHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    let counter: Counter
    let closes: Bool

    init(counter: Counter, closes: Bool = false) {
        self.counter = counter
        self.closes = closes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        counter.increment()
        if closes { context.close(promise: nil) }
    }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}
