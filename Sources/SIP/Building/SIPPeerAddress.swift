/// Where a request came from: the source IP address and port of the packet or connection,
/// which RFC 3581 and RFC 3261 §18.2.1 write into the top Via of the response.
public struct SIPPeerAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IP address (``SIPHost/isIPAddress``).
    public let host: SIPHost
    public let port: UInt16

    /// A peer from an IP address literal (IPv6 with or without brackets); `nil` for a host
    /// name or anything else.
    public init?(ipAddress: String, port: Int) {
        guard let host = SIPHost(ipAddress, allowBareIPv6: true), host.isIPAddress,
            let port = UInt16(exactly: port)
        else { return nil }
        self.host = host
        self.port = port
    }

    public var description: String { host.canonical + ":" + String(port) }
}
