import Diagnostics
import YAMLSource

/// Decodes one entry of `providers:` into a `Provider`, reporting every problem of every field.
/// Rules that relate fields to each other (the type's needs) live in `ProviderValidator`.
struct ProviderDecoder {
    static let schema = KeySchema(
        [
            "name", "title", "enabled", "calls", "server", "servers", "proxy", "transport", "type",
            "login", "password", "lines", "caller_id", "registration_ip", "registration", "trunk", "rules",
        ],
        synonyms: [
            "username": "login", "user": "login", "auth_user": "login", "secret": "password",
            "host": "server", "registrar": "server", "outbound_proxy": "proxy", "channels": "lines",
            "max_lines": "lines", "max_calls": "lines", "cid": "caller_id", "callerid": "caller_id",
            "external_ip": "registration_ip", "public_ip": "registration_ip", "expires": "registration",
            "display_name": "title", "description": "title", "disabled": "enabled",
        ])
    static let callsSchema = KeySchema(["incoming", "outgoing"], synonyms: ["inbound": "incoming", "outbound": "outgoing"])
    static let registrationSchema = KeySchema(["expires"])
    static let trunkSchema = KeySchema(["allow"], synonyms: ["addresses": "allow", "allowed": "allow", "sources": "allow"])
    static let rulesSchema = KeySchema(["inbound", "outbound"], synonyms: ["incoming": "inbound", "outgoing": "outbound"])

