import Logging
import NIOCore
import SIP

/// Closes a TCP connection whose message has not ended ``TCPLimits/messageTimeout`` after it
/// began (slowloris: a client trickling a byte at a time would otherwise hold a connection,
/// and its buffer, for as long as it likes while never being idle).
///
/// It sits behind ``SIPStreamDecoder``: a ``SIPStreamDecoder/MessageInProgress`` event starts
/// the timer if none runs, and each message passing by stops it.
final class MessageDeadlineHandler: ChannelInboundHandler {
    typealias InboundIn = SIPStreamEvent
    typealias InboundOut = SIPStreamEvent

    private let timer: ClosingTimer

    init(timeout: TimeAmount, logger: Logger) {
        timer = ClosingTimer(timeout: timeout, reason: "message not complete in time", logger: logger)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        timer.cancel()
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is SIPStreamDecoder.MessageInProgress else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        if !timer.isRunning { timer.start(context: context) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer.cancel()
    }
}
