import RuntimeBundle

/// The properties of the `registrar` settings, shared by the manifest schema (with defaults, all
/// optional) and the bundle schema (all required): one description and one range per setting.
enum RegistrarSchema {
    typealias Limits = BundleRegistrar.Limits
    typealias TCP = BundleRegistrar.TCP

    /// `registrar.limits`, each with its default when `withDefaults`.
    static func limits(withDefaults: Bool) -> [String: SchemaNode] {
        let defaults = Limits.defaults
        return [
            "failed_auth_per_source": setting(
                Limits.failedAuthPerSourceRange, defaults.failedAuthPerSource, withDefaults,
                "Failed authentications from one source (an IPv4 address, an IPv6 /64) within `failed_auth_window` that ban the source for `ban_time`."),
            "failed_auth_per_user": setting(
                Limits.failedAuthPerUserRange, defaults.failedAuthPerUser, withDefaults,
                "Failed authentications for one user name within `failed_auth_window` that lock it for `ban_time`, except for sources that authenticated as it in the last day."),
            "failed_auth_window": setting(
                Limits.failedAuthWindowRange, defaults.failedAuthWindow, withDefaults,
                "Seconds failed authentications are counted over, from a counter's first failure."),
            "requests_per_source": setting(
                Limits.requestsPerSourceRange, defaults.requestsPerSource, withDefaults,
                "Requests a second from one source (a token bucket holding two seconds' worth); a source that sends faster is banned for `ban_time`. 0 switches the rate limit off."),
            "ban_time": setting(
                Limits.banTimeRange, defaults.banTime, withDefaults,
                "Seconds a banned source's requests are dropped unanswered, and a locked user stays locked."),
            "exempt": (withDefaults ? SchemaNode.array(of: SchemaNode.string.pattern(ManifestSchema.Pattern.addressRange)).defaultValue(.array([]))
                : SchemaNode.array(of: SchemaNode.string.pattern(ManifestSchema.Pattern.addressRange)))
                .description("Source addresses or networks never banned, locked out or rate limited (monitoring, the office): `192.0.2.0/24`, `2001:db8::/48`; no ports, no `/0`."),
        ]
    }

    /// `registrar.tcp`, each with its default when `withDefaults`.
    static func tcp(withDefaults: Bool) -> [String: SchemaNode] {
        let defaults = TCP.defaults
        return [
            "max_connections": setting(
                TCP.maxConnectionsRange, defaults.maxConnections, withDefaults, "Open TCP connections in all; more are refused."),
            "max_connections_per_source": setting(
                TCP.maxConnectionsPerSourceRange, defaults.maxConnectionsPerSource, withDefaults,
                "Open TCP connections from one source (an IPv4 address, an IPv6 /64); more are refused."),
            "idle_timeout": setting(
                TCP.idleTimeoutRange, defaults.idleTimeout, withDefaults,
                "Seconds without a byte (CRLF keep-alives count) before a connection is closed."),
            "message_timeout": setting(
                TCP.messageTimeoutRange, defaults.messageTimeout, withDefaults,
                "Seconds from a message's first byte to its last before the connection is closed (slow senders)."),
        ]
    }

    private static func setting(_ range: ClosedRange<Int>, _ defaultValue: Int, _ withDefault: Bool, _ text: String) -> SchemaNode {
        let node = SchemaNode.integer(range).description("\(text) \(range.lowerBound)..\(range.upperBound); default \(defaultValue).")
        return withDefault ? node.defaultValue(.integer(defaultValue)).examples(.integer(defaultValue)) : node
    }
}

extension ManifestSchemaAssembly {
    /// `registrar:` and its two mappings (`RegistrarDecoder`).
    func registrarDefinitions() -> [String: SchemaNode] {
        [
            "registrar": object(
                RegistrarDecoder.schema, "`registrar`",
                properties: [
                    "limits": object(RegistrarDecoder.limitsSchema, "`registrar.limits`", properties: RegistrarSchema.limits(withDefaults: true))
                        .description("Flood and brute-force control: failed-authentication limits per source and per user, the request rate per source, bans."),
                    "tcp": object(RegistrarDecoder.tcpSchema, "`registrar.tcp`", properties: RegistrarSchema.tcp(withDefaults: true))
                        .description("TCP connection limits and timeouts."),
                ])
                .description("The limits `switchboard serve` enforces (docs/security.md). Optional, every value has a safe default; the section may appear once across all files."),
        ]
    }
}
