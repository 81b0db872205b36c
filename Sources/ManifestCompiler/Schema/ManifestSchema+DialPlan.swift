import RuntimeBundle

extension ManifestSchemaAssembly {
    /// `defaults:`, `extensions:`, `inbound:` and `outbound:` (their decoders' `KeySchema`s).
    func dialPlanDefinitions() -> [String: SchemaNode] {
        [
            "defaults": object(
                DefaultsDecoder.schema, "`defaults`",
                properties: [
                    "inbound_destination": .ref("destination")
                        .description("Where the generated `inbound-<provider>` rules send their calls. Needed when any provider gets a generated inbound rule.")
                        .examples(.object(["extensions": .texts("100")])),
                ])
                .description("Settings that apply where a manifest does not say otherwise; each may be set once across all files."),

            "destination": object(
                DestinationDecoder.schema, "a destination",
                properties: [
                    "extensions": SchemaNode.anyOf(
                        .ref("extensionNumber"),
                        .array(of: .ref("extensionNumber"), minItems: 1))
                        .description("The extensions that ring: one extension number or a list of them.")
                        .examples(.texts("100", "101")),
                    "ring": SchemaNode.choice(RingStrategy.self)
                        .description("`together`: all ring at once, the first to answer takes the call. `in_order`: one after another, in the order listed.")
                        .defaultValue(.string(RingStrategy.together.rawValue)),
                ],
                required: ["extensions"])
                .description("Where a call goes: one or more extensions."),

            "extension": object(
                ExtensionDecoder.schema, "an extension",
                properties: [
                    "number": .ref("extensionNumber")
                        .description("Required. The extension number, 1 to 10 digits, unique across all files; also its digest user name.")
                        .examples(.string("100")),
                    "display_name": SchemaNode.text
                        .minLength(1)
                        .description("Display name of the extension, free text.")
                        .examples(.string("Reception")),
                    "password": .ref("secret")
                        .description("Required. The digest password the extension registers with: `{ env: NAME }`, `{ file: path }`, or plain text (a warning).")
                        .examples(.object(["env": .string("EXT_100_PASSWORD")])),
                ],
                required: ["number", "password"])
                .description("An internal extension: a number that registers at Switchboard with digest credentials."),

            "inboundRule": object(
                InboundRuleDecoder.schema, "an inbound rule",
                properties: [
                    "name": .ref("name")
                        .description("Required. The rule's name: a lowercase slug, unique across all files. A rule named `inbound-<provider>` replaces that provider's generated rule.")
                        .examples(.string("office")),
                    "provider": .ref("name")
                        .description("Only calls that come in through this provider. Absent: any provider.")
                        .examples(.string("acme")),
                    "starts_with": .ref("prefixes")
                        .description("Prefixes of the called number (our number): one prefix or a list. Absent: every number.")
                        .examples(.texts("7495")),
                    "caller_starts_with": .ref("prefixes")
                        .description("Prefixes of the caller's number: one prefix or a list. Absent: every caller.")
                        .examples(.texts("+4930555")),
                    "to": .ref("destination")
                        .description("Required. The extensions that ring for matching calls.")
                        .examples(.object(["extensions": .texts("100")])),
                ],
                required: ["name", "to"])
                .description("An inbound rule: which external calls ring which extensions. The first matching rule wins."),

            "outboundRule": object(
                OutboundRuleDecoder.schema, "an outbound rule",
                properties: [
                    "name": .ref("name")
                        .description("Required. The rule's name: a lowercase slug, unique across all files. A rule named `outbound-<provider>` replaces that provider's generated rule.")
                        .examples(.string("mobile")),
                    "starts_with": .ref("prefixes")
                        .description("Prefixes of the dialled number: one prefix or a list. Absent: every number.")
                        .examples(.texts("8", "+7")),
                    "length": object(
                        OutboundRuleDecoder.lengthSchema, "`length`",
                        properties: [
                            "min": SchemaNode.integer(OutboundRuleDecoder.lengthRange)
                                .description("Shortest dialled number this rule matches, in characters, 1..32.")
                                .examples(.integer(6)),
                            "max": SchemaNode.integer(OutboundRuleDecoder.lengthRange)
                                .description("Longest dialled number this rule matches, in characters, 1..32; not below `min`.")
                                .examples(.integer(11)),
                        ])
                        .description("Bounds on the length of the dialled number.")
                        .examples(.object(["min": .integer(11), "max": .integer(11)])),
                    "caller_id": .ref("callerId")
                        .description("Caller ID for calls through this rule, in E.164; overrides the provider's `caller_id`.")
                        .examples(.string("+4930123456")),
                    "routes": SchemaNode.array(of: .ref("route"), minItems: 1)
                        .description("Required. The providers to try, in order: a provider name or `{ provider, strip, prepend }`. A provider whose lines are all busy is skipped.")
                        .examples(.array([.object(["provider": .string("acme"), "strip": .integer(1), "prepend": .string("+7")])])),
                ],
                required: ["name", "routes"])
                .description("An outbound rule: which dialled numbers leave through which providers. Rules are tried in order; one whose routes are all busy falls through to the next."),

            "route": SchemaNode.oneOf(
                .ref("name").description("The provider's name: the number goes out unchanged."),
                .ref("routeMapping"))
                .description("One way out: a provider name, or `{ provider, strip, prepend }`."),

            "routeMapping": object(
                OutboundRuleDecoder.routeSchema, "a route",
                properties: [
                    "provider": .ref("name")
                        .description("Required. The provider the call leaves through.")
                        .examples(.string("acme")),
                    "strip": SchemaNode.integer(OutboundRuleDecoder.stripRange)
                        .description("Characters removed from the start of the dialled number, 0..20; at most the length of the matched prefix.")
                        .defaultValue(.integer(0))
                        .examples(.integer(1)),
                    "prepend": SchemaNode.text
                        .pattern(ManifestSchema.Pattern.prepend)
                        .minimum(0)
                        .description("Text put in front of the number after stripping: digits, `*` and `#`, with an optional leading `+`.")
                        .defaultValue(.string(""))
                        .examples(.string("+7")),
                ],
                required: ["provider"])
                .description("A route as a mapping: the provider and how the number is rewritten for it."),
        ]
    }
}
