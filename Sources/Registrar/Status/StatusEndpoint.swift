import NIOCore
import NIOHTTP1
import NIOPosix

/// The status endpoint of `switchboard serve`: a small HTTP/1.1 server on a loopback address that
/// answers `GET /status` with the ``StatusReport`` its ``StatusSource`` makes.
///
/// It has no authentication, so it listens only on loopback (`127.0.0.0/8`, `::1`). Each
/// connection carries one request, bounded in size and time, and is closed after the answer.
/// Pipeline, one job per handler: HTTP request decoder (header limits) → response encoder →
/// ``RequestBoundsHandler`` (431, 413, 408) → `HTTPServerProtocolErrorHandler` (400) →
/// ``StatusRequestHandler`` (the answer).
public enum StatusEndpoint {
    /// The port `serve --control` and `status --control` use when none is given: next to SIP's
    /// 5060/5061 and used by no common service.
    public static let defaultPort = 5065
    /// Request line and headers together, in bytes; the decoder refuses more (431).
    public static let maxHeaderBytes = 8 * 1024
    /// A body, which no route uses, in bytes (413 beyond).
    public static let maxBodyBytes = 4 * 1024
    /// How long a connection has to send a whole request before it gets 408 and is closed.
    public static let defaultRequestDeadline = TimeAmount.seconds(10)

    /// Refused addresses: anything but a literal loopback address.
    public struct NotLoopback: Error, CustomStringConvertible {
        public var address: ListenAddress

        public init(address: ListenAddress) {
            self.address = address
        }

        public var description: String {
            "the status endpoint has no authentication and listens only on loopback (127.0.0.1 or [::1]); \(address) is not"
        }
    }

    /// Binds the endpoint on `address` (port 0: any free port; the channel's `localAddress` says
    /// which) and serves it on `group` until the returned channel is closed.
    public static func bind(
        _ address: ListenAddress, group: any EventLoopGroup, requestDeadline: TimeAmount = defaultRequestDeadline,
        source: @escaping StatusSource, routes: RouteSource? = nil
    ) async throws -> any Channel {
        guard address.isLoopback else { throw NotLoopback(address: address) }
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(Self.handlers(requestDeadline: requestDeadline, source: source, routes: routes))
                }
            }
            .bind(host: address.host, port: address.port).get()
    }

    static func handlers(requestDeadline: TimeAmount, source: @escaping StatusSource, routes: RouteSource? = nil) -> [any ChannelHandler] {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = maxHeaderBytes
        limits.maxHeaderListSize = maxHeaderBytes
        limits.maxHeaderFieldCount = 100
        return [
            ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes, limitConfiguration: limits)),
            HTTPResponseEncoder(),
            RequestBoundsHandler(maxBodyBytes: maxBodyBytes, deadline: requestDeadline),
            HTTPServerProtocolErrorHandler(),
            StatusRequestHandler(source: source, routes: routes),
        ]
    }
}
