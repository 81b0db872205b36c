import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
private let datagramType = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
private let bindSocket = Glibc.bind
private let connectSocket = Glibc.connect
#elseif canImport(Darwin)
import Darwin
private let datagramType = SOCK_DGRAM
private let bindSocket = Darwin.bind
private let connectSocket = Darwin.connect
#endif

/// The UDP path to one target: a socket bound to the client socket's own address and port
/// (`SO_REUSEPORT`, which both set; the client socket after its own bind) and connected to the
/// target.
///
/// Why: the kernel reports an ICMP port unreachable only on a *connected* UDP socket (an
/// unconnected one drops it unless `IP_RECVERR` is set, and its error queue is not something NIO
/// reads). The connected socket receives exactly its target's datagrams and ICMP errors (Linux
/// 5.7 and later prefer a connected socket of a `SO_REUSEPORT` group for its 4-tuple), so an
/// error on it is about that target and no other. Sharing the port keeps the Via sent-by (the
/// client socket's address) true for every request.
enum DatagramFlow {
    /// `SO_REUSEPORT` as a channel option, for the client socket itself (set after its bind).
    static let reusePort = ChannelOptions.socketOption(NIOBSDSocket.Option(rawValue: SO_REUSEPORT))

    /// Opens the path from `local` to `remote` on `loop`, reading with `handler`.
    static func open(
        from local: SocketAddress, to remote: SocketAddress, on loop: any EventLoop,
        handler: @escaping @Sendable () -> any ChannelHandler
    ) -> EventLoopFuture<any Channel> {
        let descriptor: NIOBSDSocket.Handle
        do {
            descriptor = try connectedSocket(from: local, to: remote)
        } catch {
            return loop.makeFailedFuture(error)
        }
        return DatagramBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler()) }
            }
            .withBoundSocket(descriptor)
    }

    /// A datagram socket with `SO_REUSEPORT`, bound to `local`, connected to `remote`.
    private static func connectedSocket(from local: SocketAddress, to remote: SocketAddress) throws -> NIOBSDSocket.Handle {
        let descriptor = socket(Int32(local.protocol.rawValue), datagramType, 0)
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
        var one: Int32 = 1
        let steps: [(String, () -> Int32)] = [
            ("setsockopt(SO_REUSEPORT)", { setsockopt(descriptor, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size)) }),
            ("bind", { local.withSockAddr { bindSocket(descriptor, $0, socklen_t($1)) } }),
            ("connect", { remote.withSockAddr { connectSocket(descriptor, $0, socklen_t($1)) } }),
        ]
        for (name, step) in steps where step() != 0 {
            let code = errno
            close(descriptor)
            throw IOError(errnoCode: code, reason: name)
        }
        return descriptor
    }
}
