import NIOCore
import NIOPosix
import SIP
import Synchronization

/// A provider on 127.0.0.1 for the manager's tests: answers every REGISTER with a 200 that
/// grants what was asked on the Contact sent, and remembers each request.
final class LoopbackRegistrar: Sendable {
    struct Request: Hashable, Sendable {
        var user: String
        var expires: Int
        var contactUser: String
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: any Channel
    /// The requests seen, shared with the handler.
    private final class Recorder: Sendable {
        let requests = Mutex<[Request]>([])
    }

    private let received = Recorder()

    var port: Int { channel.localAddress?.port ?? 0 }
    var requests: [Request] { received.requests.withLock { $0 } }

    init() async throws {
        let received = received
        channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>
        let received: Recorder

        init(received: Recorder) {
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = Self.unwrapInboundIn(data)
            guard case .success(let request) = SIPParser.parse(Array(envelope.data.readableBytesView)),
                request.method == .register, let contact = request.headers.first(name: .contact),
                let expires = try? request.headers.expires, let to = try? request.headers.to,
                case .addresses(let contacts)? = try? request.headers.contact
            else { return }
            received.requests.withLock {
                $0.append(Request(
                    user: to.uri.sipURI?.user ?? "", expires: Int(expires), contactUser: contacts.first?.uri.sipURI?.user ?? ""))
            }
            guard var response = try? SIPResponseBuilder(request: request).response(.ok, toTag: "loop") else { return }
            if expires > 0 {
                let bare = contact.replacingOccurrences(of: ";expires=0", with: "")
                response.headers.add(name: .contact, value: bare + ";expires=\(expires)")
            }
            let buffer = context.channel.allocator.buffer(bytes: response.serialize())
            context.writeAndFlush(Self.wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: buffer)), promise: nil)
        }
    }
}
