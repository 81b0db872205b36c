/// The registrar's own settings: flood and brute-force limits, and the TCP connection limits.
/// Every member is explicit (the defaults are written out), so a bundle says exactly what
/// `serve` enforces. docs/security.md explains each limit and why its default is what it is.
public struct BundleRegistrar: Hashable, Sendable, Decodable, JSONRepresentable {
    /// Failed authentications, request rate, bans.
    public struct Limits: Hashable, Sendable, Decodable {
        /// Failed authentications from one source (an IPv4 address, an IPv6 /64) within
        /// `failedAuthWindow` that ban the source.
        public var failedAuthPerSource: Int
        /// Failed authentications for one user name within `failedAuthWindow` that lock it for
        /// every source that has not authenticated as it recently.
        public var failedAuthPerUser: Int
        /// Seconds the failure counts are kept, from a counter's first failure.
        public var failedAuthWindow: Int
        /// Requests a second from one source (a token bucket with a burst of twice this); a
        /// source that empties it is banned. 0: no rate limit.
        public var requestsPerSource: Int
        /// Seconds a banned source's requests are dropped unanswered, and a locked user stays locked.
        public var banTime: Int
        /// Source ranges never banned, locked out or rate limited (`192.0.2.0/24`, `2001:db8::/48`).
        public var exempt: [String]

        public init(
            failedAuthPerSource: Int, failedAuthPerUser: Int, failedAuthWindow: Int, requestsPerSource: Int, banTime: Int,
            exempt: [String]
        ) {
            self.failedAuthPerSource = failedAuthPerSource
            self.failedAuthPerUser = failedAuthPerUser
            self.failedAuthWindow = failedAuthWindow
            self.requestsPerSource = requestsPerSource
            self.banTime = banTime
            self.exempt = exempt
        }

        // The accepted ranges, shared by the manifest decoder, both JSON Schemas and the loader.
        public static let failedAuthPerSourceRange = 1...1000
        public static let failedAuthPerUserRange = 1...10_000
        public static let failedAuthWindowRange = 10...86_400
        public static let requestsPerSourceRange = 0...100_000
        public static let banTimeRange = 10...604_800

        public static let defaults = Limits(
            failedAuthPerSource: 10, failedAuthPerUser: 20, failedAuthWindow: 300, requestsPerSource: 200, banTime: 900,
            exempt: [])
    }

    /// TCP connection limits (enforced by the registrar's TCP transport).
    public struct TCP: Hashable, Sendable, Decodable {
        /// Open connections in all.
        public var maxConnections: Int
        /// Open connections from one source (an IPv4 address, an IPv6 /64).
        public var maxConnectionsPerSource: Int
        /// Seconds without a byte (keep-alives count) before a connection is closed.
        public var idleTimeout: Int
        /// Seconds from a message's first byte to its last before the connection is closed.
        public var messageTimeout: Int

        public init(maxConnections: Int, maxConnectionsPerSource: Int, idleTimeout: Int, messageTimeout: Int) {
            self.maxConnections = maxConnections
            self.maxConnectionsPerSource = maxConnectionsPerSource
            self.idleTimeout = idleTimeout
            self.messageTimeout = messageTimeout
        }

        public static let maxConnectionsRange = 1...1_000_000
        public static let maxConnectionsPerSourceRange = 1...65_535
        public static let idleTimeoutRange = 10...86_400
        public static let messageTimeoutRange = 1...600

        public static let defaults = TCP(maxConnections: 1024, maxConnectionsPerSource: 32, idleTimeout: 300, messageTimeout: 10)
    }

    public var limits: Limits
    public var tcp: TCP

    public init(limits: Limits = .defaults, tcp: TCP = .defaults) {
        self.limits = limits
        self.tcp = tcp
    }

    public static let defaults = BundleRegistrar()

    /// The first setting outside its range, as `limits.ban_time is 5, outside 10...604800`; nil
    /// when all are within. The compiler never writes such a bundle; the loader refuses one.
    public var outOfRange: String? {
        let checks: [(String, Int, ClosedRange<Int>)] = [
            ("limits.failed_auth_per_source", limits.failedAuthPerSource, Limits.failedAuthPerSourceRange),
            ("limits.failed_auth_per_user", limits.failedAuthPerUser, Limits.failedAuthPerUserRange),
            ("limits.failed_auth_window", limits.failedAuthWindow, Limits.failedAuthWindowRange),
            ("limits.requests_per_source", limits.requestsPerSource, Limits.requestsPerSourceRange),
            ("limits.ban_time", limits.banTime, Limits.banTimeRange),
            ("tcp.max_connections", tcp.maxConnections, TCP.maxConnectionsRange),
            ("tcp.max_connections_per_source", tcp.maxConnectionsPerSource, TCP.maxConnectionsPerSourceRange),
            ("tcp.idle_timeout", tcp.idleTimeout, TCP.idleTimeoutRange),
            ("tcp.message_timeout", tcp.messageTimeout, TCP.messageTimeoutRange),
        ]
        return checks.first { !$0.2.contains($0.1) }.map { "registrar.\($0.0) is \($0.1), outside \($0.2)" }
    }

    public var jsonValue: JSONValue {
        .object([
            "limits": .object([
                "failed_auth_per_source": .integer(limits.failedAuthPerSource),
                "failed_auth_per_user": .integer(limits.failedAuthPerUser),
                "failed_auth_window": .integer(limits.failedAuthWindow),
                "requests_per_source": .integer(limits.requestsPerSource),
                "ban_time": .integer(limits.banTime),
                "exempt": .strings(limits.exempt),
            ]),
            "tcp": .object([
                "max_connections": .integer(tcp.maxConnections),
                "max_connections_per_source": .integer(tcp.maxConnectionsPerSource),
                "idle_timeout": .integer(tcp.idleTimeout),
                "message_timeout": .integer(tcp.messageTimeout),
            ]),
        ])
    }
}

extension BundleRegistrar: CanonicalJSONWritable {
    /// The members of `jsonValue`, in key order (see `CanonicalJSONWritable`).
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.key("limits")
        output.beginObject()
        output.member("ban_time", limits.banTime)
        output.member("exempt", limits.exempt)
        output.member("failed_auth_per_source", limits.failedAuthPerSource)
        output.member("failed_auth_per_user", limits.failedAuthPerUser)
        output.member("failed_auth_window", limits.failedAuthWindow)
        output.member("requests_per_source", limits.requestsPerSource)
        output.endObject()
        output.key("tcp")
        output.beginObject()
        output.member("idle_timeout", tcp.idleTimeout)
        output.member("max_connections", tcp.maxConnections)
        output.member("max_connections_per_source", tcp.maxConnectionsPerSource)
        output.member("message_timeout", tcp.messageTimeout)
        output.endObject()
        output.endObject()
    }
}
