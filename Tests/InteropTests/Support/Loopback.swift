import Foundation

#if canImport(Glibc)
import Glibc
private let datagramSocket = Int32(SOCK_DGRAM.rawValue)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let bindSocket = Glibc.bind
#elseif canImport(Darwin)
import Darwin
private let datagramSocket = SOCK_DGRAM
private let streamSocket = SOCK_STREAM
private let bindSocket = Darwin.bind
#endif

/// Tiny loopback-only socket helpers: a free port, and one UDP request/response exchange (to see
/// that the server answers, and what its challenge looks like). Nothing here leaves 127.0.0.1.
enum Loopback {
    static let host = "127.0.0.1"

    /// A port that is free for both UDP and TCP on 127.0.0.1 right now (bound to port 0, then
    /// closed). Another process may take it before the server binds it; callers retry.
    static func freePort() -> UInt16? {
        for _ in 0..<20 {
            guard let port = bind(type: datagramSocket, port: 0, keep: { fd in
                // The same port must also be free for TCP, which the server binds next to UDP.
                localPort(fd).flatMap { candidate in bind(type: streamSocket, port: candidate, keep: { _ in candidate }) }
            }) else { continue }
            return port
        }
        return nil
    }

    /// Polls 127.0.0.1:`port` with OPTIONS until a 200 comes back, `process` exits, or `seconds`
    /// pass: a SIP server the test started is ready.
    static func waitUntilAnswering(port: UInt16, process: ChildProcess, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var attempt = 0
        while Date() < deadline && process.isRunning {
            attempt += 1
            let response = await exchange(port: port, timeout: 0.25) { local in
                options(to: port, from: local, tag: "ready\(attempt)")
            }
            if response?.hasPrefix("SIP/2.0 200") == true { return true }
        }
        return false
    }

    /// Waits until some process has bound UDP 127.0.0.1:`port` (a peer that started), at most
    /// `seconds`.
    static func waitUntilTaken(udpPort port: UInt16, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if bind(type: datagramSocket, port: port, keep: { _ in port }) == nil { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Sends one datagram built by `message(localPort)` to 127.0.0.1:`port` and returns the first
    /// datagram that comes back within `timeout` seconds.
    static func exchange(port: UInt16, timeout: Double, _ message: (UInt16) -> String) async -> String? {
        let fd = socket(AF_INET, datagramSocket, 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var local = address(port: 0)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bindSocket(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, let localPort = localPort(fd) else { return nil }
        var remote = address(port: port)
        let bytes = Array(message(localPort).utf8)
        let sent = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard sent == bytes.count else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { return String(decoding: buffer[0..<count], as: UTF8.self) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// An OPTIONS request as a keep-alive probe would send it.
    static func options(to port: UInt16, from localPort: UInt16, tag: String) -> String {
        """
        OPTIONS sip:\(host):\(port) SIP/2.0\r
        Via: SIP/2.0/UDP \(host):\(localPort);branch=z9hG4bK-probe-\(tag)\r
        Max-Forwards: 70\r
        From: <sip:probe@\(host)>;tag=\(tag)\r
        To: <sip:\(host):\(port)>\r
        Call-ID: probe-\(tag)@\(host)\r
        CSeq: 1 OPTIONS\r
        Content-Length: 0\r
        \r

        """
    }

    /// A REGISTER without credentials, which a registrar answers with its challenge. It carries
    /// the `Allow`, `Supported` and `User-Agent` a phone sends: serve answers no unauthenticated
    /// UDP request with more bytes than it received, and the full challenge is larger than a
    /// bare REGISTER (docs/security.md, "No reflection amplification").
    static func register(user: String, to port: UInt16, from localPort: UInt16, tag: String) -> String {
        """
        REGISTER sip:\(host):\(port) SIP/2.0\r
        Via: SIP/2.0/UDP \(host):\(localPort);branch=z9hG4bK-challenge-\(tag)\r
        Max-Forwards: 70\r
        Allow: INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, OPTIONS, UPDATE\r
        Supported: replaces, path, gruu, outbound\r
        Accept: application/sdp\r
        User-Agent: switchboard-interop-tests/1.0 (a phone's REGISTER)\r
        From: <sip:\(user)@\(host)>;tag=\(tag)\r
        To: <sip:\(user)@\(host)>\r
        Call-ID: challenge-\(tag)@\(host)\r
        CSeq: 1 REGISTER\r
        Contact: <sip:\(user)@\(host):\(localPort)>\r
        Expires: 3600\r
        Content-Length: 0\r
        \r

        """
    }

    // MARK: Sockets

    /// An IPv4 socket address on loopback (`address` is 127.0.0.1 unless another 127/8 one is named).
    static func address(_ address: String = host, port: UInt16) -> sockaddr_in {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr.s_addr = inet_addr(address)
        return socketAddress
    }

    /// The local port a socket is bound to.
    static func localPort(_ fd: Int32) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return status == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }

    /// Binds a socket of `type` to 127.0.0.1:`port`, runs `keep` while it is bound, closes it.
    private static func bind(type: Int32, port: UInt16, keep: (Int32) -> UInt16?) -> UInt16? {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = address(port: port)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bindSocket(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return status == 0 ? keep(fd) : nil
    }
}
