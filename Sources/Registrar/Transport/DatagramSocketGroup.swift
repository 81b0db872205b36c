#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// Several UDP sockets bound to one address with `SO_REUSEPORT`, so that each event loop reads
/// and answers its own share of the datagrams and UDP uses every core, not one.
///
/// On its own, `SO_REUSEPORT` spreads datagrams by a hash of the source address and port: fine
/// for many phones, useless for one busy peer (a proxy, a session border controller, SIPp),
/// whose every datagram would land on the same socket. So the group also gets a classic BPF
/// program (`SO_ATTACH_REUSEPORT_CBPF`) that picks the socket at random for each datagram.
/// Responses leave from the socket that read the request, which has the same local address as
/// the others, so peers see no difference. Two copies of one request may then run on two
/// threads at once; ``TransactionCache`` makes sure only one of them is answered.
///
/// Linux only; elsewhere (and when the program cannot be attached) ``bind(_:count:)`` gives
/// fewer sockets or the kernel's hash spreading, never an error a single socket would not give.
enum DatagramSocketGroup {
    /// Binds `count` sockets to `address` (port 0: one free port, shared by all) and returns
    /// their descriptors, for `DatagramBootstrap.withBoundSocket`. The caller owns them.
    static func bind(_ address: SocketAddress, count: Int) throws -> [NIOBSDSocket.Handle] {
        #if os(Linux)
        var sockets: [CInt] = []
        do {
            var bound = address
            for _ in 0..<max(1, count) {
                let socket = try makeSocket(family: bound.protocol)
                sockets.append(socket)
                try bind(socket, to: bound)
                if bound.port == 0 { bound = try localAddress(of: socket) }
            }
            if sockets.count > 1 {
                // Best effort: without the program the kernel still spreads by source hash.
                _ = attachRandomSpreading(to: sockets[0], count: sockets.count)
            }
            return sockets
        } catch {
            for socket in sockets { close(socket) }
            throw error
        }
        #else
        return []
        #endif
    }

    #if os(Linux)
    private static func makeSocket(family: NIOBSDSocket.ProtocolFamily) throws -> CInt {
        let socket = Glibc.socket(family.rawValue, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
        var one: CInt = 1
        for option in [SO_REUSEADDR, SO_REUSEPORT] {
            guard setsockopt(socket, SOL_SOCKET, option, &one, socklen_t(MemoryLayout<CInt>.size)) == 0 else {
                let code = errno
                close(socket)
                throw IOError(errnoCode: code, reason: "setsockopt")
            }
        }
        return socket
    }

    private static func bind(_ socket: CInt, to address: SocketAddress) throws {
        let result = address.withSockAddr { pointer, length in
            Glibc.bind(socket, pointer, socklen_t(length))
        }
        guard result == 0 else { throw IOError(errnoCode: errno, reason: "bind(\(address))") }
    }

    private static func localAddress(of socket: CInt) throws -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard result == 0 else { throw IOError(errnoCode: errno, reason: "getsockname") }
        switch CInt(storage.ss_family) {
        case AF_INET:
            return withUnsafeBytes(of: &storage) { SocketAddress($0.load(as: sockaddr_in.self), host: "") }
        default:
            return withUnsafeBytes(of: &storage) { SocketAddress($0.load(as: sockaddr_in6.self), host: "") }
        }
    }

    /// `SO_ATTACH_REUSEPORT_CBPF` with `A = random(); A %= count; return A`: the returned
    /// number is the index of the socket in the group (the order they were bound in).
    private static func attachRandomSpreading(to socket: CInt, count: Int) -> Bool {
        let soAttachReuseportCBPF: CInt = 51
        let skfAdRandom = UInt32(bitPattern: -0x1000 + 56)  // SKF_AD_OFF + SKF_AD_RANDOM
        let program = BPFProgram(instructions: [
            .init(code: 0x20, k: skfAdRandom),  // BPF_LD | BPF_W | BPF_ABS
            .init(code: 0x94, k: UInt32(count)),  // BPF_ALU | BPF_MOD | BPF_K
            .init(code: 0x16, k: 0),  // BPF_RET | BPF_A
        ])
        return program.withSocketFilterProgram { pointer, length in
            setsockopt(socket, SOL_SOCKET, soAttachReuseportCBPF, pointer, length) == 0
        }
    }
    #endif
}
