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

    func expand(_ manifest: Manifest) -> Manifest {
        var expanded = manifest
        let explicitInbound = Set(manifest.inbound.map(\.name.value))
        let explicitOutbound = Set(manifest.outbound.map(\.name.value))
        for provider in manifest.providers where provider.enabled?.value ?? true {
            let name = provider.name.value
            if provider.incomingCalls?.value ?? true, provider.inboundRule?.value != RuleGeneration.none,
               !explicitInbound.contains(Self.inboundName(for: name)) {
                if let rule = generatedInbound(for: provider, defaults: manifest.defaults) {
                    expanded.inbound.append(rule)
                }
            }
            if provider.outgoingCalls?.value ?? true, provider.outboundRule?.value != RuleGeneration.none,
               !explicitOutbound.contains(Self.outboundName(for: name)) {
                expanded.outbound.append(generatedOutbound(for: provider))
            }
        }
        return expanded
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
