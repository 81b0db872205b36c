import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers the one request of a connection to the status endpoint (see ``StatusRoute``), then
/// closes the connection: a status query is one short exchange, so nothing is kept alive.
///
/// The answer is made on NIO's thread pool, not on the event loop: the loops are the registrar's,
/// and encoding the report of many thousands of providers would hold up their SIP traffic.
final class StatusRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let source: StatusSource
    private let routes: RouteSource?
    private var request: HTTPRequestHead?
    private var answered = false
    /// Set when the connection is gone, so a late answer from the thread pool is dropped.
    private var removed = false

    init(source: @escaping StatusSource, routes: RouteSource?) {
        self.source = source
        self.routes = routes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            // Read and dropped: no route takes a body (RequestBoundsHandler bounds its size).
            break
        case .end:
            guard let request else { return }
            answered = true
            let (source, routes) = (self.source, self.routes)
            NIOThreadPool.singleton.runIfActive(eventLoop: context.eventLoop) {
                StatusRoute.answer(method: request.method, uri: request.uri, source: source, routes: routes)
            }.assumeIsolated().whenComplete { [self] result in
                guard !removed else { return }
                switch result {
                case .success(let answer): respond(answer, context: context)
                case .failure: context.close(promise: nil)
                }
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        removed = true
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func respond(_ answer: StatusRoute.Answer, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(answer.headers)
        headers.add(name: "Content-Length", value: String(answer.body.count))
        headers.add(name: "Connection", value: "close")
        context.write(Self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: answer.status, headers: headers))), promise: nil)
        if answer.sendsBody {
            context.write(Self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: answer.body)))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
