import Logging
import NIOCore
import NIOPosix
import SIP

/// Keeps every enabled standard provider registered while `switchboard serve` runs: one
/// `RegistrationClient` each, driven on an event loop of its own, sending from a UDP socket of
/// its own on the listen IP (through a connected socket per UDP target on the same port, which
/// hears the target's ICMP errors; TCP connections for TCP targets).
///
/// Thread-safe: `reload`, `statuses` and `provider(forContactUser:)` may be called from any
/// thread. The statuses are a snapshot, for the status endpoint and `switchboard status`.
public final class ProviderRegistrations: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let coordinator: NIOLoopBound<RegistrationCoordinator>
    private let board: RegistrationBoard
    /// The UDP socket's address: where providers send their responses.
    public let localAddress: SocketAddress

    private init(
        group: MultiThreadedEventLoopGroup, coordinator: NIOLoopBound<RegistrationCoordinator>, board: RegistrationBoard,
        localAddress: SocketAddress
    ) {
        self.group = group
        self.coordinator = coordinator
        self.board = board
        self.localAddress = localAddress
    }

    /// Binds the client socket on `bindHost` and starts registering `settings`, the first
    /// attempts spread over a short window (50 ms a provider, at most 5 s).
    ///
    /// - Parameters:
    ///   - contactHost, contactPort: the Contact of every registration (a provider's
    ///     `registration_ip` replaces the host): the registrar's listen address, where the
    ///     provider sends calls.
    ///   - bindHost: the IP the client socket is bound on (any port).
    public static func start(
        _ settings: [ProviderRegistrationSettings], contactHost: String, contactPort: Int, bindHost: String,
        logger: Logger, policy: RegistrationPolicy = RegistrationPolicy(), random: RegistrationRandom = .system
    ) async throws -> ProviderRegistrations {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let board = RegistrationBoard(random: random)
        do {
            // The coordinator exists only once the socket is bound; no response can come earlier.
            let slot = NIOLoopBoundBox<RegistrationCoordinator?>.makeEmptyBox(eventLoop: loop)
            let (coordinator, local) = try await loop.flatSubmit {
                let receive = NIOLoopBound<(SIPMessage) -> Void>({ message in slot.value?.receive(message) }, eventLoop: loop)
                let unreachable = NIOLoopBound<RegistrationTransport.Unreachable>(
                    { address, transport, why in slot.value?.unreachable(address, transport: transport, why: why) }, eventLoop: loop)
                let bound = RegistrationTransport.bind(host: bindHost, on: loop, receive: receive, unreachable: unreachable)
                return bound.flatMapThrowing { transport in
                    guard let local = transport.localAddress, let localPort = local.port else {
                        throw SocketAddressError.unsupported
                    }
                    let unspecified = ["0.0.0.0", "::"].contains(local.ipAddress ?? "")
                    let endpoint = RegistrationEndpoint(
                        viaHost: unspecified ? contactHost : (local.ipAddress ?? contactHost), viaPort: localPort,
                        contactHost: contactHost, contactPort: contactPort)
                    let coordinator = RegistrationCoordinator(
                        transport: transport, endpoint: endpoint, policy: policy, random: random, board: board, logger: logger)
                    slot.value = coordinator
                    coordinator.apply(settings)
                    return (NIOLoopBound(coordinator, eventLoop: loop), local)
                }
            }.get()
            return ProviderRegistrations(group: group, coordinator: coordinator, board: board, localAddress: local)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Applies a reloaded bundle's settings: unchanged providers keep their registration,
    /// changed ones unregister and register again, removed ones unregister, new ones register.
    public func reload(_ settings: [ProviderRegistrationSettings]) {
        let coordinator = coordinator
        coordinator.eventLoop.execute { coordinator.value.apply(settings) }
    }

    /// Every provider's registration status, in bundle order.
    public func statuses() -> [ProviderRegistrationStatus] {
        board.statuses()
    }

    /// One provider's registration status; nil for a provider that is not registered at (a
    /// trunk, a disabled or unknown provider).
    public func status(of provider: String) -> ProviderRegistrationStatus? {
        board.status(of: provider)
    }

    /// The provider whose registration Contact has `user` as its user part (`sb-…`): a request
    /// to that Contact comes from that provider's side.
    public func provider(forContactUser user: String) -> String? {
        board.provider(forToken: user)
    }

    /// Unregisters every provider (each waits at most the policy's unregistration timeout),
    /// then closes the sockets and stops the event loop.
    public func shutdown() async {
        let coordinator = coordinator
        _ = try? await coordinator.eventLoop.flatSubmit { coordinator.value.stopAll() }.get()
        _ = try? await coordinator.eventLoop.flatSubmit { coordinator.value.close() }.get()
        try? await group.shutdownGracefully()
    }
}
