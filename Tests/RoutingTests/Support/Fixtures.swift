import RuntimeBundle

/// Small bundles built in code, so each test shows the providers and rules it depends on.
enum Fixtures {
    static func provider(
        _ name: String, type: String = "standard", enabled: Bool = true, incoming: Bool = true, outgoing: Bool = true,
        lines: LineLimit = .unlimited, callerId: String? = nil, allow: [String]? = nil
    ) -> BundleProvider {
        BundleProvider(
            name: name, title: nil, enabled: enabled, calls: .init(incoming: incoming, outgoing: outgoing), type: type,
            servers: [BundleAddress(host: "\(name).example", port: nil, transport: "udp")], proxy: nil,
            login: type == "standard" ? "user" : nil, password: type == "standard" ? .env("PASSWORD") : nil,
            lines: lines, callerId: callerId, registrationIp: nil,
            registration: type == "standard" ? .init(expires: 3600) : nil,
            trunk: allow.map { .init(allow: $0, derived: false) },
            rules: .init(inbound: "auto", outbound: "auto"), source: "providers.yaml:1:9")
    }

    static func outbound(
        _ name: String, prefixes: [String] = [], min: Int? = nil, max: Int? = nil, callerId: String? = nil,
        routes: [BundleRoute], generatedFor: String? = nil
    ) -> BundleOutboundRule {
        BundleOutboundRule(
            name: name, generatedFor: generatedFor, prefixes: prefixes, minLength: min, maxLength: max,
            callerId: callerId, routes: routes, source: "dialplan.yaml:1:9")
    }

    static func route(_ provider: String, strip: Int = 0, prepend: String = "") -> BundleRoute {
        BundleRoute(provider: provider, strip: strip, prepend: prepend)
    }

    static func inbound(
        _ name: String, provider: String? = nil, called: [String] = [], caller: [String] = [], to extensions: [String]
    ) -> BundleInboundRule {
        BundleInboundRule(
            name: name, generatedFor: nil, provider: provider, calledPrefixes: called, callerPrefixes: caller,
            destination: BundleDestination(extensions: extensions, ring: "together"), source: "dialplan.yaml:1:9")
    }

    static func bundle(
        providers: [BundleProvider], outbound: [BundleOutboundRule] = [], inbound: [BundleInboundRule] = []
    ) -> SwitchboardBundle {
        SwitchboardBundle(providers: providers, extensions: [], inbound: inbound, outbound: outbound)
    }
}
