import NIOCore
import NIOHTTP1

/// Answers the one request of a connection to the status endpoint (see ``StatusRoute``), then
/// closes the connection: a status query is one short exchange, so nothing is kept alive.
final class StatusRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let source: StatusSource
    private var request: HTTPRequestHead?
    private var answered = false

    init(source: @escaping StatusSource) {
        self.source = source
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
            respond(StatusRoute.answer(method: request.method, uri: request.uri, source: source), context: context)
        }
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
