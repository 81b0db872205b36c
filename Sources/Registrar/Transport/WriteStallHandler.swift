import Logging
import NIOCore

/// Closes a TCP connection that stays unwritable for ``TCPLimits/writeStallTimeout``: more than
/// ``TCPLimits/maxPendingWriteBytes`` of responses queued because the client does not read them.
///
/// While the channel is unwritable NIO's `BackPressureHandler` (in front of this one) stops
/// reading, so the client's further requests wait in its own socket buffers, not in our memory;
/// this handler ends the wait.
final class WriteStallHandler: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    private let timer: ClosingTimer

    init(timeout: TimeAmount, logger: Logger) {
        timer = ClosingTimer(timeout: timeout, reason: "responses not read", logger: logger)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            timer.cancel()
        } else if !timer.isRunning {
            timer.start(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer.cancel()
    }
}
