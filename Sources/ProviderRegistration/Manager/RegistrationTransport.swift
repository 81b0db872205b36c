import NIOCore
import NIOPosix
import SIP

/// The sockets registrations are sent from, all on one event loop: one UDP socket bound on the
/// listen IP (a port of its own, so responses never reach the registrar's listeners), and one
/// TCP connection per TCP target, opened on first use and forgotten when it closes. Every
/// response read on any of them is handed to `receive`.
final class RegistrationTransport {
    let loop: any EventLoop
    private let datagrams: any Channel
    private let receive: NIOLoopBound<(SIPMessage) -> Void>
    private var connections: [SocketAddress: EventLoopFuture<any Channel>] = [:]

    private init(loop: any EventLoop, datagrams: any Channel, receive: NIOLoopBound<(SIPMessage) -> Void>) {
        self.loop = loop
        self.datagrams = datagrams
        self.receive = receive
    }

    /// Binds the UDP socket on `host` (any port).
    static func bind(
        host: String, on loop: any EventLoop, receive: NIOLoopBound<(SIPMessage) -> Void>
    ) -> EventLoopFuture<RegistrationTransport> {
        DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ResponseDatagramHandler(receive: receive))
                }
            }
            .bind(host: host, port: 0)
            .map { RegistrationTransport(loop: loop, datagrams: $0, receive: receive) }
    }

    /// The UDP socket's address: the Via sent-by of every request.
    var localAddress: SocketAddress? { datagrams.localAddress }

    /// `AF_INET` or `AF_INET6`: the family targets are resolved in.
    var family: Int32 { Int32(datagrams.localAddress?.protocol.rawValue ?? NIOBSDSocket.ProtocolFamily.inet.rawValue) }

    /// Sends `message` to `address`. Over UDP the future fails only on a local error; over TCP
    /// also when the connection cannot be opened.
    func send(_ message: SIPMessage, to address: SocketAddress, transport: SIPTransport) -> EventLoopFuture<Void> {
        let bytes = message.serialize()
        guard transport == .tcp else {
            let buffer = datagrams.allocator.buffer(bytes: bytes)
            return datagrams.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: buffer))
        }
        return connection(to: address).flatMap { channel in
            channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
        }
    }

    private func connection(to address: SocketAddress) -> EventLoopFuture<any Channel> {
        if let existing = connections[address] { return existing }
        let receive = receive
        let opened = ClientBootstrap(group: loop)
            .connectTimeout(.seconds(5))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ResponseStreamHandler(receive: receive))
                }
            }
            .connect(to: address)
        connections[address] = opened
        let forget = NIOLoopBound(self, eventLoop: loop)
        opened.whenComplete { result in
            switch result {
            case .success(let channel):
                channel.closeFuture.whenComplete { _ in forget.value.connections[address] = nil }
            case .failure:
                forget.value.connections[address] = nil
            }
        }
        return opened
    }

    /// Closes every socket.
    func close() -> EventLoopFuture<Void> {
        let streams = connections.values.map { opened in
            opened.flatMap { $0.close() }.recover { _ in }
        }
        connections = [:]
        return EventLoopFuture.andAllComplete(streams + [datagrams.close().recover { _ in }], on: loop)
    }
}
