import Diagnostics

/// Generates the default rules of every provider, as the PBX does when a provider is added:
/// one inbound rule receiving all its calls, one outbound rule sending every number through it.
///
/// Generated rules are named `inbound-<provider>` and `outbound-<provider>`, come after all explicit
/// rules in provider order — so when a provider's lines are all busy the call falls through to the
/// next provider — and are replaced by an explicit rule of the same name.
struct DefaultRuleExpansion {
    let sink: DiagnosticSink

    static func inboundName(for provider: String) -> String { "inbound-\(provider)" }
    static func outboundName(for provider: String) -> String { "outbound-\(provider)" }

    /// Appends the generated rules to `manifest` in place. (Returning an expanded copy kept the
    /// original alive next to it, so appending copied both rule lists; and iterating the providers
    /// by value copied each provider, about 1 KB with some twenty reference-counted fields.)
    func expand(_ manifest: inout Manifest) {
        let explicitInbound = Set(manifest.inbound.map(\.name.value))
        let explicitOutbound = Set(manifest.outbound.map(\.name.value))
        var inbound: [InboundRule] = []
        var outbound: [OutboundRule] = []
        for position in manifest.providers.indices {
            expand(manifest.providers[position], defaults: manifest.defaults, explicitInbound: explicitInbound,
                   explicitOutbound: explicitOutbound, into: &inbound, &outbound)
        }
        manifest.inbound.append(contentsOf: inbound)
        manifest.outbound.append(contentsOf: outbound)
    }

    /// The default rules of one provider (borrowed from the manifest's list).
    private func expand(
        _ provider: Provider, defaults: ManifestDefaults, explicitInbound: Set<String>, explicitOutbound: Set<String>,
        into inbound: inout [InboundRule], _ outbound: inout [OutboundRule]
    ) {
        guard provider.enabled?.value ?? true else { return }
        let name = provider.name.value
        if provider.incomingCalls?.value ?? true, provider.inboundRule?.value != RuleGeneration.none,
           !explicitInbound.contains(Self.inboundName(for: name)) {
            if let rule = generatedInbound(for: provider, defaults: defaults) {
                inbound.append(rule)
            }
        }
        if provider.outgoingCalls?.value ?? true, provider.outboundRule?.value != RuleGeneration.none,
           !explicitOutbound.contains(Self.outboundName(for: name)) {
            outbound.append(generatedOutbound(for: provider))
        }
    }

    private func generatedInbound(for provider: Provider, defaults: ManifestDefaults) -> InboundRule? {
        guard let destination = defaults.inboundDestination else {
            sink.emit(.error(
                .missingDefaultDestination,
                "provider `\(provider.name.value)` gets a generated inbound rule, but no destination is set for it",
                at: provider.name.span,
                notes: ["every enabled provider that receives calls gets the rule `\(Self.inboundName(for: provider.name.value))`"],
                help: "add `defaults: { inbound_destination: { extensions: [\"100\"] } }`, "
                    + "or `rules: { inbound: none }` on the provider"))
            return nil
        }
        var rule = InboundRule(name: Located(Self.inboundName(for: provider.name.value), at: provider.name.span), span: provider.span)
        rule.origin = .generated(provider: provider.name.value)
        rule.provider = provider.name
        rule.destination = destination
        return rule
    }

    private func generatedOutbound(for provider: Provider) -> OutboundRule {
        var rule = OutboundRule(name: Located(Self.outboundName(for: provider.name.value), at: provider.name.span), span: provider.span)
        rule.origin = .generated(provider: provider.name.value)
        rule.routes = [OutboundRoute(provider: provider.name, span: provider.name.span)]
        return rule
    }
}
