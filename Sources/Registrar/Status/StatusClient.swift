import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fetches the status report from a running `switchboard serve`: one `GET /status` over a fresh
/// connection, bounded in time and size. What `switchboard status` uses; no Foundation
/// networking, NIO's HTTP/1.1 codec over a plain TCP connection.
public enum StatusClient {
    /// The answer, whole, may be this large: room for 100,000 providers, a guard against a port
    /// that streams something else.
    public static let maxResponseBytes = 256 << 20

    /// Why no report came back.
    public enum FetchError: Error, CustomStringConvertible {
        /// No connection (nothing listens there, or the connection timed out).
        case unreachable(ListenAddress, reason: String)
        /// Connected, but no complete answer within the timeout.
        case timedOut(ListenAddress)
        /// Connected, but the answer was not HTTP, or too large, or the connection closed early.
        case brokenResponse(ListenAddress, reason: String)
        /// An HTTP answer other than the one expected, to `GET path`.
        case httpStatus(ListenAddress, path: String, code: Int, reason: String)
        /// A 200 whose body is not a status report this Switchboard reads.
        case invalidReport(ListenAddress, StatusReport.DecodingFailure)

        public var description: String {
            switch self {
            case .unreachable(let address, let reason): "cannot reach switchboard serve at \(address): \(reason)"
            case .timedOut(let address): "switchboard serve at \(address) did not answer in time"
            case .brokenResponse(let address, let reason): "\(address) did not answer like switchboard serve: \(reason)"
            case .httpStatus(let address, let path, let code, let reason): "\(address) answered \(code) \(reason) to GET \(path)"
            case .invalidReport(let address, let failure): "\(address): \(failure)"
            }
        }
    }

    /// What came back: the report, and the exact bytes it was read from.
    public struct Fetched: Sendable {
        public var report: StatusReport
        public var body: [UInt8]
    }

    /// `GET /status` from `address`, everything within `timeout`.
    public static func fetch(
        from address: ListenAddress, timeout: Duration = .seconds(10),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(FetchError) -> Fetched {
        let response = try await exchange(with: address, uri: StatusRoute.path, timeout: TimeAmount(timeout), group: group)
        guard response.head.status == .ok else {
            throw .httpStatus(address, path: StatusRoute.path, code: Int(response.head.status.code), reason: response.head.status.reasonPhrase)
        }
        let body = response.body.map { Array($0.readableBytesView) } ?? []
        do {
            return Fetched(report: try StatusReport.decode(body), body: body)
        } catch {
            throw .invalidReport(address, error)
        }
    }

    /// `GET /route?…` from `address`: serve's live dry run of the routing engine. A serve that
    /// answers without saying how the dry run ended (an older one: 404) is an `httpStatus` error.
    public static func route(
        _ query: RouteQuery, from address: ListenAddress, timeout: Duration = .seconds(10),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(FetchError) -> RouteAnswer {
        let uri = StatusRoute.routePath + "?" + query.queryString
        let response = try await exchange(with: address, uri: uri, timeout: TimeAmount(timeout), group: group)
        guard let outcome = response.head.headers.first(name: StatusRoute.routeOutcomeHeader).flatMap(RouteAnswer.Outcome.init(rawValue:)) else {
            throw .httpStatus(address, path: StatusRoute.routePath, code: Int(response.head.status.code), reason: response.head.status.reasonPhrase)
        }
        return RouteAnswer(outcome: outcome, text: String(decoding: response.body.map { Array($0.readableBytesView) } ?? [], as: UTF8.self))
    }

    private static func exchange(
        with address: ListenAddress, uri: String, timeout: TimeAmount, group: any EventLoopGroup
    ) async throws(FetchError) -> NIOHTTPClientResponseFull {
        let loop = group.next()
        let promise = loop.makePromise(of: NIOHTTPClientResponseFull.self)
        var request = HTTPRequestHead(version: .http1_1, method: .GET, uri: uri)
        request.headers.add(name: "Host", value: address.description)
        request.headers.add(name: "Connection", value: "close")
        // A constant for the channel initializer, which runs on the event loop.
        let head = request
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandlers([
                            NIOHTTPClientResponseAggregator(maxContentLength: maxResponseBytes),
                            ResponseCollector(request: head, promise: promise, timeout: timeout),
                        ])
                    }
                }
                .connect(host: address.host, port: address.port).get()
        } catch {
            promise.fail(error)
            throw .unreachable(address, reason: Self.reason(error))
        }
        defer { channel.close(promise: nil) }
        do {
            return try await promise.futureResult.get()
        } catch ResponseCollector.Failure.timedOut {
            throw .timedOut(address)
        } catch {
            throw .brokenResponse(address, reason: Self.reason(error))
        }
    }

    /// `connection refused` rather than NIO's `connect(descriptor:addr:size:): Connection refused (errno: 111)`.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return reason(first.error)
        }
        if case .connectTimeout? = error as? ChannelError { return "the connection timed out" }
        if case .frameTooLong? = error as? NIOHTTPObjectAggregatorError {
            return "the answer is larger than \(maxResponseBytes >> 20) MiB"
        }
        return String(describing: error)
    }
}

/// The last handler of the client's pipeline: completes the promise with the first whole
/// response, or fails it on an error, on the connection closing first, or when the time is up.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = NIOHTTPClientResponseFull
    typealias OutboundOut = HTTPClientRequestPart

    enum Failure: Error, CustomStringConvertible {
        case timedOut
        case closedEarly

        var description: String {
            switch self {
            case .timedOut: "no answer in time"
            case .closedEarly: "the connection closed before a whole answer came"
            }
        }
    }

    private let request: HTTPRequestHead
    private let promise: EventLoopPromise<NIOHTTPClientResponseFull>
    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var done = false

    init(request: HTTPRequestHead, promise: EventLoopPromise<NIOHTTPClientResponseFull>, timeout: TimeAmount) {
        self.request = request
        self.promise = promise
        self.timeout = timeout
    }

    /// Sends the request as soon as the connection is up, on the event loop: the whole exchange
    /// then happens here, and the awaiting task only picks up the result. (Sent from the task
    /// instead, the request would wait for a free task thread, which a busy process may not
    /// have before the deadline.)
    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(request)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            finish(.failure(Failure.timedOut))
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish(.failure(Failure.closedEarly))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        finish(.success(Self.unwrapInboundIn(data)))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(Failure.closedEarly))
        context.fireChannelInactive()
    }

    private func finish(_ result: Result<NIOHTTPClientResponseFull, any Error>) {
        guard !done else { return }
        done = true
        deadline?.cancel()
        promise.completeWith(result)
    }
}
