/// One Via header value (RFC 3261 §20.42, §18.2.1; RFC 3581):
/// `SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK776asdhds;rport`.
///
/// The top Via tells a server where to send the response: the sent-by host and port, corrected
/// by `received` and `rport` when the request came from elsewhere (NAT). Parsing validates the
/// parameters that routing depends on: `branch` a token, `received` an IP address, `rport`
/// empty or a port, `maddr` a host, `ttl` 0...255.
public struct SIPVia: Hashable, Sendable, CustomStringConvertible {
    /// The `rport` parameter of RFC 3581: a client asks for it without a value, the server
    /// fills in the source port.
    public enum RPort: Hashable, Sendable {
        /// `;rport` — the client asks to be answered at the source port.
        case requested
        /// `;rport=5062` — the source port, as filled in by the server.
        case port(UInt16)
    }

    /// `SIP` (as written).
    public var protocolName: String
    /// `2.0`.
    public var protocolVersion: String
    public var transport: SIPTransport
    /// The sent-by host.
    public var host: SIPHost
    /// The sent-by port; absent means the transport's default (5060, 5061 for TLS).
    public var port: UInt16?
    public var parameters: SIPParameters

    public init(
        transport: SIPTransport, host: SIPHost, port: UInt16? = nil, parameters: SIPParameters = [],
        protocolName: String = "SIP", protocolVersion: String = "2.0"
    ) {
        self.protocolName = protocolName
        self.protocolVersion = protocolVersion
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Parses one Via value (one element of a comma-joined Via line); `nil` if malformed.
    public init?(_ text: String) {
        guard let via = SIPVia.parse(Array(text.utf8)[...]) else { return nil }
        self = via
    }

    /// The transaction identifier the client chose.
    public var branch: String? {
        get { parameters["branch"] }
        set {
            if let newValue { parameters.set("branch", value: newValue) } else { parameters.remove("branch") }
        }
    }

    /// Whether the branch has the RFC 3261 magic cookie `z9hG4bK`, so it can serve as the
    /// transaction key by itself (RFC 3261 §17.2.3).
    public var hasRFC3261Branch: Bool {
        branch?.hasPrefix("z9hG4bK") ?? false
    }

    /// The `received` parameter: the address the request actually came from. Setting it
    /// writes an IPv6 address without brackets, as RFC 3261 §20.42 specifies.
    public var received: SIPHost? {
        get { parameters["received"].flatMap { SIPHost($0, allowBareIPv6: true) } }
        set {
            if let newValue { parameters.set("received", value: newValue.addressText) } else { parameters.remove("received") }
        }
    }

    /// The `rport` parameter (RFC 3581); `nil` when absent.
    public var rport: RPort? {
        get {
            guard let parameter = parameters.first(named: "rport") else { return nil }
            guard let value = parameter.value else { return .requested }
            return DecimalParsing.parse(value.utf8, maximum: Int(UInt16.max)).map { .port(UInt16($0)) }
        }
        set {
            switch newValue {
            case nil: parameters.remove("rport")
            case .requested: parameters.set("rport", value: nil)
            case .port(let port): parameters.set("rport", value: String(port))
            }
        }
    }

    /// The `maddr` parameter: a multicast or alternate address to answer at.
    public var maddr: SIPHost? {
        parameters["maddr"].flatMap { SIPHost($0, allowBareIPv6: true) }
    }

    /// The `ttl` parameter (multicast).
    public var ttl: UInt8? {
        parameters["ttl"].flatMap { DecimalParsing.parse($0.utf8, maximum: 255) }.map(UInt8.init)
    }

    /// `SIP/2.0/UDP host:port;params`, host as written.
    public var description: String {
        var text = protocolName + "/" + protocolVersion + "/" + transport.rawValue + " " + host.text
        if let port { text += ":" + String(port) }
        text += parameters.description
        return text
    }

    /// Parses `sent-protocol LWS sent-by *( SEMI via-params )`, where `sent-protocol` is
    /// `protocol-name SLASH protocol-version SLASH transport` and separators may carry
    /// whitespace (RFC 3261 §25.1).
    static func parse(_ bytes: ArraySlice<UInt8>) -> SIPVia? {
        var scanner = ByteScanner(bytes)
        scanner.skipWhitespace()
        guard let name = scanner.scanToken(), scanner.consumeSeparator(ASCII.slash),
            let version = scanner.scanToken(), scanner.consumeSeparator(ASCII.slash),
            let transport = scanner.scanToken(),
            scanner.skipWhitespace(),
            let host = SIPURI.scanHost(&scanner)
        else { return nil }
        var port: UInt16?
        if scanner.consumeSeparator(ASCII.colon) {
            guard let value = DecimalParsing.parse(scanner.scan(.digit), maximum: Int(UInt16.max)) else { return nil }
            port = UInt16(value)
        }
        guard let parameters = SIPParameters.parseHeaderParameters(&scanner, isValid: isValidParameter) else {
            return nil
        }
        return SIPVia(
            transport: SIPTransport(transport.string), host: host, port: port, parameters: parameters,
            protocolName: name.string, protocolVersion: version.string)
    }

    /// Checks the parameters routing depends on, on the raw bytes.
    private static func isValidParameter(_ name: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>?) -> Bool {
        if asciiCaseInsensitiveEquals(name, "branch".utf8) {
            guard let value, value.allSatisfy({ $0.is(.token) }) else { return false }
        } else if asciiCaseInsensitiveEquals(name, "received".utf8) {
            guard let value, let host = SIPHost.parse(value, allowBareIPv6: true), host.isIPAddress else { return false }
        } else if asciiCaseInsensitiveEquals(name, "rport".utf8) {
            if let value, DecimalParsing.parse(value, maximum: Int(UInt16.max)) == nil { return false }
        } else if asciiCaseInsensitiveEquals(name, "maddr".utf8) {
            guard let value, SIPHost.parse(value, allowBareIPv6: true) != nil else { return false }
        } else if asciiCaseInsensitiveEquals(name, "ttl".utf8) {
            guard let value, DecimalParsing.parse(value, maximum: 255) != nil else { return false }
        }
        return true
    }
}
