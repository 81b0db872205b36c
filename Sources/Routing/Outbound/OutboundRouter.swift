import RuntimeBundle

/// Decides which provider carries an outbound call (docs/routing.md).
///
/// The rules are tried in bundle order (explicit rules first, then the generated ones in
/// provider order). For each rule that matches the dialled number, its routes are tried in
/// order; the first route whose provider is known, enabled, allows outgoing calls, is registered
/// (standard providers; trunks do not register), leaves something to send after `strip`, and has
/// a free line is taken. A matching rule none of whose routes is usable falls through to the
/// next matching rule. Every candidate passed over is recorded with its reason; rules that do
/// not match are not.
public struct OutboundRouter: Sendable {
    /// Retry-After of a busy answer: long enough that a retry is not a storm against full
    /// lines, short enough that a phone that takes 503 + Retry-After to mean "the server is
    /// down" (RFC 3263 failover) does not stop placing calls for long (docs/routing.md).
    public static let defaultBusyRetryAfter = 30

    public let rules: [BundleOutboundRule]
    private let providers: [String: BundleProvider]
    /// Seconds of the Retry-After of `rejection(for:)` when every candidate was busy.
    public let busyRetryAfter: Int

    public init(bundle: SwitchboardBundle, busyRetryAfter: Int = OutboundRouter.defaultBusyRetryAfter) {
        rules = bundle.outbound
        providers = Dictionary(bundle.providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.busyRetryAfter = busyRetryAfter
    }

    /// The decision for `number` without taking a line: `registered` says whether a standard
    /// provider is registered, `lines` gives each provider's line usage (nil: unknown). For dry
    /// runs and status views.
    public func decide(
        number: String, registered: (String) -> Bool, lines: (String) -> LineUsage?
    ) -> OutboundDecision {
        walk(number: number, registered: registered) { provider in
            guard let usage = lines(provider) else { return .unknown }
            guard let full = usage.full else { return .free(nil) }
            return .busy(busy: full.busy, limit: full.limit)
        }.decision
    }

    /// The decision for `number`, with the line taken from `pool` as part of the choice: a
    /// candidate whose last line another call took a moment earlier is skipped as busy and the
    /// next one is tried. The lease is nil unless the call was routed; the caller releases it
    /// when the call ends or fails.
    public func place(
        number: String, registered: (String) -> Bool, pool: LinePool
    ) -> (decision: OutboundDecision, lease: LineLease?) {
        walk(number: number, registered: registered) { provider in
            switch pool.tryAcquire(provider) {
            case .acquired(let lease): .free(lease)
            case .busy(let usage): usage.full.map { .busy(busy: $0.busy, limit: $0.limit) } ?? .unknown
            case .unavailable: .unknown
            }
        }
    }

    /// The response for a call that was not routed; nil for a routed one.
    public func rejection(for decision: OutboundDecision) -> OutboundRejection? {
        switch decision {
        case .routed: nil
        case .noMatchingRule: .noRoute
        case .allCandidatesUnavailable: decision.isBusy ? .busy(retryAfter: busyRetryAfter) : .unavailable
        }
    }

    /// A provider's lines as the walk sees them; `.free` carries the lease when one was taken.
    private enum LineCheck {
        case free(LineLease?)
        case busy(busy: Int, limit: Int)
        case unknown
    }

    private func walk(
        number: String, registered: (String) -> Bool, lines: (String) -> LineCheck
    ) -> (decision: OutboundDecision, lease: LineLease?) {
        var skipped: [SkippedCandidate] = []
        var matched = false
        for rule in rules where rule.matches(number) {
            matched = true
            for route in rule.routes {
                func skip(_ reason: SkipReason) {
                    skipped.append(SkippedCandidate(rule: rule, route: route, reason: reason))
                }
                guard let provider = providers[route.provider] else { skip(.unknownProvider); continue }
                if let reason = Self.unusable(provider, registered: registered) { skip(reason); continue }
                guard let numberToSend = route.rewrite(number) else {
                    skip(.numberTooShort(length: number.count, strip: route.strip))
                    continue
                }
                switch lines(provider.name) {
                case .unknown:
                    skip(.unknownProvider)
                case .busy(let busy, let limit):
                    skip(.allLinesBusy(busy: busy, limit: limit))
                case .free(let lease):
                    let call = OutboundCall(
                        rule: rule, route: route, provider: provider, dialled: number, numberToSend: numberToSend,
                        callerId: CallerID.choose(rule: rule, provider: provider), skipped: skipped)
                    return (.routed(call), lease)
                }
            }
        }
        return (matched ? .allCandidatesUnavailable(skipped) : .noMatchingRule, nil)
    }

    /// Why `provider` cannot carry an outbound call whatever its lines, or nil if it can.
    private static func unusable(_ provider: BundleProvider, registered: (String) -> Bool) -> SkipReason? {
        if !provider.enabled { return .disabled }
        if !provider.calls.outgoing { return .outgoingNotAllowed }
        if provider.type == "standard", !registered(provider.name) { return .notRegistered }
        return nil
    }
}
