import NIOCore
import SIP

/// One TCP connection's handler: frames the byte stream into SIP messages by Content-Length and
/// answers each on the same connection. A framing error closes the connection after a 400 (the
/// stream cannot be resynchronised).
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let processor: RequestProcessor
    private var framer = SIPStreamFramer()

    init(processor: RequestProcessor) {
        self.processor = processor
    }

    /// A connection from a banned source is closed before it sends anything.
    func channelActive(context: ChannelHandlerContext) {
        if let host = context.remoteAddress?.ipAddress, processor.requestGuard.isBanned(host: host, now: processor.clock.now()) {
            context.close(promise: nil)
            return
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        guard let remote = context.remoteAddress, let source = PacketSource(remote, transport: .tcp) else {
            context.close(promise: nil)
            return
        }
        // Banned since the connection opened (or over its rate below): closed, nothing parsed.
        if processor.requestGuard.isBanned(host: source.host, now: processor.clock.now()) {
            context.close(promise: nil)
            return
        }
        framer.append(buffer.readableBytesView)
        while true {
            let event: SIPStreamEvent?
            do {
                event = try framer.next()
            } catch {
                if let response = processor.malformed(error, from: source) {
                    context.write(Self.wrapOutboundOut(context.channel.allocator.buffer(bytes: response)), promise: nil)
                }
                let channel = context.channel
                context.writeAndFlush(Self.wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
                    channel.close(promise: nil)
                }
                return
            }
            guard let event else { break }
            if case .message = event, !processor.requestGuard.admit(host: source.host, now: processor.clock.now()) {
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
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        processor.logger.debug("tcp connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}
