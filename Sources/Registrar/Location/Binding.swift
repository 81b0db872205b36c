import Routing

/// Where a packet came from and over which transport: what NAT traversal needs, since the
/// Contact a phone writes behind NAT is often an address nobody can reach.
public struct PacketSource: Hashable, Sendable, CustomStringConvertible {
    public enum Transport: String, Sendable, Hashable {
        case udp
        case tcp
    }

    /// The IP address as text (IPv6 without brackets), as bindings, logs and the Via `received`
    /// parameter write it.
    public let host: String
    public var port: Int
    public var transport: Transport
    /// The address as 128 bits, made once per packet: what flood control and trunk recognition
    /// compare, several times per request. Nil when `host` is not an IP address literal.
    public let address: TrunkAddress?

    /// A source from the address in text (restored bindings, tests); the text is parsed once.
    public init(host: String, port: Int, transport: Transport) {
        self.init(host: host, address: TrunkAddress(host), port: port, transport: transport)
    }

    /// A source whose address the caller has already (a socket address's bytes); `address`
    /// must be what `host` reads as.
    init(host: String, address: TrunkAddress?, port: Int, transport: Transport) {
        self.host = host
        self.address = address
        self.port = port
        self.transport = transport
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)/\(transport.rawValue)" : "\(host):\(port)/\(transport.rawValue)"
    }
}

/// One registered contact of an address of record.
public struct Binding: Hashable, Sendable {
    /// The Contact URI as the phone wrote it (without header parameters).
    public var contact: String
    /// The contact URI in comparison form, the identity of the binding within its AoR.
    public var contactKey: String
    /// Preference among the AoR's contacts, 0.0–1.0 in thousandths (q=0.5 → 500); 1000 when absent.
    public var qualityThousandths: Int
    /// Seconds since the epoch when the binding lapses.
    public var expiresAt: UInt64
    public var callID: String
    public var cseq: UInt32
    /// Where the REGISTER came from, to reach the phone through NAT.
    public var source: PacketSource

    public init(
        contact: String, contactKey: String, qualityThousandths: Int, expiresAt: UInt64, callID: String, cseq: UInt32,
        source: PacketSource
    ) {
        self.contact = contact
        self.contactKey = contactKey
        self.qualityThousandths = qualityThousandths
        self.expiresAt = expiresAt
        self.callID = callID
        self.cseq = cseq
        self.source = source
    }

    /// Seconds left at `now`, never negative.
    public func remaining(at now: UInt64) -> UInt64 {
        expiresAt > now ? expiresAt - now : 0
    }
}
