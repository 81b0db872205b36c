import RuntimeBundle
@testable import BundleDiff

/// Small bundles built in code, so each test says exactly what differs.
enum Fixture {
    static func provider(
        _ name: String, enabled: Bool = true, incoming: Bool = true, outgoing: Bool = true, type: String = "standard",
        servers: [BundleAddress] = [BundleAddress(host: "sip.example", port: nil, transport: "udp")],
        password: BundleSecret? = .env("PASSWORD"), lines: LineLimit = .unlimited, expires: Int = 3600,
        rules: (String, String) = ("auto", "auto"), source: String? = nil
    ) -> BundleProvider {
        BundleProvider(
            name: name, title: nil, enabled: enabled, calls: .init(incoming: incoming, outgoing: outgoing), type: type,
            servers: servers, proxy: nil, login: type == "standard" ? "office" : nil,
            password: type == "standard" ? password : nil, lines: lines, callerId: nil, registrationIp: nil,
            registration: type == "standard" ? .init(expires: expires) : nil,
            trunk: type == "trunk" ? .init(allow: ["198.51.100.0/28"], derived: false) : nil,
            rules: .init(inbound: rules.0, outbound: rules.1), source: source ?? "providers.yaml:1:\(name.count)")
    }

    static func ext(_ number: String, password: BundleSecret = .env("EXT"), source: String = "dialplan.yaml:1:1") -> BundleExtension {
        BundleExtension(number: number, displayName: nil, password: password, source: source)
    }

    static func inbound(
        _ name: String, provider: String? = nil, called: [String] = [], caller: [String] = [],
        to extensions: [String] = ["100"], generatedFor: String? = nil, source: String = "dialplan.yaml:2:1"
    ) -> BundleInboundRule {
        BundleInboundRule(
            name: name, generatedFor: generatedFor, provider: provider, calledPrefixes: called, callerPrefixes: caller,
            destination: .init(extensions: extensions, ring: "together"), source: source)
    }

    static func outbound(
        _ name: String, prefixes: [String] = [], min: Int? = nil, max: Int? = nil, routes: [String],
        strip: Int = 0, generatedFor: String? = nil, source: String = "dialplan.yaml:3:1"
    ) -> BundleOutboundRule {
        BundleOutboundRule(
            name: name, generatedFor: generatedFor, prefixes: prefixes, minLength: min, maxLength: max, callerId: nil,
            routes: routes.map { BundleRoute(provider: $0, strip: strip, prepend: "") }, source: source)
    }

    /// The generated rules of `providers`, as the compiler would place them: after `inbound`
    /// and `outbound`, in provider order.
    static func bundle(
        providers: [BundleProvider], extensions: [BundleExtension] = [ext("100")], inbound: [BundleInboundRule] = [],
        outbound: [BundleOutboundRule] = []
    ) -> SwitchboardBundle {
        var inboundRules = inbound, outboundRules = outbound
        let explicitInbound = Set(inbound.map(\.name)), explicitOutbound = Set(outbound.map(\.name))
        for provider in providers where provider.enabled {
            if provider.calls.incoming, provider.rules.inbound == "auto", !explicitInbound.contains("inbound-\(provider.name)") {
                inboundRules.append(Self.inbound(
                    "inbound-\(provider.name)", provider: provider.name, generatedFor: provider.name, source: provider.source))
            }
            if provider.calls.outgoing, provider.rules.outbound == "auto", !explicitOutbound.contains("outbound-\(provider.name)") {
                outboundRules.append(Self.outbound(
                    "outbound-\(provider.name)", routes: [provider.name], generatedFor: provider.name, source: provider.source))
            }
        }
        return SwitchboardBundle(providers: providers, extensions: extensions, inbound: inboundRules, outbound: outboundRules)
    }
}
