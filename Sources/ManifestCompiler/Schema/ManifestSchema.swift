import RuntimeBundle

/// The JSON Schema (draft-07) of manifest files, for editors: completion, hover text and early
/// checks of each key's shape. `switchboard schema` prints `text`; `schemas/manifest.schema.json`
/// is the same bytes.
///
/// Every object's property list comes from its decoder's `KeySchema`, so the schema offers
/// exactly the keys Switchboard accepts. What a schema cannot see — names unique across files,
/// references between objects, YAML 1.1 typing traps — is left to `switchboard check`.
public enum ManifestSchema {
    /// The schema as a JSON value.
    public static let json: JSONValue = build().json

    /// The schema in Switchboard's canonical JSON form, with a final line break.
    public static let text = String(decoding: CanonicalJSONWriter.bytes(json), as: UTF8.self)

    /// The schema and the places where it and the decoders disagree (kept empty by a test).
    static func build() -> (json: JSONValue, issues: [String]) {
        let assembly = ManifestSchemaAssembly()
        var definitions = assembly.commonDefinitions()
        definitions.merge(assembly.providerDefinitions()) { first, _ in first }
        definitions.merge(assembly.dialPlanDefinitions()) { first, _ in first }
        definitions.merge(assembly.registrarDefinitions()) { first, _ in first }

        let root = assembly.object(
            ManifestDecoder.schema, "the manifest",
            properties: [
                "version": SchemaNode(["enum": .array([.integer(ManifestDecoder.supportedVersions.upperBound)])])
                    .description("Manifest format version. Optional; this Switchboard reads version 1.")
                    .defaultValue(.integer(1))
                    .examples(.integer(1)),
                "defaults": .ref("defaults")
                    .description("Settings that apply where a manifest does not say otherwise; each may be set once across all files."),
                "registrar": .ref("registrar")
                    .description("The limits the registrar enforces: bans after failed authentications, the request rate, TCP connections. Once across all files."),
                "providers": SchemaNode.array(of: .ref("provider"))
                    .description("SIP providers (trunks). The lists of all files are joined in file order; names are unique across all files."),
                "extensions": SchemaNode.array(of: .ref("extension"))
                    .description("Internal extensions: numbers that register at Switchboard with digest credentials."),
                "inbound": SchemaNode.array(of: .ref("inboundRule"))
                    .description("Inbound rules: which external calls ring which extensions. Tried in order, the first match wins; generated `inbound-<provider>` rules come after them."),
                "outbound": SchemaNode.array(of: .ref("outboundRule"))
                    .description("Outbound rules: which dialled numbers leave through which providers. Tried in order; a matching rule whose routes are all busy falls through to the next. Generated `outbound-<provider>` rules come after them."),
            ])
            .with("$schema", .string("http://json-schema.org/draft-07/schema#"))
            .title("Switchboard manifest")
            .description("A Switchboard manifest file: SIP providers, extensions and call routing. Sections merge across files and documents. Run `switchboard check` for the rules a schema cannot express.")
            .with("definitions", .object(definitions.mapValues(\.json)))
        return (root.json, assembly.issues)
    }

    /// The regular expressions Switchboard's decoders enforce, in the dialect JSON Schema uses
    /// (ECMA-262; Python's `re` reads them the same way).
    enum Pattern {
        /// Provider and rule names: `NameRules.isSlug`, with `NameRules.maxLength` as `maxLength`.
        static let slug = #"^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$"#
        /// `CallerID.isE164`.
        static let e164 = #"^\+[1-9][0-9]{1,14}$"#
        /// `DialPatterns.extensionNumber`.
        static let extensionNumber = #"^[0-9]{1,10}$"#
        /// `DialPatterns.isPrefix`.
        static let prefix = #"^\+?[0-9*#]{1,20}$"#
        /// `DialPatterns.prepend`: a prefix, or nothing.
        static let prepend = #"^(?:\+?[0-9*#]{1,20})?$"#
        /// `SecretDecoder.isVariableName`.
        static let environmentVariable = #"^[A-Za-z_][A-Za-z0-9_]*$"#
        /// The `host[:port]` shorthand: no URI scheme, user part, parameters, path, headers or
        /// white space (`AddressShorthand`); host and port themselves are checked by Switchboard.
        static let addressShorthand = #"^(?![Ss][Ii][Pp][Ss]?:|[Tt][Ee][Ll]:)[^\s@;?/]+$"#
        /// Entries of `trunk.allow` (IP literals, CIDR prefixes, ports; no host names) and of
        /// `registrar.limits.exempt` (the same without ports, which the decoder refuses).
        static let addressRange = #"^[0-9A-Fa-f.:/\[\]]+$"#
    }
}

