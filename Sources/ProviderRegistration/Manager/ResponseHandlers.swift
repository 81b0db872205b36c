import NIOCore
import SIP

/// Reads SIP responses from a UDP socket of the client; anything that is not a well-formed
/// response (a stray request, garbage) is dropped. On a socket connected to one target (a
/// `DatagramFlow`), an ICMP unreachable that the kernel reports is passed on as that target's;
/// on the client socket itself an error names no target and is dropped.
final class ResponseDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let receive: NIOLoopBound<(SIPMessage) -> Void>
    /// The connected socket's target, and whom to tell it is unreachable.
    private let path: (target: SocketAddress, unreachable: NIOLoopBound<RegistrationTransport.Unreachable>)?

    init(
        receive: NIOLoopBound<(SIPMessage) -> Void>,
        path: (target: SocketAddress, unreachable: NIOLoopBound<RegistrationTransport.Unreachable>)?
    ) {
        self.receive = receive
        self.path = path
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        guard case .success(let message) = SIPParser.parse(Array(envelope.data.readableBytesView)), !message.isRequest else {
            return
        }
        receive.value(message)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Never closes: NIO keeps a datagram socket open after ECONNREFUSED, and the socket
        // serves the next attempt.
        guard let path, TransportFailure.isUnreachable(error) else { return }
        path.unreachable.value(path.target, .udp, TransportFailure.describe(error))
    }
}

/// Reads SIP responses from one TCP connection to a provider, framed by Content-Length. A
/// framing error closes the connection (the stream cannot be resynchronised). A connection that
/// closes, for any reason, is reported: a response still due cannot come on it any more.
final class ResponseStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let target: SocketAddress
    private let receive: NIOLoopBound<(SIPMessage) -> Void>
    private let unreachable: NIOLoopBound<RegistrationTransport.Unreachable>
    private var framer = SIPStreamFramer()
    /// Why the connection is closing, when an error closed it.
    private var failure: (any Error)?

    init(target: SocketAddress, receive: NIOLoopBound<(SIPMessage) -> Void>, unreachable: NIOLoopBound<RegistrationTransport.Unreachable>) {
        self.target = target
        self.receive = receive
        self.unreachable = unreachable
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        do {
            try framer.feed(Self.unwrapInboundIn(data).readableBytesView) { event in
                if case .message(let message) = event, !message.isRequest { receive.value(message) }
            }
        } catch {
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failure = failure ?? error
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let why = failure.map { "the connection closed: \(TransportFailure.describe($0))" } ?? "the connection closed"
        unreachable.value(target, .tcp, why)
        context.fireChannelInactive()
    }
}
