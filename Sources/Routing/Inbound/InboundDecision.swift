import RuntimeBundle

/// Where an inbound call goes: the outcome of `InboundRouter`.
public enum InboundDecision: Hashable, Sendable {
    /// The first matching rule, and the extensions to ring. The registrar looks up their
    /// contacts; the routing engine does not own them.
    case routed(rule: BundleInboundRule)
    /// The provider takes no calls (unknown, disabled, or incoming calls off); no rule is tried.
    case providerRefused(provider: String, reason: InboundRefusal)
    /// No inbound rule matches this provider, called and caller number.
    case noMatchingRule

    /// The destination of a routed call.
    public var destination: BundleDestination? {
        guard case .routed(let rule) = self else { return nil }
        return rule.destination
    }
}

/// Why calls through a provider are refused before any rule is tried.
public enum InboundRefusal: String, Hashable, Sendable, CustomStringConvertible {
    case unknownProvider = "unknown_provider"
    case disabled
    case incomingNotAllowed = "incoming_not_allowed"

    public var description: String {
        switch self {
        case .unknownProvider: "no such provider"
        case .disabled: "the provider is disabled"
        case .incomingNotAllowed: "the provider does not allow incoming calls"
        }
    }
}
