#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to 127.0.0.1 for the tests: send raw bytes, read until the server
/// closes (or the timeout), so the HTTP the server writes is seen exactly as sent.
final class TCPTestSocket {
    let descriptor: CInt

    /// Connects to 127.0.0.1:`port` from loopback address `127.0.0.<source>` (another source
    /// address for the server's per-source counts), with a receive buffer of
    /// `receiveBufferSize` bytes if given (a client that reads little); nil when nothing accepts.
    init?(port: Int, timeout: Double = 3, source: UInt8 = 1, receiveBufferSize: CInt? = nil) {
        descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBufferSize {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<CInt>.size))
        }
        var local = Self.loopback(port: 0, host: source)
        var address = Self.loopback(port: port, host: 1)
        let status = withUnsafePointer(to: &local) { local in
            withUnsafePointer(to: &address) { address in
                local.withMemoryRebound(to: sockaddr.self, capacity: 1) { local in
                    address.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
                        return bind(descriptor, local, size) == 0 ? connect(descriptor, address, size) : -1
                    }
                }
            }
        }
        guard status == 0 else {
            close(descriptor)
            return nil
        }
    }

    private static func loopback(port: Int, host: UInt8) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t((0x7F00_0000 | UInt32(host)).bigEndian)
        return address
    }

    deinit { close(descriptor) }

    /// Sends everything; false when the server closed the connection first.
    @discardableResult
    func send(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    /// Everything the server sends until it closes the connection (or the receive timeout).
    func receiveAll() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// What has arrived already, without waiting.
    func receiveAvailable() -> String {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, CInt(MSG_DONTWAIT)) }
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
    }

    /// One raw exchange: connect, send `request`, read the whole answer.
    static func exchange(port: Int, _ request: String) -> String? {
        guard let socket = TCPTestSocket(port: port) else { return nil }
        socket.send(request)
        return socket.receiveAll()
    }
}
