#if canImport(Glibc)
import Glibc
#endif

/// A blocking UDP socket on 127.0.0.1 for the tests: send to a port, receive with a timeout.
final class UDPTestSocket {
    let descriptor: CInt

    init() throws {
        descriptor = socket(AF_INET, CInt(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw UDPTestSocketError.failed("socket") }
        var timeout = timeval(tv_sec: 0, tv_usec: 300_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: CInt = 4 << 20
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &buffer, socklen_t(MemoryLayout<CInt>.size))
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8], toPort port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        _ = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, buffer.baseAddress, buffer.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// The next datagram, or nil after the timeout.
    func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count >= 0 ? Array(buffer.prefix(count)) : nil
    }

    /// Every datagram that arrives until the socket stays quiet for the timeout.
    func receiveAll() -> [[UInt8]] {
        var result: [[UInt8]] = []
        while let datagram = receive() { result.append(datagram) }
        return result
    }
}

extension UDPTestSocket {
    /// The local port a socket is bound to.
    static func localPort(of socket: CInt) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Reads every datagram already queued on `socket` without waiting; returns how many.
    static func drain(_ socket: CInt) -> Int {
        var buffer = [UInt8](repeating: 0, count: 2048)
        var count = 0
        while buffer.withUnsafeMutableBytes({ recv(socket, $0.baseAddress, $0.count, CInt(MSG_DONTWAIT)) }) >= 0 {
            count += 1
        }
        return count
    }
}

enum UDPTestSocketError: Error {
    case failed(String)
}