extension ManifestSchemaAssembly {
    /// Value shapes used in several places: names, numbers, addresses, secrets.
    func commonDefinitions() -> [String: SchemaNode] {
        [
            "name": SchemaNode.string
                .pattern(ManifestSchema.Pattern.slug)
                .maxLength(NameRules.maxLength)
                .description("A lowercase slug: a-z, 0-9 and single `-`, starting with a letter, at most \(NameRules.maxLength) characters.")
                .examples(.string("acme"), .string("budget-voip")),
            "callerId": SchemaNode.text
                .pattern(ManifestSchema.Pattern.e164)
                .minimum(10).maximum(999_999_999_999_999)
                .description("An E.164 number: `+`, the country code (not starting with 0) and the number, 2 to 15 digits in all.")
                .examples(.string("+74951234567")),
            "extensionNumber": SchemaNode.text
                .pattern(ManifestSchema.Pattern.extensionNumber)
                .minimum(0).maximum(9_999_999_999)
                .description("An internal extension number: 1 to \(DialPatterns.extensionLengths.upperBound) digits.")
                .examples(.string("100")),
            "prefix": SchemaNode.text
                .pattern(ManifestSchema.Pattern.prefix)
                .minimum(0)
                .description("A number prefix: digits, `*` and `#`, with an optional leading `+`, at most \(DialPatterns.maxPrefixLength) characters after it.")
                .examples(.string("8"), .string("+7"), .string("*21#")),
            "prefixes": SchemaNode.anyOf(
                .ref("prefix"),
                .array(of: .ref("prefix"), minItems: 1))
                .description("One prefix, or a list of prefixes; any of them matches.")
                .examples(.texts("8", "+7")),
            "address": SchemaNode.oneOf(
                SchemaNode.string
                    .pattern(ManifestSchema.Pattern.addressShorthand)
                    .description("`host[:port]`: a host name, an IPv4 address, an IPv6 address (in brackets when a port follows), and an optional port 1..65535.")
                    .examples(.string("sip.acme.example"), .string("sip.acme.example:5080"), .string("[2001:db8::1]:5060")),
                .ref("addressMapping"))
                .description("An address: `host[:port]`, or `{ host, port, transport }`."),
            "addressMapping": object(
                ServerAddressDecoder.schema, "an address mapping",
                properties: [
                    "host": SchemaNode.string
                        .pattern(#"^[^\s@;?/]+$"#)
                        .description("Host name (RFC 1123), IPv4 address or IPv6 address, without a port.")
                        .examples(.string("sip.acme.example"), .string("203.0.113.5"), .string("2001:db8::1")),
                    "port": SchemaNode.integer(ServerAddressDecoder.portRange)
                        .description("Port 1..65535. Absent: the runtime applies 5060 (5061 for TLS) or DNS SRV.")
                        .examples(.integer(5060)),
                    "transport": SchemaNode.choice(Transport.self)
                        .description("Transport of this address; overrides the provider's `transport`.")
                        .examples(.string("tls")),
                ],
                required: ["host"])
                .description("An address as a mapping: host, optional port, optional transport."),
            "secret": SchemaNode.oneOf(
                SchemaNode.text
                    .minLength(1)
                    .description("The secret itself, in plain text: allowed, but a warning (SB2050), since it lands in git history."),
                .ref("secretReference"))
                .description("A secret: `{ env: NAME }`, `{ file: path }`, or the secret itself (a warning)."),
            "secretReference": object(
                SecretDecoder.schema, "a secret reference",
                properties: [
                    "env": SchemaNode.string
                        .pattern(ManifestSchema.Pattern.environmentVariable)
                        .description("An environment variable of the registrar that holds the secret: letters, digits and `_`, not starting with a digit.")
                        .examples(.string("ACME_PASSWORD")),
                    "file": SchemaNode.string
                        .minLength(1)
                        .description("A file whose content is the secret, read by the registrar when it loads the bundle.")
                        .examples(.string("/run/secrets/acme")),
                ])
                .oneOf(.requiring("env"), .requiring("file"))
                .description("Where the registrar finds the secret: exactly one of `env` and `file`. The compiler never resolves it."),
        ]
    }
}
