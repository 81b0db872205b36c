/// A provider with every default explicit (only an absent port stays absent).
public struct BundleProvider: Hashable, Sendable, Decodable, JSONRepresentable {
    public struct Calls: Hashable, Sendable, Decodable {
        public var incoming: Bool
        public var outgoing: Bool

        public init(incoming: Bool, outgoing: Bool) {
            self.incoming = incoming
            self.outgoing = outgoing
        }
    }

    public struct Registration: Hashable, Sendable, Decodable {
        /// Seconds the provider is asked to keep our registration.
        public var expires: Int

        public init(expires: Int) { self.expires = expires }
    }

    public struct Trunk: Hashable, Sendable, Decodable {
        /// Source addresses: `198.51.100.0/28`, `198.51.100.7:5060`, `[2001:db8::1]:5060`.
        public var allow: [String]
        /// True when `allow` was derived from literal server and proxy addresses.
        public var derived: Bool

        public init(allow: [String], derived: Bool) {
            self.allow = allow
            self.derived = derived
        }
    }

    public struct Rules: Hashable, Sendable, Decodable {
        /// `auto` or `none`, as the manifest said (default `auto`).
        public var inbound: String
        public var outbound: String

        public init(inbound: String, outbound: String) {
            self.inbound = inbound
            self.outbound = outbound
        }
    }

    public var name: String
    public var title: String?
    public var enabled: Bool
    public var calls: Calls
    /// `standard` or `trunk`.
    public var type: String
    /// In failover order; at least one.
    public var servers: [BundleAddress]
    public var proxy: BundleAddress?
    public var login: String?
    public var password: BundleSecret?
    public var lines: LineLimit
    public var callerId: String?
    public var registrationIp: String?
    /// Standard providers only.
    public var registration: Registration?
    /// Trunk providers only.
    public var trunk: Trunk?
    public var rules: Rules
    /// `file:line:col` of the provider's name, the file relative to the manifest root.
    public var source: String

    public init(
        name: String, title: String?, enabled: Bool, calls: Calls, type: String, servers: [BundleAddress],
        proxy: BundleAddress?, login: String?, password: BundleSecret?, lines: LineLimit, callerId: String?,
        registrationIp: String?, registration: Registration?, trunk: Trunk?, rules: Rules, source: String
    ) {
        self.name = name
        self.title = title
        self.enabled = enabled
        self.calls = calls
        self.type = type
        self.servers = servers
        self.proxy = proxy
        self.login = login
        self.password = password
        self.lines = lines
        self.callerId = callerId
        self.registrationIp = registrationIp
        self.registration = registration
        self.trunk = trunk
        self.rules = rules
        self.source = source
    }

    public var jsonValue: JSONValue {
        .members([
            "name": .string(name),
            "title": title.map(JSONValue.string),
            "enabled": .bool(enabled),
            "calls": .object(["incoming": .bool(calls.incoming), "outgoing": .bool(calls.outgoing)]),
            "type": .string(type),
            "servers": .array(servers),
            "proxy": proxy?.jsonValue,
            "login": login.map(JSONValue.string),
            "password": password?.jsonValue,
            "lines": lines.jsonValue,
            "caller_id": callerId.map(JSONValue.string),
            "registration_ip": registrationIp.map(JSONValue.string),
            "registration": registration.map { .object(["expires": .integer($0.expires)]) },
            "trunk": trunk.map { .object(["allow": .strings($0.allow), "derived": .bool($0.derived)]) },
            "rules": .object(["inbound": .string(rules.inbound), "outbound": .string(rules.outbound)]),
            "source": .string(source),
        ])
    }
}

extension BundleProvider: CanonicalJSONWritable {
    /// The members of `jsonValue`, in key order (see `CanonicalJSONWritable`).
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("caller_id", callerId)
        output.key("calls")
        output.beginObject()
        output.member("incoming", calls.incoming)
        output.member("outgoing", calls.outgoing)
        output.endObject()
        output.member("enabled", enabled)
        output.member("lines", lines)
        output.member("login", login)
        output.member("name", name)
        output.member("password", password)
        output.member("proxy", proxy)
        if let registration {
            output.key("registration")
            output.beginObject()
            output.member("expires", registration.expires)
            output.endObject()
        }
        output.member("registration_ip", registrationIp)
        output.key("rules")
        output.beginObject()
        output.member("inbound", rules.inbound)
        output.member("outbound", rules.outbound)
        output.endObject()
        output.member("servers", servers)
        output.member("source", source)
        output.member("title", title)
        if let trunk {
            output.key("trunk")
            output.beginObject()
            output.member("allow", trunk.allow)
            output.member("derived", trunk.derived)
            output.endObject()
        }
        output.member("type", type)
        output.endObject()
    }
}

/// A server or proxy: host, transport, and a port only when the manifest gave one.
public struct BundleAddress: Hashable, Sendable, Decodable, JSONRepresentable {
    /// A DNS name (lowercase), an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    /// Absent: the runtime applies 5060 (5061 for TLS) or DNS SRV.
    public var port: Int?
    /// `udp`, `tcp` or `tls`.
    public var transport: String

    public init(host: String, port: Int?, transport: String) {
        self.host = host
        self.port = port
        self.transport = transport
    }

    public var jsonValue: JSONValue {
        .members(["host": .string(host), "port": port.map(JSONValue.integer), "transport": .string(transport)])
    }
}

extension BundleAddress: CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("host", host)
        output.member("port", port)
        output.member("transport", transport)
        output.endObject()
    }
}

/// The number of lines of a provider: a limit, or `unlimited` (written out, never implied).
public enum LineLimit: Hashable, Sendable, Codable, JSONRepresentable, CanonicalJSONWritable {
    case limited(Int)
    case unlimited

    public var jsonValue: JSONValue {
        switch self {
        case .limited(let count): .integer(count)
        case .unlimited: .string("unlimited")
        }
    }

    func writeCanonical(to output: inout CanonicalJSONOutput) {
        switch self {
        case .limited(let count): output.integer(count)
        case .unlimited: output.string("unlimited")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self), count > 0 {
            self = .limited(count)
        } else if let word = try? container.decode(String.self), word == "unlimited" {
            self = .unlimited
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "lines is a positive number or \"unlimited\"")
        }
    }

    /// As in the bundle: the number, or the string `unlimited` (for Codable documents such as the
    /// status report).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .limited(let count): try container.encode(count)
        case .unlimited: try container.encode("unlimited")
        }
    }
}
