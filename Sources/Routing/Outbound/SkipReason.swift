import RuntimeBundle

/// Why a route of a matching outbound rule was not taken.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// The route names a provider the bundle (or the line accounting) does not know.
    case unknownProvider
    /// The provider is disabled.
    case disabled
    /// The provider's `calls.outgoing` is false.
    case outgoingNotAllowed
    /// A standard provider that is not registered at the moment.
    case notRegistered
    /// Every line is in use: `busy` calls against a limit of `limit` (busy can be above the
    /// limit after a reload lowered it).
    case allLinesBusy(busy: Int, limit: Int)
    /// `strip` would take off more than the number has, or leave nothing to send.
    case numberTooShort(length: Int, strip: Int)

    /// A stable word for machine output.
    public var code: String {
        switch self {
        case .unknownProvider: "unknown_provider"
        case .disabled: "disabled"
        case .outgoingNotAllowed: "outgoing_not_allowed"
        case .notRegistered: "not_registered"
        case .allLinesBusy: "all_lines_busy"
        case .numberTooShort: "number_too_short"
        }
    }

    public var description: String {
        switch self {
        case .unknownProvider: "no such provider"
        case .disabled: "the provider is disabled"
        case .outgoingNotAllowed: "the provider does not allow outgoing calls"
        case .notRegistered: "the provider is not registered"
        case .allLinesBusy(let busy, let limit): "all lines busy (\(busy) of \(limit))"
        case .numberTooShort(let length, let strip):
            "strip \(strip) leaves nothing of a number of \(length) characters"
        }
    }
}

/// A route that was considered and not taken, with the rule it belongs to.
public struct SkippedCandidate: Hashable, Sendable {
    public var rule: BundleOutboundRule
    public var route: BundleRoute
    public var reason: SkipReason

    public init(rule: BundleOutboundRule, route: BundleRoute, reason: SkipReason) {
        self.rule = rule
        self.route = route
        self.reason = reason
    }
}
