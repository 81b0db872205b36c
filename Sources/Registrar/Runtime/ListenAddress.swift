#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// An address to listen on, `host:port` or `[v6]:port`, for both UDP and TCP.
public struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `127.0.0.1:5060`, `[::1]:5060`, or a bare host (port `defaultPort`).
    public init?(_ text: String, defaultPort: Int = 5060) {
        var host = Substring(text), port = defaultPort
        if host.first == "[" {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":", let value = Int(after.dropFirst()) else { return nil }
                port = value
            }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":"), host.filter({ $0 == ":" }).count == 1 {
            guard let value = Int(host[host.index(after: colon)...]) else { return nil }
            port = value
            host = host[..<colon]
        }
        guard !host.isEmpty, (0...65535).contains(port) else { return nil }
        self.init(host: String(host), port: port)
    }

    /// True for a literal loopback address: `127.0.0.0/8` or `::1` (also IPv4-mapped, as
    /// `::ffff:127.0.0.1`). A host name is never loopback here, `localhost` included: what it
    /// resolves to is up to the hosts file.
    public var isLoopback: Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        return bytes == Array(repeating: 0, count: 15) + [1]
            || (Array(bytes.prefix(12)) == mappedPrefix && bytes[12] == 127)
    }

    /// The IP address and port of a bound socket; nil for a Unix domain socket.
    public init?(_ address: SocketAddress) {
        guard let host = address.ipAddress, let port = address.port else { return nil }
        self.init(host: host, port: port)
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
