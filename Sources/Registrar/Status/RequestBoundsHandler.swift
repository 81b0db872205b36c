import NIOCore
import NIOHTTP1

/// Bounds what one client may send the status endpoint, in size and in time, and refuses the rest
/// with an answer that says which bound it hit, then closes the connection:
/// - headers (request line included) beyond the decoder's limits: `431`;
/// - a body longer than `maxBodyBytes`: `413`;
/// - nothing received for the idle timeout (`IdleStateHandler`'s read event): `408`.
///
/// It sits after the HTTP codec and before `HTTPServerProtocolErrorHandler`, so it sees the
/// decoder's header overflow before that becomes a plain `400`.
final class RequestBoundsHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let maxBodyBytes: Int
    private var bodyBytes = 0
    /// Set once a bound is hit: nothing more is passed on.
    private var refused = false

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
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
            break
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

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            refuse(.requestTimeout, context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func refuse(_ status: HTTPResponseStatus, context: ChannelHandlerContext) {
        guard !refused else { return }
        refused = true
        let head = HTTPResponseHead(
            version: .http1_1, status: status, headers: ["Connection": "close", "Content-Length": "0"])
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
