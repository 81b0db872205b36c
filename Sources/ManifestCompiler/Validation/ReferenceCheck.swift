import Diagnostics

/// Rules must name providers and extensions that exist, and providers that can carry the call.
struct ReferenceCheck {
    let sink: DiagnosticSink
    let index: ManifestIndex
    /// The manifest's providers, which `index` points into. Providers are passed on from here as
    /// borrowed arguments (`providers[position]`), never copied into locals: each is over 500 bytes.
    let providers: [Provider]

    init(sink: DiagnosticSink, manifest: Manifest) {
        self.sink = sink
        self.index = ManifestIndex(manifest)
        self.providers = manifest.providers
    }

    func check(_ manifest: Manifest) {
        if let destination = manifest.defaults.inboundDestination {
            checkDestination(destination)
        }
        for rule in manifest.inbound where !rule.origin.isGenerated {
            checkInbound(rule)
        }
        for rule in manifest.outbound where !rule.origin.isGenerated {
            checkOutbound(rule)
        }
    }

    private func checkInbound(_ rule: InboundRule) {
        if let name = rule.provider, let position = resolveProvider(name) {
            checkProvider(providers[position], of: rule, named: name)
        }
        if let destination = rule.destination { checkDestination(destination) }
    }

    private func checkProvider(_ provider: Provider, of rule: InboundRule, named name: Located<String>) {
        guard !provider.allowsIncoming else { return }
        let reason = provider.isEnabled ? "does not allow incoming calls" : "is disabled"
        sink.emit(.warning(
            .inboundThroughRefusingProvider,
            "inbound rule `\(rule.name.value)` is for provider `\(name.value)`, which \(reason)",
            at: name.span,
            related: [.init("`\(name.value)` is defined here", at: provider.name.span)],
            notes: ["no call arrives through `\(name.value)`, so this rule never matches"]))
    }

    private func checkOutbound(_ rule: OutboundRule) {
        var unusable = 0
        for route in rule.routes {
            guard let position = resolveProvider(route.provider) else { continue }
            if !checkRoute(route, of: rule, through: providers[position]) { unusable += 1 }
        }
        if unusable > 0, unusable == rule.routes.count {
            sink.emit(.error(
                .ruleWithoutUsableRoute, "outbound rule `\(rule.name.value)` has no route that can be used", at: rule.name.span,
                notes: ["every provider it names is disabled or refuses outgoing calls, so its numbers fall through to later rules"],
                help: "add a route through a provider that allows outgoing calls, or remove the rule"))
        }
    }

    /// Warns about a route through a provider that cannot carry it; false for such a route.
    private func checkRoute(_ route: OutboundRoute, of rule: OutboundRule, through provider: Provider) -> Bool {
        if !provider.isEnabled {
            sink.emit(.warning(
                .routeThroughDisabledProvider,
                "outbound rule `\(rule.name.value)` routes through `\(provider.name.value)`, which is disabled",
                at: route.provider.span, related: [.init("disabled here", at: provider.enabled?.span ?? provider.name.span)],
                notes: ["the route is skipped while the provider is disabled"]))
            return false
        }
        if !provider.allowsOutgoing {
            sink.emit(.warning(
                .routeThroughOutgoingDenied,
                "outbound rule `\(rule.name.value)` routes through `\(provider.name.value)`, which does not allow outgoing calls",
                at: route.provider.span,
                related: [.init("outgoing calls are off here", at: provider.outgoingCalls?.span ?? provider.name.span)],
                notes: ["the route is always skipped"]))
            return false
        }
        return true
    }

    private func checkDestination(_ destination: Destination) {
        for number in destination.extensions where !index.extensionNumbers.contains(number.value) {
            let suggestion = Suggestions.closest(to: number.value, among: index.extensionNumbers.sorted())
            sink.emit(.error(
                .unknownExtension, "no extension has the number `\(number.value)`", at: number.span,
                label: suggestion.map { "did you mean `\($0)`?" },
                help: suggestion.map { "did you mean `\($0)`?" } ?? "add it under `extensions:`"))
        }
    }

    /// The position of the provider a rule names, or nil after reporting an unknown name.
    private func resolveProvider(_ name: Located<String>) -> Int? {
        if let position = index.providerPositions[name.value] { return position }
        let suggestion = Suggestions.closest(to: name.value, among: index.providerNames)
        sink.emit(.error(
            .unknownProvider, "no provider is named `\(name.value)`", at: name.span,
            label: suggestion.map { "did you mean `\($0)`?" },
            help: suggestion.map { "did you mean `\($0)`?" }
                ?? (index.providerNames.isEmpty ? "define it under `providers:`" : "the providers are: \(index.providerNames.map { "`\($0)`" }.joined(separator: ", "))")))
        return nil
    }
}
