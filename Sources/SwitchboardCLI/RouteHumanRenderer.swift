import Routing
import RuntimeBundle

/// `route`'s output for people: a headline, then one labelled line per fact.
///
/// ```
/// routed: 0301234567 → budget-voip as +49301234567
/// rule:       germany-national (dialplan.yaml:38:11)
/// provider:   budget-voip (standard, registered; 0 busy, unlimited)
/// number:     +49301234567 (strip 1, prepend +49)
/// caller ID:  +4930123456 (the rule's)
/// skipped:    germany-national → northwind: all lines busy (30 of 30)
/// ```
struct RouteHumanRenderer {
    private static let labelWidth = 13

    func render(_ call: OutboundCallReport) -> String {
        var lines: [String] = []
        switch call.decision {
        case .routed(let routed):
            lines.append("routed: \(call.number) → \(routed.provider.name) as \(routed.numberToSend)")
            lines.append(Self.field("rule", Self.rule(routed.rule, withSource: true)))
            lines.append(Self.field("provider", provider(routed.provider, scenario: call.scenario)))
            lines.append(Self.field("number", "\(routed.numberToSend) (\(Self.rewrite(routed.route)))"))
            lines.append(Self.field("caller ID", Self.callerId(routed.callerId)))
        case .noMatchingRule:
            lines.append("no route: no outbound rule matches \(call.number)")
        case .allCandidatesUnavailable:
            lines.append(call.decision.isBusy
                ? "busy: every line that could take \(call.number) is busy"
                : "unavailable: no usable route for \(call.number)")
        }
        for (index, skipped) in call.decision.skipped.enumerated() {
            let text = "\(Self.rule(skipped.rule, withSource: false)) → \(skipped.route.provider): \(skipped.reason)"
            lines.append(Self.field(index == 0 ? "skipped" : "", text))
        }
        if let rejection = call.rejection {
            var answer = "\(rejection.statusCode) \(rejection.reasonPhrase)"
            if let seconds = rejection.retryAfter { answer += ", Retry-After: \(seconds)" }
            lines.append(Self.field("answer", answer))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(_ call: InboundCallReport) -> String {
        var what = "call to \(call.called)"
        if let caller = call.caller { what += " from \(caller)" }
        what += " through \(call.provider)"
        switch call.decision {
        case .routed(let rule):
            let destination = rule.destination
            return [
                "routed: \(what) → \(destination.extensions.joined(separator: ", "))",
                Self.field("rule", Self.rule(rule.name, generatedFor: rule.generatedFor, source: rule.source)),
                Self.field("destination", "\(destination.extensions.joined(separator: ", ")) (ring \(destination.ring.replacingUnderscores))"),
            ].joined(separator: "\n") + "\n"
        case .providerRefused(_, let reason):
            return "refused: \(what): \(reason)\n"
        case .noMatchingRule:
            return "no route: no inbound rule matches a \(what)\n"
        }
    }

    private static func field(_ label: String, _ value: String) -> String {
        let head = label.isEmpty ? "" : label + ":"
        return head + String(repeating: " ", count: max(1, labelWidth - head.count)) + value
    }

    private static func rule(_ rule: BundleOutboundRule, withSource: Bool) -> String {
        Self.rule(rule.name, generatedFor: rule.generatedFor, source: withSource ? rule.source : nil)
    }

    /// `germany-national (dialplan.yaml:38:11)`, `outbound-acme (generated for acme, …)`.
    private static func rule(_ name: String, generatedFor: String?, source: String?) -> String {
        let notes = [generatedFor.map { "generated for \($0)" }, source].compactMap { $0 }
        return notes.isEmpty ? name : "\(name) (\(notes.joined(separator: ", ")))"
    }

    private func provider(_ provider: BundleProvider, scenario: RouteScenario) -> String {
        let kind = provider.type == "standard" ? "standard, registered" : provider.type
        let usage = scenario.lines(provider.name).map { "; \($0)" } ?? ""
        return "\(provider.name) (\(kind)\(usage))"
    }

    private static func rewrite(_ route: BundleRoute) -> String {
        var steps: [String] = []
        if route.strip > 0 { steps.append("strip \(route.strip)") }
        if !route.prepend.isEmpty { steps.append("prepend \(route.prepend)") }
        return steps.isEmpty ? "as dialled" : steps.joined(separator: ", ")
    }

    private static func callerId(_ callerId: CallerID?) -> String {
        guard let callerId else { return "none (neither the rule nor the provider sets one)" }
        return "\(callerId.number) (the \(callerId.origin.rawValue)'s)"
    }
}

extension String {
    /// `in_order` → `in order`, for prose.
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
