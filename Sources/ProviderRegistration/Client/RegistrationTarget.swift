import RuntimeBundle
import SIP

/// Where one request goes: a host (a name to resolve, or an address), a port and a transport.
/// The port is always explicit here: an address without one means 5060, or 5061 for TLS
/// (RFC 3263 without SRV; Switchboard does not look up SRV records).
public struct RegistrationTarget: Hashable, Sendable, CustomStringConvertible {
    /// A DNS name, an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    public var port: Int
    public var transport: SIPTransport

    public init(host: String, port: Int, transport: SIPTransport) {
        self.host = host
        self.port = port
        self.transport = transport
    }

    /// The target for a bundle address.
    public init(_ address: BundleAddress) {
        let transport = SIPTransport(address.transport)
        self.init(host: address.host, port: address.port ?? Int(transport.defaultPort), transport: transport)
    }

    /// `host:port/udp`, IPv6 in brackets.
    public var description: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)/\(transport.rawValue.lowercased())"
    }
}

extension BundleAddress {
    /// The host as a SIP URI host (IPv6 in brackets); nil when it is not a valid one.
    var sipHost: SIPHost? {
        SIPHost(host.contains(":") ? "[\(host)]" : host)
    }
}
