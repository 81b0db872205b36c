import Logging
import NIOCore

/// Closes a TCP connection that has sent no byte for ``TCPLimits/idleTimeout``. Any byte counts,
/// CRLF keep-alives included, so a client that keeps its connection alive the RFC 5626 way
/// keeps it.
///
/// One timer per connection: reads only note the time, and the timer, when it fires early, waits
/// again for the rest (no rescheduling on every read).
final class IdleTimeoutHandler: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let timer: ClosingTimer
    private var lastRead = NIODeadline.now()

    init(timeout: TimeAmount, logger: Logger) {
        timer = ClosingTimer(timeout: timeout, reason: "idle", logger: logger)
    }

    func channelActive(context: ChannelHandlerContext) {
        lastRead = .now()
        timer.start(context: context) { [self] in lastRead + timer.timeout }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = .now()
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer.cancel()
    }
}