    static let linesRange = 1...65_535
    /// Registration intervals providers accept: below a minute most answer 423, above a day a
    /// lost registration goes unnoticed for too long.
    static let expiresRange = 60...86_400

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode) -> Provider? {
        guard let fields = FieldReader(node, subject: "a provider", schema: Self.schema, sink: sink) else {
            return nil
        }
        fields.require("name", help: "give the provider a unique lowercase name, e.g. `name: acme`")
        // Read once: reading again would report a broken name twice.
        let name = fields.string("name")
        guard let name, let checkedName = NameRules(sink: sink).check(name, kind: "provider")
        else {
            // Decode and check the rest anyway so every problem of the entry is reported in one
            // run; the entry itself stays out of the manifest, where its name would mislead the
            // checks across objects.
            let unnamed = Provider(name: Located("", at: name?.span ?? node.span), span: node.span)
            let rejected = decodeFields(fields, into: unnamed, owner: "this provider")
            ProviderValidator(sink: sink).validate(rejected, subject: "this provider")
            return nil
        }
        return decodeFields(fields, into: Provider(name: checkedName, span: node.span), owner: "provider `\(checkedName.value)`")
    }

    /// - Parameter owner: the provider in messages; made only when there is one to write.
    private func decodeFields(_ fields: FieldReader, into provider: Provider, owner: @autoclosure () -> String) -> Provider {
        var provider = provider
        for (key, name) in Provider.WrittenKeys.named where fields.has(name) {
            provider.writtenKeys.insert(key)
        }
        let addresses = ServerAddressDecoder(sink: sink)

        provider.title = fields.string("title")
        provider.enabled = fields.bool("enabled")
        if let calls = fields.value("calls"),
           let callFields = FieldReader(calls, subject: "`calls`", schema: Self.callsSchema, sink: sink) {
            provider.incomingCalls = callFields.bool("incoming")
            provider.outgoingCalls = callFields.bool("outgoing")
        }

        if fields.has("server"), fields.has("servers"), let span = fields.keySpan("servers") {
            sink.emit(.error(
                .conflictingKeys, "\(owner()) has both `server` and `servers`", at: span,
                related: fields.keySpan("server").map { [.init("`server` is here", at: $0)] } ?? [],
                help: "list every server under `servers:`, in failover order"))
        } else if let server = fields.value("server") {
            provider.servers = addresses.decode(server, field: "server").map { [$0] } ?? []
        } else if let servers = fields.value("servers") {
            provider.servers = decodeServers(servers)
        }
        provider.proxy = fields.value("proxy").flatMap { addresses.decode($0, field: "proxy") }
        provider.transport = fields.choice("transport", as: Transport.self)
        provider.type = fields.choice("type", as: ProviderType.self)
        provider.login = fields.string("login")
        provider.password = fields.value("password").flatMap {
            SecretDecoder(sink: sink).decode($0, field: "password", owner: owner())
        }
        provider.lines = decodeLines(fields)
        provider.callerID = fields.string("caller_id").flatMap { CallerIDCheck(sink: sink).check($0) }
        provider.registrationIP = fields.string("registration_ip").flatMap(checkRegistrationIP)
        if let registration = fields.value("registration"),
           let registrationFields = FieldReader(registration, subject: "`registration`", schema: Self.registrationSchema, sink: sink) {
            provider.registrationExpires = registrationFields.integer("expires", in: Self.expiresRange, unit: "seconds")
        }
        if let trunk = fields.value("trunk"),
           let trunkFields = FieldReader(trunk, subject: "`trunk`", schema: Self.trunkSchema, sink: sink),
           let allow = trunkFields.value("allow") {
            provider.trunkAllow = decodeAllowList(allow)
        }
        if let rules = fields.value("rules"),
           let ruleFields = FieldReader(rules, subject: "`rules`", schema: Self.rulesSchema, sink: sink) {
            provider.inboundRule = ruleFields.choice("inbound", as: RuleGeneration.self)
            provider.outboundRule = ruleFields.choice("outbound", as: RuleGeneration.self)
        }
        return provider
    }

    private func decodeServers(_ node: YAMLNode) -> [ServerAddress] {
        guard case .sequence(let sequence) = node else {
            sink.emit(.error(
                .wrongNodeKind, "`servers` must be a list, found \(node.kindDescription)", at: node.span,
                help: "for a single server write `server: host[:port]`"))
            return []
        }
        if sequence.items.isEmpty {
            sink.emit(.error(.missingValue, "`servers` is empty", at: sequence.span))
        }
        let addresses = ServerAddressDecoder(sink: sink)
        return sequence.items.compactMap { addresses.decode($0, field: "server") }
    }

    /// A positive whole number, or `unlimited`; absent also means unlimited.
    private func decodeLines(_ fields: FieldReader) -> Located<Int>? {
        guard let node = fields.value("lines") else { return nil }
        if case .scalar(let scalar) = node, scalar.text == "unlimited" { return nil }
        return ScalarDecoder(sink: sink).integer(node, field: "lines", in: Self.linesRange)
    }

    private func checkRegistrationIP(_ text: Located<String>) -> Located<IPAddress>? {
        let address: IPAddress
        switch IPAddress.parse(text.value) {
        case .success(let parsed): address = parsed
        case .failure(let reason):
            let label = reason == .notAnAddress ? "expected an IPv4 or IPv6 address" : HostName.Problem.invalidIPv4(reason).message
            sink.emit(.error(
                .invalidIPAddress, "`registration_ip` must be an IP address, found `\(text.value)`", at: text.span,
                label: label,
                help: "write the public address of your router or SBC, e.g. `registration_ip: 203.0.113.10`"))
            return nil
        }
        switch address.scope {
        case .global:
            break
        case .unspecified, .multicast:
            sink.emit(.error(
                .invalidIPAddress, "`registration_ip` is \(address.scope.phrase), which no provider can reach",
                at: text.span))
            return nil
        default:
            sink.emit(.warning(
                .nonPublicRegistrationIP, "`registration_ip` \(address) is \(address.scope.phrase)", at: text.span,
                label: "the provider needs your external address",
                notes: ["the provider sends calls to this address; from the internet it leads nowhere"],
                help: "write the public address of your router or SBC, or remove `registration_ip` if the provider sees you directly"))
        }
        return Located(address, at: text.span)
    }

    private func decodeAllowList(_ node: YAMLNode) -> [Located<AddressRange>]? {
        let entries: [YAMLNode]
        switch node {
        case .sequence(let sequence): entries = sequence.items
        case .scalar: entries = [node]
        case .mapping:
            sink.emit(.error(.wrongNodeKind, "`trunk.allow` must be a list of addresses, found a mapping", at: node.span))
            return nil
        }
        if entries.isEmpty {
            sink.emit(.error(
                .missingValue, "`trunk.allow` is empty, so no call from this trunk would be accepted", at: node.span,
                help: "list the provider's signalling addresses, e.g. `allow: [203.0.113.0/28]`"))
        }
        let decoder = AddressRangeDecoder(sink: sink)
        return entries.compactMap { decoder.decode($0, field: "allow") }
    }
}
