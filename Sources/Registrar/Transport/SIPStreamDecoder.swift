import NIOCore
import SIP

/// Cuts a TCP connection's bytes into SIP messages (``SIPStreamFramer``, by Content-Length) and
/// passes each on as a ``SIPStreamEvent``. After each read that leaves part of a message
/// waiting, it fires ``MessageInProgress`` so ``MessageDeadlineHandler`` can time the message.
///
/// A framing error cannot be recovered from (the stream cannot be resynchronised): it is fired
/// as an error, once, and nothing read afterwards is passed on.
final class SIPStreamDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SIPStreamEvent

    /// A user event: a message has begun and not yet ended.
    struct MessageInProgress: Sendable {}

    private var framer = SIPStreamFramer()
    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        do {
            try framer.feed(Self.unwrapInboundIn(data).readableBytesView) { context.fireChannelRead(Self.wrapInboundOut($0)) }
        } catch {
            failed = true
            context.fireErrorCaught(error)
            return
        }
        if framer.isInsideMessage {
            context.fireUserInboundEventTriggered(MessageInProgress())
        }
    }
}
