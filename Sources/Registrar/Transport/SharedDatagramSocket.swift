#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// One UDP socket that every event loop reads and answers from, so that UDP uses every core
/// rather than the one thread a NIO channel runs on.
///
/// Each event loop gets its own descriptor of the one socket (`dup`), and NIO a channel per
/// descriptor. They share the socket's single receive queue: a datagram is taken by whichever
/// loop reads first, so an idle loop never waits while another is busy or descheduled, as
/// Kamailio's UDP workers share one socket. (One `SO_REUSEPORT` socket per loop was measured
/// too: it gives each datagram to one socket when it arrives, so requests queued behind a loop
/// that the scheduler had preempted while the other loop idled, and p99 suffered on a loaded
/// machine.) Responses leave from the same socket, so peers see one address. Two copies of one
/// request may run on two loops at once; ``TransactionCache`` makes sure only one is answered.
enum SharedDatagramSocket {
    /// Binds a UDP socket to `address` and returns `count` descriptors of it, for
    /// `DatagramBootstrap.withBoundSocket`; the caller owns (and closes) each.
    static func bind(_ address: SocketAddress, descriptors count: Int) throws -> [NIOBSDSocket.Handle] {
        let socket = try makeBoundSocket(address)
        var descriptors = [socket]
        while descriptors.count < count {
            let copy = dup(socket)
            guard copy >= 0 else {
                let code = errno
                for descriptor in descriptors { close(descriptor) }
                throw IOError(errnoCode: code, reason: "dup")
            }
            descriptors.append(copy)
        }
        return descriptors
    }

    private static func makeBoundSocket(_ address: SocketAddress) throws -> CInt {
        #if canImport(Glibc)
        let datagram = CInt(SOCK_DGRAM.rawValue)
        #else
        let datagram = SOCK_DGRAM
        #endif
        let descriptor = socket(address.protocol.rawValue, datagram, 0)
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
        var one: CInt = 1
        let bound = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<CInt>.size)) == 0
            && fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0
            && address.withSockAddr { systemBind(descriptor, $0, socklen_t($1)) } == 0
        guard bound else {
            let code = errno
            close(descriptor)
            throw IOError(errnoCode: code, reason: "bind(\(address))")
        }
        return descriptor
    }
}

#if canImport(Glibc)
private let systemBind = Glibc.bind
#else
private let systemBind = Darwin.bind
#endif
