/// The transport of a Via (RFC 3261 §20.42): upper-case by convention, compared as such.
public struct SIPTransport: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// Upper-cased.
    public let rawValue: String

    public init(rawValue: String) {
        if rawValue.utf8.contains(where: { ($0 &- 0x61) < 26 }) {
            self.rawValue = String(decoding: rawValue.utf8.map { ($0 &- 0x61) < 26 ? $0 - 0x20 : $0 }, as: UTF8.self)
        } else {
            self.rawValue = rawValue
        }
    }

    public init(_ rawValue: String) {
        self.init(rawValue: rawValue)
    }

    public var description: String { rawValue }

    public static let udp = SIPTransport("UDP")
    public static let tcp = SIPTransport("TCP")
    public static let tls = SIPTransport("TLS")
    public static let sctp = SIPTransport("SCTP")
    public static let ws = SIPTransport("WS")
    public static let wss = SIPTransport("WSS")

    /// Whether the transport is a byte stream (framed by Content-Length) rather than datagrams.
    public var isStream: Bool { self != .udp }

    /// The port a sent-by without a port means (RFC 3261 §18.2.2, RFC 7118).
    public var defaultPort: UInt16 {
        switch self {
        case .tls: 5061
        case .ws: 80
        case .wss: 443
        default: 5060
        }
    }
}
