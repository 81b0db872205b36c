import RuntimeBundle

/// Decides which extensions an inbound call rings (docs/routing.md).
///
/// A call through a provider that is unknown, disabled or does not allow incoming calls is
/// refused first. Otherwise the inbound rules are tried in bundle order; the first rule whose
/// provider (if it names one) is the call's, whose called prefixes (if any) the called number
/// starts with, and whose caller prefixes (if any) the caller's number starts with, wins. A call
/// without a caller number (anonymous) matches only rules without caller prefixes.
public struct InboundRouter: Sendable {
    public let rules: [BundleInboundRule]
    private let providers: [String: BundleProvider]

    public init(bundle: SwitchboardBundle) {
        rules = bundle.inbound
        providers = Dictionary(bundle.providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func decide(provider name: String, called: String, caller: String?) -> InboundDecision {
        guard let provider = providers[name] else { return .providerRefused(provider: name, reason: .unknownProvider) }
        guard provider.enabled else { return .providerRefused(provider: name, reason: .disabled) }
        guard provider.calls.incoming else { return .providerRefused(provider: name, reason: .incomingNotAllowed) }
        let rule = rules.first { rule in
            (rule.provider == nil || rule.provider == name)
                && NumberPrefixes.match(called, rule.calledPrefixes)
                && NumberPrefixes.match(caller, rule.callerPrefixes)
        }
        return rule.map { .routed(rule: $0) } ?? .noMatchingRule
    }
}
