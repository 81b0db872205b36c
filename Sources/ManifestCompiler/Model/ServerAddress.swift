import Diagnostics

/// A host as written in a server or proxy address.
public enum Host: Sendable, Hashable, CustomStringConvertible {
    /// A DNS name per RFC 1123, lowercased.
    case name(String)
    case ip(IPAddress)

    /// The host as it goes into a URI: IPv6 in brackets.
    public var description: String {
        switch self {
        case .name(let name): name
        case .ip(let address): address.uriHost
        }
    }
}

/// A provider's server or proxy: host, optional port, optional transport.
///
/// An absent port stays absent, so the runtime can apply 5060, 5061 for TLS, or DNS SRV.
public struct ServerAddress: Sendable, Hashable {
    public var host: Host
    public var port: Int?
    public var transport: Transport?
    public var span: SourceSpan

    public init(host: Host, port: Int?, transport: Transport?, span: SourceSpan) {
        self.host = host
        self.port = port
        self.transport = transport
        self.span = span
    }

    /// `host[:port]` as a user would write it in the shorthand form.
    public var shorthand: String {
        port.map { "\(host):\($0)" } ?? host.description
    }
}
