import NIOCore

/// One UDP socket's handler: each datagram is one SIP message, answered to the address it came
/// from. Processing is synchronous and short (no I/O), so it runs on the event loop; each event
/// loop has its own socket and handler (``DatagramSocketGroup``).
final class SIPDatagramHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    /// The largest UDP payload (65,535 bytes less the IPv4 and UDP headers, rounded up). NIO reads
    /// datagrams into 2,048-byte buffers by default and silently cuts longer ones; a REGISTER
    /// with many contacts or a long `Authorization` is longer than that, and the parser accepts
    /// up to 65,535 bytes.
    static let receiveBufferSize = 65_536

    private let processor: RequestProcessor

    init(processor: RequestProcessor) {
        self.processor = processor
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = Self.unwrapInboundIn(data)
        guard let source = PacketSource(envelope.remoteAddress, transport: .udp) else { return }
        // A banned source, or one over its request rate, is dropped before anything is parsed.
        guard processor.requestGuard.admit(source, now: processor.clock.now()) else { return }
        // One copy of the datagram (a memcpy), which the parsed message's strings are made from.
        let bytes = envelope.data.getBytes(at: envelope.data.readerIndex, length: envelope.data.readableBytes) ?? []
        guard let response = processor.handle(datagram: bytes, from: source) else { return }
        let buffer = context.channel.allocator.buffer(bytes: response)
        context.write(Self.wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: buffer)), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // One flush per batch of datagrams read in one go.
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A UDP socket error (e.g. ICMP port unreachable reported on a later read) concerns one
        // peer; the socket keeps serving everybody else.
        processor.logger.debug("udp socket error", metadata: ["error": "\(error)"])
    }
}
