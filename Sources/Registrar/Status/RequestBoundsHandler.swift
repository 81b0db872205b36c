import NIOCore
import NIOHTTP1

/// Bounds what one client may send the status endpoint, in size and in time, and refuses the rest
/// with an answer that says which bound it hit, then closes the connection:
/// - headers (request line included) beyond the decoder's limits: `431`;
/// - a body longer than `maxBodyBytes`: `413`;
/// - no complete request within `deadline` of the connection's start: `408` (a deadline, not an
///   idle timeout, so a client trickling a byte at a time cannot hold the connection either).
///
/// It sits after the HTTP codec and before `HTTPServerProtocolErrorHandler`, so it sees the
/// decoder's header overflow before that becomes a plain `400`.
final class RequestBoundsHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let maxBodyBytes: Int
    private let deadline: TimeAmount
    private var bodyBytes = 0
    /// Set once a bound is hit: nothing more is passed on.
    private var refused = false
    /// Pending until a whole request has come in.
    private var timer: Scheduled<Void>?

    init(maxBodyBytes: Int, deadline: TimeAmount) {
        self.maxBodyBytes = maxBodyBytes
        self.deadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: deadline) { [self] in
            refuse(.requestTimeout, context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch Self.unwrapInboundIn(data) {
        case .head:
            bodyBytes = 0
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > maxBodyBytes {
                refuse(.payloadTooLarge, context: context)
                return
            }
        case .end:
            timer?.cancel()
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError, error == .headerOverflow {
            refuse(.requestHeaderFieldsTooLarge, context: context)
        } else {
            context.fireErrorCaught(error)
        }
    }

    private func refuse(_ status: HTTPResponseStatus, context: ChannelHandlerContext) {
        guard !refused else { return }
        refused = true
        timer?.cancel()
        let head = HTTPResponseHead(
            version: .http1_1, status: status, headers: ["Connection": "close", "Content-Length": "0"])
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
