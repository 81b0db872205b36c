import Foundation
import Logging
import NIOCore
import NIOPosix
import RuntimeBundle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The running registrar: UDP and TCP listeners on each listen address, a timer that expires
/// bindings and old transactions, reload, and the status endpoint. Everything protocol-related
/// is in `RequestProcessor`; this type only owns sockets and timers.
///
/// UDP gets one socket per event loop on each address (``DatagramSocketGroup``), so every thread
/// reads, processes and answers datagrams; TCP connections are spread over the loops by NIO.
public final class RegistrarServer: Sendable {
    public let processor: RequestProcessor
    private let group: MultiThreadedEventLoopGroup
    private let channels: [any Channel]
    private let sweep: RepeatedTask
    /// The TCP connections open on every listen address, counted against ``TCPLimits``.
    let connections: ConnectionTable
    /// Status endpoints opened on the server's threads, closed with it.
    private let statusChannels = Mutex<[any Channel]>([])

    /// The addresses actually bound (useful when a port 0 was asked for), each once.
    public let boundAddresses: [SocketAddress]
    /// When the server started, in seconds since the epoch (its clock's).
    public let startedAt: UInt64

    /// Binds every listen address on UDP and TCP and starts serving. TCP connections get the
    /// limits of the processor's configuration (``RegistrarConfiguration/tcp``), checked first.
    public static func start(
        processor: RequestProcessor, listen: [ListenAddress], threads: Int = System.coreCount
    ) async throws -> RegistrarServer {
        try processor.state.snapshot.configuration.tcp.validate()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let streams = SIPStreamPipeline(
            processor: processor, connections: ConnectionTable(), refusals: WarningThrottle(interval: .seconds(10)))
        var channels: [any Channel] = []
        do {
            for address in listen {
                let udp = try await bindDatagramChannels(address, group: group, processor: processor)
                channels += udp
                // TCP on the same port UDP got (which matters when port 0 asked for any).
                let tcp = try await ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try streams.configure(channel) }
                    }
                    .bind(host: address.host, port: udp.first?.localAddress?.port ?? address.port).get()
                channels.append(tcp)
            }
        } catch {
            for channel in channels { try? await channel.close() }
            try? await group.shutdownGracefully()
            throw error
        }
        let sweep = group.next().scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            let now = processor.clock.now()
            do {
                for (aor, bindings) in try processor.location.removeExpired(now: now) {
                    for binding in bindings {
                        processor.logger.info("expired", metadata: ["aor": "\(aor)", "contact": "\(binding.contact)"])
                    }
                }
            } catch {
                processor.logger.error("expired bindings not deleted, retrying in 1 s", metadata: ["reason": "\(error)"])
            }
            processor.transactions.removeExpired(now: now)
            processor.requestGuard.removeExpired(now: now)
        }
        return RegistrarServer(
            processor: processor, group: group, channels: channels, sweep: sweep, connections: streams.connections)
    }

    /// One UDP channel per event loop, all on `address` (the first one's port when port 0 was
    /// asked for); a single channel where the socket group is not available.
    private static func bindDatagramChannels(
        _ address: ListenAddress, group: MultiThreadedEventLoopGroup, processor: RequestProcessor
    ) async throws -> [any Channel] {
        let loops = Array(group.makeIterator())
        let resolved = try SocketAddress.makeAddressResolvingHost(address.host, port: address.port)
        let sockets = try DatagramSocketGroup.bind(resolved, count: loops.count)
        func bootstrap(_ loop: any EventLoopGroup) -> DatagramBootstrap {
            DatagramBootstrap(group: loop)
                .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
                .channelOption(
                    .recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: SIPDatagramHandler.receiveBufferSize))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(processor: processor))
                    }
                }
        }
        guard !sockets.isEmpty else {
            return [try await bootstrap(group).channelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(to: resolved).get()]
        }
        var channels: [any Channel] = []
        var unused = sockets[...]
        do {
            for (loop, socket) in zip(loops, sockets) {
                unused = unused.dropFirst()
                channels.append(try await bootstrap(loop).withBoundSocket(socket).get())
            }
        } catch {
            for socket in unused { close(socket) }
            for channel in channels { try? await channel.close() }
            throw error
        }
        return channels
    }

    private init(
        processor: RequestProcessor, group: MultiThreadedEventLoopGroup, channels: [any Channel], sweep: RepeatedTask,
        connections: ConnectionTable
    ) {
        self.processor = processor
        self.connections = connections
        self.group = group
        self.channels = channels
        self.sweep = sweep
        self.startedAt = processor.clock.now()
        // The UDP sockets of one address share it: list it once.
        var seen: Set<SocketAddress> = []
        self.boundAddresses = channels.compactMap(\.localAddress).filter { seen.insert($0).inserted }
    }

    /// Puts a configuration loaded from the bundle at `path` in force. Bindings of extensions
    /// that no longer exist are dropped; the others survive.
    public func apply(_ configuration: RegistrarConfiguration, from path: String) {
        processor.state.replace(configuration: configuration)
        // New limits apply at once; bans, locks and counts are kept.
        processor.requestGuard.update(configuration.guardLimits)
        let snapshot = processor.state.snapshot
        do {
            try processor.location.retain(where: snapshot.serves(addressOfRecord:))
        } catch {
            processor.logger.error(
                "bindings of removed extensions not deleted; they lapse on their own", metadata: ["reason": "\(error)"])
        }
        processor.logger.info("reloaded", metadata: ["bundle": "\(path)", "digest": "\(configuration.bundleDigest)"])
    }

    /// Opens the status endpoint on a loopback `address` (see ``StatusEndpoint``), served by the
    /// server's threads and closed by ``shutdown()``. Returns the address bound (port 0: the one
    /// the system chose).
    public func openStatusEndpoint(
        at address: ListenAddress, source: @escaping StatusSource, routes: RouteSource? = nil
    ) async throws -> ListenAddress {
        let channel = try await StatusEndpoint.bind(address, group: group, source: source, routes: routes)
        statusChannels.withLock { $0.append(channel) }
        guard let bound = channel.localAddress.flatMap(ListenAddress.init) else {
            throw ChannelError.inappropriateOperationForState
        }
        return bound
    }

    /// The status report as the registrar itself knows it: its bundle, uptime, listen addresses
    /// and registrations, with provider rows from `providers` (by default the bundle's, see
    /// ``ProviderStatus/init(unregistered:)``, until the registration client and the line pool
    /// provide live ones).
    public func statusReport(
        providers: (SwitchboardBundle) -> [ProviderStatus] = { $0.providers.map(ProviderStatus.init(unregistered:)) }
    ) -> StatusReport {
        let now = processor.clock.now()
        let configuration = processor.state.snapshot.configuration
        let counts = processor.location.counts(now: now)
        return StatusReport(
            generatedAt: Date(timeIntervalSince1970: TimeInterval(now)),
            uptimeSeconds: Int(now >= startedAt ? now - startedAt : 0),
            bundle: StatusReport.Bundle(
                digest: configuration.bundleDigest, loadedAt: Date(timeIntervalSince1970: TimeInterval(configuration.loadedAt))),
            listen: boundAddresses.compactMap { ListenAddress($0)?.description },
            registrations: StatusReport.Registrations(extensions: counts.addressesOfRecord, bindings: counts.bindings),
            providers: providers(configuration.bundle),
            security: StatusReport.Security(
                bannedSources: processor.requestGuard.bannedSources(now: now),
                lockedUsers: processor.requestGuard.lockedUsers(now: now)))
    }

    /// Closes every socket and stops the threads.
    public func shutdown() async {
        sweep.cancel()
        for channel in statusChannels.withLock({ $0 }) { try? await channel.close() }
        for channel in channels { try? await channel.close() }
        try? await group.shutdownGracefully()
    }
}
