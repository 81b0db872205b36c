import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a target's host into a socket address: an IP address as it is, a name by an A or AAAA
/// lookup (`getaddrinfo`, on NIO's blocking-work thread pool so no event loop waits). Only the
/// family of our own socket is asked for, since a datagram cannot cross families. There are no
/// SRV or NAPTR lookups (RFC 3263 §4): a provider's port comes from the bundle, else 5060.
enum TargetResolver {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The address of `target`, in `family` (`AF_INET` or `AF_INET6`).
    static func resolve(
        _ target: RegistrationTarget, family: Int32, on loop: any EventLoop
    ) -> EventLoopFuture<SocketAddress> {
        if let address = try? SocketAddress(ipAddress: target.host, port: target.port) {
            guard Int32(address.protocol.rawValue) == family else {
                return loop.makeFailedFuture(Failure(description: "\(target.host) is not reachable from our address family"))
            }
            return loop.makeSucceededFuture(address)
        }
        return NIOThreadPool.singleton.runIfActive(eventLoop: loop) {
            try lookUp(target.host, port: target.port, family: family)
        }
    }

    /// A blocking `getaddrinfo` for one family; the first answer.
    private static func lookUp(_ host: String, port: Int, family: Int32) throws -> SocketAddress {
        var hints = addrinfo()
        hints.ai_family = family
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        #else
        hints.ai_socktype = SOCK_DGRAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let first = result else {
            throw Failure(description: "\(host) does not resolve: \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(result) }
        guard let pointer = first.pointee.ai_addr else { throw Failure(description: "\(host) resolved to no address") }
        switch first.pointee.ai_family {
        case AF_INET:
            return SocketAddress(UnsafeRawPointer(pointer).load(as: sockaddr_in.self), host: host)
        case AF_INET6:
            return SocketAddress(UnsafeRawPointer(pointer).load(as: sockaddr_in6.self), host: host)
        default:
            throw Failure(description: "\(host) resolved to an address that is neither IPv4 nor IPv6")
        }
    }
}
