import RuntimeBundle

extension ManifestSchemaAssembly {
    /// `providers:` entries and their nested mappings (`ProviderDecoder`).
    func providerDefinitions() -> [String: SchemaNode] {
        let provider = object(
            ProviderDecoder.schema, "a provider",
            properties: [
                "name": .ref("name")
                    .description("Required. The provider's identity: a lowercase slug (a-z, 0-9, single `-`, starting with a letter, at most 63 characters), unique across all files.")
                    .examples(.string("acme")),
                "title": SchemaNode.text
                    .minLength(1)
                    .description("Display name, free text.")
                    .examples(.string("Acme Telecom")),
                "enabled": SchemaNode.boolean
                    .description("A disabled provider makes and receives no external calls.")
                    .defaultValue(.bool(true)),
                "calls": object(
                    ProviderDecoder.callsSchema, "`calls`",
                    properties: [
                        "incoming": SchemaNode.boolean
                            .description("Whether calls from this provider are accepted.")
                            .defaultValue(.bool(true)),
                        "outgoing": SchemaNode.boolean
                            .description("Whether calls may leave through this provider.")
                            .defaultValue(.bool(true)),
                    ])
                    .description("The two switches of the provider: incoming and outgoing calls.")
                    .examples(.object(["incoming": .bool(true), "outgoing": .bool(true)])),
                "server": .ref("address")
                    .description("The provider's server: `host[:port]` or `{ host, port, transport }`. Use `servers` instead for several in failover order.")
                    .examples(.string("sip.acme.example:5060")),
                "servers": SchemaNode.array(of: .ref("address"), minItems: 1)
                    .description("Instead of `server`: several servers, in failover order.")
                    .examples(.texts("sip1.acme.example", "sip2.acme.example:5080")),
                "proxy": .ref("address")
                    .description("Outbound SIP proxy: `host[:port]` or `{ host, port, transport }`.")
                    .examples(.string("sbc.acme.example:5070")),
                "transport": SchemaNode.choice(Transport.self)
                    .description("SIP transport of the server(s) and proxy, unless an address names its own. Absent: UDP at runtime.")
                    .defaultValue(.string(BundleLowering.defaultTransport.rawValue)),
                "type": SchemaNode.choice(ProviderType.self)
                    .description("`standard`: we register with login and password (digest). `trunk`: no registration; the provider knows us by our IP address and we know it by its source address.")
                    .defaultValue(.string(ProviderType.standard.rawValue)),
                "login": SchemaNode.text
                    .minLength(1)
                    .description("User name for digest authentication. Required for `standard`; unused for `trunk` (a warning).")
                    .examples(.string("74951234567")),
                "password": .ref("secret")
                    .description("Password for digest authentication: `{ env: NAME }`, `{ file: path }`, or plain text (a warning). Required for `standard`; unused for `trunk` (a warning).")
                    .examples(.object(["env": .string("ACME_PASSWORD")])),
                "lines": SchemaNode.oneOf(
                    SchemaNode.integer(ProviderDecoder.linesRange),
                    SchemaNode.choice(["unlimited"]))
                    .description("Maximum simultaneous calls: a whole number 1..65535, or `unlimited`. Outbound rules skip a provider whose lines are all busy.")
                    .defaultValue(.string("unlimited"))
                    .examples(.integer(4), .string("unlimited")),
                "caller_id": .ref("callerId")
                    .description("Outbound caller ID, in E.164: `+`, the country code (not starting with 0), 2 to 15 digits in all.")
                    .examples(.string("+74951234567")),
                "registration_ip": SchemaNode.string
                    .anyOfFormats("ipv4", "ipv6")
                    .description("Our external (NAT/gateway) IPv4 or IPv6 address, announced to the provider. A private address is a warning.")
                    .examples(.string("203.0.113.10")),
                "registration": object(
                    ProviderDecoder.registrationSchema, "`registration`",
                    properties: [
                        "expires": SchemaNode.integer(ProviderDecoder.expiresRange)
                            .description("Seconds the provider is asked to keep our registration, 60..86400.")
                            .defaultValue(.integer(BundleLowering.defaultRegistrationExpires))
                            .examples(.integer(3600)),
                    ])
                    .description("Registration settings of a `standard` provider."),
                "trunk": object(
                    ProviderDecoder.trunkSchema, "`trunk`",
                    properties: [
                        "allow": SchemaNode.anyOf(
                            .ref("addressRange"),
                            .array(of: .ref("addressRange"), minItems: 1))
                            .description("Source addresses calls from this trunk are accepted from: IP addresses or CIDR networks, optionally with a port; no host names. Absent: derived from the server and proxy addresses that are IP literals.")
                            .examples(.texts("203.0.113.0/28")),
                    ])
                    .description("Settings of a `trunk` provider; never used on a `standard` provider (a warning)."),
                "rules": object(
                    ProviderDecoder.rulesSchema, "`rules`",
                    properties: [
                        "inbound": SchemaNode.choice(RuleGeneration.self)
                            .description("`auto`: generate the rule `inbound-<provider>` receiving all calls of this provider; `none`: do not.")
                            .defaultValue(.string(RuleGeneration.auto.rawValue)),
                        "outbound": SchemaNode.choice(RuleGeneration.self)
                            .description("`auto`: generate the rule `outbound-<provider>` sending every number through this provider; `none`: do not.")
                            .defaultValue(.string(RuleGeneration.auto.rawValue)),
                    ])
                    .description("Whether the default inbound and outbound rules are generated for this provider."),
            ],
            required: ["name"])
            .oneOf(.requiring("server"), .requiring("servers"))
            // `standard` (also when `type` is absent) registers, so it needs credentials (SB2030);
            // credentials on a trunk are only a warning, so the schema allows them.
            .with("if", SchemaNode.requiring("type")
                .with("properties", .object(["type": SchemaNode.constant(.string(ProviderType.trunk.rawValue)).json])).json)
            .with("else", SchemaNode.requiring("login", "password").json)
            .description("A SIP provider (trunk). Requires `name`, exactly one of `server` and `servers`, and for a `standard` provider (the default type) `login` and `password`.")

        return [
            "provider": provider,
            "addressRange": SchemaNode.string
                .pattern(ManifestSchema.Pattern.addressRange)
                .description("An IP address or CIDR network, optionally with a port: `198.51.100.0/28`, `198.51.100.200:5060`, `2001:db8:100::/48`, `[2001:db8::1]:5060`.")
                .examples(.string("198.51.100.0/28"), .string("[2001:db8::1]:5060")),
        ]
    }
}

extension SchemaNode {
    /// A string in one of the named formats (`ipv4`, `ipv6`); formats are hints many
    /// validators only annotate, so Switchboard still checks the value itself.
    func anyOfFormats(_ formats: String...) -> SchemaNode {
        with("anyOf", .array(formats.map { SchemaNode.string.format($0).json }))
    }
}
