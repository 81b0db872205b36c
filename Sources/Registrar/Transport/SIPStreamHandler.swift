import NIOCore
import SIP

/// The last handler of a TCP connection: answers each message ``SIPStreamDecoder`` framed, on the
/// same connection. A framing error gets a 400 when one can be built, then the connection is
/// closed (the stream cannot be resynchronised).
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = SIPStreamEvent
    typealias OutboundOut = ByteBuffer

    private let processor: RequestProcessor
    /// The peer, as requests record it; set when the connection becomes active.
    private var source: PacketSource?

    init(processor: RequestProcessor) {
        self.processor = processor
    }

    /// A connection from a banned source is closed before anything it sends is handled.
    func channelActive(context: ChannelHandlerContext) {
        guard let remote = context.remoteAddress, let source = PacketSource(remote, transport: .tcp) else {
            context.close(promise: nil)
            return
        }
        if processor.requestGuard.isBanned(source, now: processor.clock.now()) {
            context.close(promise: nil)
            return
        }
        self.source = source
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let source else { return }
        let event = Self.unwrapInboundIn(data)
        // Banned since the connection opened, or over its rate now: closed, nothing handled.
        // A message takes a token (`admit` checks the ban too); anything else only asks for the ban.
        let now = processor.clock.now()
        let allowed: Bool
        if case .message = event {
            allowed = processor.requestGuard.admit(source, now: now)
        } else {
            allowed = !processor.requestGuard.isBanned(source, now: now)
        }
        guard allowed else {
            context.close(promise: nil)
            return
        }
        let response: [UInt8]?
        switch event {
        case .message(let message): response = processor.handle(message, from: source)
        case .invalidMessage(let error): response = processor.malformed(error, from: source)
        // RFC 5626 §4.4.1: a double-CRLF ping is answered with a single CRLF pong.
        case .keepAlivePing: response = [0x0D, 0x0A]
        }
        if let response {
            context.write(Self.wrapOutboundOut(context.channel.allocator.buffer(bytes: response)), promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let framing = error as? SIPParseError, let source else {
            processor.logger.debug("tcp connection error", metadata: ["error": "\(error)"])
            context.close(promise: nil)
            return
        }
        if let response = processor.malformed(framing, from: source) {
            context.write(Self.wrapOutboundOut(context.channel.allocator.buffer(bytes: response)), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
