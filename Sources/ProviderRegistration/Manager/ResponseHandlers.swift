import NIOCore
import SIP

/// Reads SIP responses from the client's UDP socket; anything that is not a well-formed
/// response (a stray request, garbage) is dropped.
final class ResponseDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let receive: NIOLoopBound<(SIPMessage) -> Void>

    init(receive: NIOLoopBound<(SIPMessage) -> Void>) {
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        guard case .success(let message) = SIPParser.parse(Array(envelope.data.readableBytesView)), !message.isRequest else {
            return
        }
        receive.value(message)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // An ICMP error from one provider must not close the socket the others use; the
        // transaction that caused it ends by its own timer.
    }
}

/// Reads SIP responses from one TCP connection to a provider, framed by Content-Length. A
/// framing error closes the connection (the stream cannot be resynchronised).
final class ResponseStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let receive: NIOLoopBound<(SIPMessage) -> Void>
    private var framer = SIPStreamFramer()

    init(receive: NIOLoopBound<(SIPMessage) -> Void>) {
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        framer.append(Self.unwrapInboundIn(data).readableBytesView)
        while true {
            let event: SIPStreamEvent?
            do {
                event = try framer.next()
            } catch {
                context.close(promise: nil)
                return
            }
            guard let event else { return }
            if case .message(let message) = event, !message.isRequest { receive.value(message) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
