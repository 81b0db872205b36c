import NIOCore
import NIOPosix
import SIP

/// The sockets registrations are sent from, all on one event loop: one UDP socket bound on the
/// listen IP (a port of its own, so responses never reach the registrar's listeners), a
/// connected UDP socket per UDP target sharing its address and port (`DatagramFlow`: the one
/// that hears the target's ICMP errors), and one TCP connection per TCP target. Both kinds of
/// path are opened on first use and forgotten when they close. Every response read on any of
/// them is handed to `receive`; every sign that a target cannot be reached (an ICMP error on
/// its UDP path, its TCP connection reset or closed) to `unreachable`.
final class RegistrationTransport {
    /// What reports a target that cannot be reached: its address, the transport, and why.
    typealias Unreachable = (SocketAddress, SIPTransport, String) -> Void

    let loop: any EventLoop
    private let datagrams: any Channel
    private let receive: NIOLoopBound<(SIPMessage) -> Void>
    private let unreachable: NIOLoopBound<Unreachable>
    /// The paths to targets: UDP flows and TCP connections, opened or opening.
    private var paths: [Path: EventLoopFuture<any Channel>] = [:]

    private struct Path: Hashable {
        var address: SocketAddress
        var transport: SIPTransport
    }

    private init(
        loop: any EventLoop, datagrams: any Channel, receive: NIOLoopBound<(SIPMessage) -> Void>,
        unreachable: NIOLoopBound<Unreachable>
    ) {
        self.loop = loop
        self.datagrams = datagrams
        self.receive = receive
        self.unreachable = unreachable
    }

    /// Binds the UDP socket on `host` (any port), then lets the `DatagramFlow`s share its port.
    /// `SO_REUSEPORT` is set only after the bind: a socket that has it while the system picks
    /// its port may be given a port another socket of the same user shares already, and then
    /// half of the responses would go there.
    static func bind(
        host: String, on loop: any EventLoop, receive: NIOLoopBound<(SIPMessage) -> Void>,
        unreachable: NIOLoopBound<Unreachable>
    ) -> EventLoopFuture<RegistrationTransport> {
        DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ResponseDatagramHandler(receive: receive, path: nil))
                }
            }
            .bind(host: host, port: 0)
            .flatMap { channel in
                // Without it the flows cannot be opened and requests leave from this socket.
                channel.setOption(DatagramFlow.reusePort, value: 1).recover { _ in }.map { channel }
            }
            .map { RegistrationTransport(loop: loop, datagrams: $0, receive: receive, unreachable: unreachable) }
    }

    /// The UDP socket's address: the Via sent-by of every request.
    var localAddress: SocketAddress? { datagrams.localAddress }

    /// `AF_INET` or `AF_INET6`: the family targets are resolved in.
    var family: Int32 { Int32(datagrams.localAddress?.protocol.rawValue ?? NIOBSDSocket.ProtocolFamily.inet.rawValue) }

    /// Sends `message` to `address`. Over UDP the future fails on a local error, or on an ICMP
    /// error the kernel kept for the target's path; over TCP also when the connection cannot be
    /// opened.
    func send(_ message: SIPMessage, to address: SocketAddress, transport: SIPTransport) -> EventLoopFuture<Void> {
        let bytes = message.serialize()
        return path(to: address, transport: transport).flatMap { channel in
            let buffer = channel.allocator.buffer(bytes: bytes)
            guard transport != .tcp else { return channel.writeAndFlush(buffer) }
            return channel.writeAndFlush(AddressedEnvelope(remoteAddress: channel.remoteAddress ?? address, data: buffer))
        }
    }

    /// Closes the UDP paths to every address not in `addresses` (the ones no registration is
    /// using any more). TCP connections stay until the provider closes them.
    func closeFlows(except addresses: Set<SocketAddress>) {
        let datagrams = datagrams
        for (path, opened) in paths where path.transport != .tcp && !addresses.contains(path.address) {
            paths[path] = nil
            opened.whenSuccess { if $0 !== datagrams { $0.close(promise: nil) } }
        }
    }

    /// The open path to `address`, opened now if there is none; forgotten when it closes.
    private func path(to address: SocketAddress, transport: SIPTransport) -> EventLoopFuture<any Channel> {
        let path = Path(address: address, transport: transport)
        if let existing = paths[path] { return existing }
        let opened = transport == .tcp ? connection(to: address) : flow(to: address)
        paths[path] = opened
        let (owner, datagrams) = (NIOLoopBound(self, eventLoop: loop), datagrams)
        opened.whenComplete { result in
            switch result {
            case .success(let channel) where channel === datagrams:
                break
            case .success(let channel):
                channel.closeFuture.whenComplete { _ in owner.value.forget(path, opened) }
            case .failure:
                owner.value.forget(path, opened)
            }
        }
        return opened
    }

    private func forget(_ path: Path, _ opened: EventLoopFuture<any Channel>) {
        if paths[path] === opened { paths[path] = nil }
    }

    /// A connected UDP socket to `address`; the client socket itself when none can be opened
    /// (then ICMP errors go unheard and Timer F ends the transaction, as before).
    private func flow(to address: SocketAddress) -> EventLoopFuture<any Channel> {
        guard let local = datagrams.localAddress else { return loop.makeSucceededFuture(datagrams) }
        let (receive, unreachable, datagrams) = (receive, unreachable, datagrams)
        return DatagramFlow.open(from: local, to: address, on: loop) {
            ResponseDatagramHandler(receive: receive, path: (address, unreachable))
        }.recover { _ in datagrams }
    }

    private func connection(to address: SocketAddress) -> EventLoopFuture<any Channel> {
        let (receive, unreachable) = (receive, unreachable)
        return ClientBootstrap(group: loop)
            .connectTimeout(.seconds(5))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ResponseStreamHandler(target: address, receive: receive, unreachable: unreachable))
                }
            }
            .connect(to: address)
    }

    /// Closes every socket.
    func close() -> EventLoopFuture<Void> {
        let datagrams = datagrams
        let sockets = paths.values.map { opened in
            opened.flatMap { $0 === datagrams ? $0.eventLoop.makeSucceededVoidFuture() : $0.close() }.recover { _ in }
        }
        paths = [:]
        return EventLoopFuture.andAllComplete(sockets + [datagrams.close().recover { _ in }], on: loop)
    }
}
