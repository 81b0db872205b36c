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

    /// Appends the generated rules to `manifest` in place.
    ///
    /// (Returning an expanded copy kept the original alive next to it, so appending copied both
    /// rule lists; and handing each `Provider` to a function copied it, over 500 bytes with a dozen
    /// reference-counted fields. Only the few fields a generated rule needs are read here.)
    func expand(_ manifest: inout Manifest) {
        let explicitInbound = Set(manifest.inbound.lazy.map { $0.name.value })
        let explicitOutbound = Set(manifest.outbound.lazy.map { $0.name.value })
        // Shares the list's storage; the rule lists below are appended to in place.
        let providers = manifest.providers
        manifest.inbound.reserveCapacity(manifest.inbound.count + providers.count)
        manifest.outbound.reserveCapacity(manifest.outbound.count + providers.count)
        for position in providers.indices where providers[position].enabled?.value ?? true {
            let name = providers[position].name
            let span = providers[position].span
            // Each name is made once, for the lookup and the rule.
            if providers[position].incomingCalls?.value ?? true, providers[position].inboundRule?.value != RuleGeneration.none {
                let ruleName = Self.inboundName(for: name.value)
                if !explicitInbound.contains(ruleName),
                   let rule = generatedInbound(ruleName, for: name, span: span, defaults: manifest.defaults) {
                    manifest.inbound.append(rule)
                }
            }
            if providers[position].outgoingCalls?.value ?? true, providers[position].outboundRule?.value != RuleGeneration.none {
                let ruleName = Self.outboundName(for: name.value)
                if !explicitOutbound.contains(ruleName) {
                    manifest.outbound.append(generatedOutbound(ruleName, for: name, span: span))
                }
            }
        }
    }

    /// `name` and `span` are the provider's.
    private func generatedInbound(_ ruleName: String, for name: Located<String>, span: SourceSpan, defaults: ManifestDefaults) -> InboundRule? {
        guard let destination = defaults.inboundDestination else {
            sink.emit(.error(
                .missingDefaultDestination,
                "provider `\(name.value)` gets a generated inbound rule, but no destination is set for it",
                at: name.span,
                notes: ["every enabled provider that receives calls gets the rule `\(ruleName)`"],
                help: "add `defaults: { inbound_destination: { extensions: [\"100\"] } }`, "
                    + "or `rules: { inbound: none }` on the provider"))
            return nil
        }
        var rule = InboundRule(name: Located(ruleName, at: name.span), span: span)
        rule.origin = .generated(provider: name.value)
        rule.provider = name
        rule.destination = destination
        return rule
    }

    private func generatedOutbound(_ ruleName: String, for name: Located<String>, span: SourceSpan) -> OutboundRule {
        var rule = OutboundRule(name: Located(ruleName, at: name.span), span: span)
        rule.origin = .generated(provider: name.value)
        rule.routes = [OutboundRoute(provider: name, span: name.span)]
        return rule
    }
}
