import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
private let datagramSocket = Int32(SOCK_DGRAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let datagramSocket = SOCK_DGRAM
#endif

/// A UDP relay on loopback that makes a scanner's requests phone-sized: it listens on
/// `listenHost`, adds a padding header after each request line, and forwards from `sourceHost`
/// to the server; answers go back to the scanner unchanged.
///
/// Why: serve never answers an unauthenticated UDP request with more bytes than it received, and
/// svcrack's bare REGISTER (about 350 bytes) is smaller than serve's 401, so svcrack alone never
/// gets a challenge to guess against. The relay models an attacker with larger requests, so the
/// test reaches the ban. Bounded: one thread, stopped by ``stop()``; loopback only.
final class PaddingRelay: @unchecked Sendable {
    let listenPort: UInt16
    private let inbound: Int32
    private let outbound: Int32
    private let serverPort: UInt16
    /// Cleared by ``stop()``; a class so the relay's thread can hold it.
    private final class RunFlag: Sendable {
        let value = Atomic<Bool>(true)
    }

    private let running = RunFlag()
    private let thread: Thread

    /// Bytes of the `X-Padding` header added to each request.
    static let padding = 160

    init?(listenHost: String, sourceHost: String, serverPort: UInt16) {
        guard let inbound = Self.boundSocket(host: listenHost), let outbound = Self.boundSocket(host: sourceHost),
              let port = Loopback.localPort(inbound)
        else { return nil }
        self.inbound = inbound
        self.outbound = outbound
        self.serverPort = serverPort
        listenPort = port
        let state = (inbound: inbound, outbound: outbound, serverPort: serverPort)
        let running = self.running
        thread = Thread {
            var client: sockaddr_in?
            var buffer = [UInt8](repeating: 0, count: 65536)
            var fds = [pollfd(fd: state.inbound, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: state.outbound, events: Int16(POLLIN), revents: 0)]
            while running.value.load(ordering: .relaxed) {
                guard poll(&fds, 2, 50) > 0 else { continue }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    var from = sockaddr_in()
                    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
                    let count = withUnsafeMutablePointer(to: &from) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(state.inbound, &buffer, buffer.count, 0, $0, &length) }
                    }
                    if count > 0 {
                        client = from
                        var server = Loopback.address(port: state.serverPort)
                        Self.send(Self.padded(Array(buffer[0..<count])), on: state.outbound, to: &server)
                    }
                }
                if fds[1].revents & Int16(POLLIN) != 0 {
                    let count = recv(state.outbound, &buffer, buffer.count, 0)
                    if count > 0, var target = client { Self.send(Array(buffer[0..<count]), on: state.inbound, to: &target) }
                }
            }
        }
        thread.start()
    }

    func stop() {
        running.value.store(false, ordering: .relaxed)
        while !thread.isFinished { usleep(10_000) }
        close(inbound)
        close(outbound)
    }

    /// The request with `X-Padding: xxx…` after its first line.
    static func padded(_ request: [UInt8]) -> [UInt8] {
        guard let end = request.firstIndex(of: UInt8(ascii: "\n")) else { return request }
        let header = Array("X-Padding: \(String(repeating: "x", count: padding))\r\n".utf8)
        return Array(request[...end]) + header + Array(request[(end + 1)...])
    }

    private static func send(_ bytes: [UInt8], on fd: Int32, to address: inout sockaddr_in) {
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    private static func boundSocket(host: String) -> Int32? {
        let fd = socket(AF_INET, datagramSocket, 0)
        guard fd >= 0 else { return nil }
        var local = Loopback.address(host, port: 0)
        let status = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { close(fd); return nil }
        return fd
    }

}
