import RuntimeBundle

/// The JSON Schema (draft-07) of the runtime bundle that `switchboard compile` writes and the
/// registrar loads: the members of each type's `jsonValue` in `RuntimeBundle/Model`, with the
/// invariants the compiler guarantees (names are slugs, numbers are E.164, ranges as in the
/// manifest). `switchboard schema --bundle` prints `text`; `schemas/bundle.schema.json` is the
/// same bytes.
public enum BundleSchema {
    /// The schema as a JSON value.
    public static let json: JSONValue = build()

    /// The schema in Switchboard's canonical JSON form, with a final line break.
    public static let text = String(decoding: CanonicalJSONWriter.bytes(json), as: UTF8.self)

    private typealias Pattern = ManifestSchema.Pattern

    /// `properties`, `required` (all members but the optional ones) and `additionalProperties: false`.
    private static func object(_ properties: [String: SchemaNode], optional: Set<String> = []) -> SchemaNode {
        .object(properties: properties, required: properties.keys.filter { !optional.contains($0) }.sorted())
    }

    private static let source = SchemaNode.string
        .pattern(#"^.+:[1-9][0-9]*:[1-9][0-9]*$"#)
        .description("`file:line:col` of the object's name in the manifests, the file relative to the manifest root.")
        .examples(.string("providers/acme.yaml:5:11"))

    private static let generatedFor = SchemaNode.ref("name")
        .description("The provider this rule was generated for; absent for rules written in a manifest.")

    private static func build() -> JSONValue {
        let definitions: [String: SchemaNode] = [
            "name": SchemaNode.string
                .pattern(Pattern.slug)
                .maxLength(NameRules.maxLength)
                .description("A provider or rule name: a lowercase slug."),
            "callerId": SchemaNode.string
                .pattern(Pattern.e164)
                .description("An E.164 number."),
            "prefix": SchemaNode.string
                .pattern(Pattern.prefix)
                .description("A number prefix: digits, `*` and `#`, with an optional leading `+`."),
            "extensionNumber": SchemaNode.string
                .pattern(Pattern.extensionNumber)
                .description("An internal extension number."),
            "secret": object([
                "env": SchemaNode.string
                    .pattern(Pattern.environmentVariable)
                    .description("An environment variable of the registrar's process."),
                "file": SchemaNode.string
                    .minLength(1)
                    .description("A file whose content, without a final line break, is the secret; a relative path is resolved against the bundle's folder."),
                "inline": SchemaNode.string
                    .minLength(1)
                    .description("The secret itself, as the manifest wrote it."),
            ], optional: ["env", "file", "inline"])
                .with("minProperties", .integer(1))
                .with("maxProperties", .integer(1))
                .description("Where the registrar finds a secret: exactly one of `env`, `file` and `inline`. Never a resolved reference."),
            "address": object([
                "host": SchemaNode.string
                    .minLength(1)
                    .description("A DNS name (lowercase), an IPv4 address, or an IPv6 address without brackets."),
                "port": SchemaNode.integer(ServerAddressDecoder.portRange)
                    .description("Absent when the manifest gave none: the runtime applies 5060 (5061 for TLS) or DNS SRV."),
                "transport": SchemaNode.choice(Transport.self)
                    .description("The transport in force: the address's own, else the provider's, else `udp`."),
            ], optional: ["port"])
                .description("A server or proxy."),
            "provider": provider,
            "extension": object([
                "number": .ref("extensionNumber")
                    .description("The extension number, also its digest user name."),
                "display_name": SchemaNode.string
                    .minLength(1)
                    .description("Display name."),
                "password": .ref("secret")
                    .description("The digest password."),
                "source": source,
            ], optional: ["display_name"])
                .description("An internal extension."),
            "inboundRule": object([
                "name": .ref("name"),
                "generated_for": generatedFor,
                "provider": .ref("name")
                    .description("The provider the call must come through; absent: any provider."),
                "called_prefixes": SchemaNode.array(of: .ref("prefix"))
                    .description("Prefixes of the called number; empty: every number."),
                "caller_prefixes": SchemaNode.array(of: .ref("prefix"))
                    .description("Prefixes of the caller's number; empty: every caller."),
                "destination": object([
                    "extensions": SchemaNode.array(of: .ref("extensionNumber"))
                        .description("The extensions that ring."),
                    "ring": SchemaNode.choice(RingStrategy.self)
                        .description("`together` or `in_order`."),
                ])
                    .description("Where the call rings."),
                "source": source,
            ], optional: ["generated_for", "provider"])
                .description("An inbound rule; the first rule that matches the provider, called and caller number wins."),
            "outboundRule": object([
                "name": .ref("name"),
                "generated_for": generatedFor,
                "prefixes": SchemaNode.array(of: .ref("prefix"))
                    .description("Prefixes of the dialled number; empty: every number."),
                "min_length": SchemaNode.integer(OutboundRuleDecoder.lengthRange)
                    .description("Shortest dialled number the rule matches."),
                "max_length": SchemaNode.integer(OutboundRuleDecoder.lengthRange)
                    .description("Longest dialled number the rule matches."),
                "caller_id": .ref("callerId")
                    .description("Overrides the caller ID of the provider."),
                "routes": SchemaNode.array(of: object([
                    "provider": .ref("name")
                        .description("The provider the call leaves through."),
                    "strip": SchemaNode.integer(OutboundRuleDecoder.stripRange)
                        .description("Characters removed from the start of the dialled number."),
                    "prepend": SchemaNode.string
                        .pattern(Pattern.prepend)
                        .description("Text put in front after stripping; empty: nothing."),
                ]).description("One way out: a provider and the rewrite applied for it."), minItems: 1)
                    .description("The providers to try, in order."),
                "source": source,
            ], optional: ["generated_for", "min_length", "max_length", "caller_id"])
                .description("An outbound rule. Rules are tried in order; a matching rule whose routes are all unusable falls through to the next."),
            "registrar": object([
                "limits": object(RegistrarSchema.limits(withDefaults: false))
                    .description("Flood and brute-force control."),
                "tcp": object(RegistrarSchema.tcp(withDefaults: false))
                    .description("TCP connection limits and timeouts."),
            ])
                .description("The limits the registrar enforces, every default written out."),
        ]

        return object([
            "format": SchemaNode.constant(.string(SwitchboardBundle.formatName))
                .description("Marks the document as a Switchboard bundle."),
            "format_version": SchemaNode.constant(.integer(SwitchboardBundle.currentFormatVersion))
                .description("The bundle format version."),
            "digest": SchemaNode.string
                .pattern("^sha256:[0-9a-f]{64}$")
                .description("`sha256:` and the hexadecimal SHA-256 of the canonical JSON of the bundle without this member."),
            "providers": SchemaNode.array(of: .ref("provider"))
                .description("Providers, in manifest order."),
            "extensions": SchemaNode.array(of: .ref("extension"))
                .description("Internal extensions, in manifest order."),
            "inbound": SchemaNode.array(of: .ref("inboundRule"))
                .description("Inbound rules in the order they are tried: explicit rules, then generated ones in provider order."),
            "outbound": SchemaNode.array(of: .ref("outboundRule"))
                .description("Outbound rules in the order they are tried: explicit rules, then generated ones in provider order."),
            "registrar": .ref("registrar")
                .description("The registrar's limits (format version 2 on)."),
        ])
            .with("$schema", .string("http://json-schema.org/draft-07/schema#"))
            .title("Switchboard runtime bundle")
            .description("The runtime bundle `switchboard compile` writes and the registrar loads: canonical JSON, every default explicit, secrets as references.")
            .with("definitions", .object(definitions.mapValues(\.json)))
            .json
    }

    private static var provider: SchemaNode {
        object([
            "name": .ref("name"),
            "title": SchemaNode.string
                .minLength(1)
                .description("Display name."),
            "enabled": SchemaNode.boolean
                .description("A disabled provider makes and receives no external calls."),
            "calls": object([
                "incoming": SchemaNode.boolean.description("Whether calls from this provider are accepted."),
                "outgoing": SchemaNode.boolean.description("Whether calls may leave through this provider."),
            ])
                .description("The two switches of the provider."),
            "type": SchemaNode.choice(ProviderType.self)
                .description("`standard` (registers with login and password) or `trunk` (recognised by address)."),
            "servers": SchemaNode.array(of: .ref("address"), minItems: 1)
                .description("In failover order."),
            "proxy": .ref("address")
                .description("Outbound SIP proxy."),
            "login": SchemaNode.string
                .minLength(1)
                .description("Digest user name; standard providers only."),
            "password": .ref("secret")
                .description("Digest password; standard providers only."),
            "lines": SchemaNode.oneOf(
                SchemaNode.integer(ProviderDecoder.linesRange),
                SchemaNode.constant(.string("unlimited")))
                .description("Maximum simultaneous calls, or `unlimited` (written out, never implied)."),
            "caller_id": .ref("callerId")
                .description("Outbound caller ID."),
            "registration_ip": SchemaNode.string
                .minLength(1)
                .description("Our external address, announced to the provider."),
            "registration": object([
                "expires": SchemaNode.integer(ProviderDecoder.expiresRange)
                    .description("Seconds the provider is asked to keep our registration."),
            ])
                .description("Standard providers only."),
            "trunk": object([
                "allow": SchemaNode.array(of: SchemaNode.string.pattern(ManifestSchema.Pattern.addressRange), minItems: 1)
                    .description("Accepted source addresses: `198.51.100.0/28`, `198.51.100.7:5060`, `[2001:db8::1]:5060`."),
                "derived": SchemaNode.boolean
                    .description("True when `allow` was derived from literal server and proxy addresses."),
            ])
                .description("Trunk providers only."),
            "rules": object([
                "inbound": SchemaNode.choice(RuleGeneration.self).description("Whether the default inbound rule is generated."),
                "outbound": SchemaNode.choice(RuleGeneration.self).description("Whether the default outbound rule is generated."),
            ])
                .description("Default-rule generation, as the manifest said (default `auto`)."),
            "source": source,
        ], optional: ["title", "proxy", "login", "password", "caller_id", "registration_ip", "registration", "trunk"])
            .ifThenElse(
                SchemaNode(["properties": .object(["type": SchemaNode.constant(.string(ProviderType.trunk.rawValue)).json])]),
                then: SchemaNode.requiring("trunk")
                    .not(SchemaNode.anyOf(.requiring("login"), .requiring("password"), .requiring("registration"))),
                else: SchemaNode.requiring("registration")
                    .not(.requiring("trunk")))
            .description("A provider with every default explicit (only an absent port stays absent). Standard providers have `registration` and no `trunk`; trunks have `trunk` and no `login`, `password` or `registration`.")
    }
}
