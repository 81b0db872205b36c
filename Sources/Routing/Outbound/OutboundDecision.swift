import RuntimeBundle

/// Where an outbound call goes: the outcome of `OutboundRouter`.
public enum OutboundDecision: Hashable, Sendable {
    /// A usable route was found.
    case routed(OutboundCall)
    /// No outbound rule matches the number.
    case noMatchingRule
    /// Rules matched, but none of their routes could be used; every candidate is listed with
    /// its reason, in the order they were tried.
    case allCandidatesUnavailable([SkippedCandidate])

    /// The candidates skipped on the way, in the order they were tried.
    public var skipped: [SkippedCandidate] {
        switch self {
        case .routed(let call): call.skipped
        case .noMatchingRule: []
        case .allCandidatesUnavailable(let skipped): skipped
        }
    }

    /// True when no route was usable only because lines were busy: every candidate skipped was
    /// busy, so trying again later can succeed.
    public var isBusy: Bool {
        guard case .allCandidatesUnavailable(let skipped) = self, !skipped.isEmpty else { return false }
        return skipped.allSatisfy {
            if case .allLinesBusy = $0.reason { return true }
            return false
        }
    }
}

/// A routed outbound call: the rule, the route and provider it leaves through, and what is sent.
public struct OutboundCall: Hashable, Sendable {
    public var rule: BundleOutboundRule
    public var route: BundleRoute
    public var provider: BundleProvider
    /// The number as dialled.
    public var dialled: String
    /// The number as sent to the provider, after `strip` and `prepend`.
    public var numberToSend: String
    /// The caller ID to present; nil when neither the rule nor the provider sets one.
    public var callerId: CallerID?
    /// The candidates tried before this one, and why each was skipped.
    public var skipped: [SkippedCandidate]

    public init(
        rule: BundleOutboundRule, route: BundleRoute, provider: BundleProvider, dialled: String, numberToSend: String,
        callerId: CallerID?, skipped: [SkippedCandidate]
    ) {
        self.rule = rule
        self.route = route
        self.provider = provider
        self.dialled = dialled
        self.numberToSend = numberToSend
        self.callerId = callerId
        self.skipped = skipped
    }
}

/// The caller ID chosen for a call, and where it came from.
public struct CallerID: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        /// The rule's `caller_id`, which overrides the provider's.
        case rule
        /// The provider's `caller_id`.
        case provider
    }

    public var number: String
    public var origin: Origin

    public init(number: String, origin: Origin) {
        self.number = number
        self.origin = origin
    }

    /// The rule's caller ID, else the provider's, else none.
    static func choose(rule: BundleOutboundRule, provider: BundleProvider) -> CallerID? {
        if let number = rule.callerId { return CallerID(number: number, origin: .rule) }
        if let number = provider.callerId { return CallerID(number: number, origin: .provider) }
        return nil
    }
}
