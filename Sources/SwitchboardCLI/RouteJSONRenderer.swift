import Routing
import RuntimeBundle

/// `route --format json`: one versioned JSON document in Switchboard's canonical JSON.
///
/// Outbound:
/// ```json
/// { "version": 1, "direction": "outbound", "number": "…",
///   "result": "routed" | "busy" | "unavailable" | "no_matching_rule",
///   "rule"?: { "name", "source", "generated_for"? }, "provider"?: { "name", "type", "busy", "lines" },
///   "number_sent"?: "…", "strip"?: n, "prepend"?: "…", "caller_id"?: { "number", "from": "rule" | "provider" },
///   "skipped": [ { "rule": {…}, "provider", "reason", "text", "busy"?, "limit"? } ],
///   "answer"?: { "status", "reason", "retry_after"? } }
/// ```
/// Inbound:
/// ```json
/// { "version": 1, "direction": "inbound", "provider", "called", "caller"?,
///   "result": "routed" | "refused" | "no_matching_rule",
///   "rule"?: {…}, "destination"?: { "extensions", "ring" }, "reason"?, "text"? }
/// ```
struct RouteJSONRenderer {
    static let version = 1

    func render(_ call: OutboundCallReport) -> String {
        var members: [String: JSONValue] = [
            "version": .integer(Self.version),
            "direction": .string("outbound"),
            "number": .string(call.number),
            "skipped": .array(call.decision.skipped.map(json)),
        ]
        switch call.decision {
        case .routed(let routed):
            members["result"] = .string("routed")
            members["rule"] = Self.rule(routed.rule.name, routed.rule.generatedFor, routed.rule.source)
            let usage = call.scenario.lines(routed.provider.name)
            members["provider"] = .object([
                "name": .string(routed.provider.name), "type": .string(routed.provider.type),
                "busy": .integer(usage?.busy ?? 0), "lines": routed.provider.lines.jsonValue,
            ])
            members["number_sent"] = .string(routed.numberToSend)
            members["strip"] = .integer(routed.route.strip)
            members["prepend"] = .string(routed.route.prepend)
            if let callerId = routed.callerId {
                members["caller_id"] = .object(["number": .string(callerId.number), "from": .string(callerId.origin.rawValue)])
            }
        case .noMatchingRule:
            members["result"] = .string("no_matching_rule")
        case .allCandidatesUnavailable:
            members["result"] = .string(call.decision.isBusy ? "busy" : "unavailable")
        }
        if let rejection = call.rejection {
            var answer: [String: JSONValue] = [
                "status": .integer(rejection.statusCode), "reason": .string(rejection.reasonPhrase),
            ]
            if let seconds = rejection.retryAfter { answer["retry_after"] = .integer(seconds) }
            members["answer"] = .object(answer)
        }
        return Self.text(.object(members))
    }

    func render(_ call: InboundCallReport) -> String {
        var members: [String: JSONValue] = [
            "version": .integer(Self.version),
            "direction": .string("inbound"),
            "provider": .string(call.provider),
            "called": .string(call.called),
        ]
        if let caller = call.caller { members["caller"] = .string(caller) }
        switch call.decision {
        case .routed(let rule):
            members["result"] = .string("routed")
            members["rule"] = Self.rule(rule.name, rule.generatedFor, rule.source)
            members["destination"] = rule.destination.jsonValue
        case .providerRefused(_, let reason):
            members["result"] = .string("refused")
            members["reason"] = .string(reason.rawValue)
            members["text"] = .string(reason.description)
        case .noMatchingRule:
            members["result"] = .string("no_matching_rule")
        }
        return Self.text(.object(members))
    }

    private func json(_ skipped: SkippedCandidate) -> JSONValue {
        var members: [String: JSONValue] = [
            "rule": Self.rule(skipped.rule.name, skipped.rule.generatedFor, skipped.rule.source),
            "provider": .string(skipped.route.provider),
            "reason": .string(skipped.reason.code),
            "text": .string(skipped.reason.description),
        ]
        if case .allLinesBusy(let busy, let limit) = skipped.reason {
            members["busy"] = .integer(busy)
            members["limit"] = .integer(limit)
        }
        return .object(members)
    }

    private static func rule(_ name: String, _ generatedFor: String?, _ source: String) -> JSONValue {
        var members: [String: JSONValue] = ["name": .string(name), "source": .string(source)]
        if let generatedFor { members["generated_for"] = .string(generatedFor) }
        return .object(members)
    }

    private static func text(_ value: JSONValue) -> String {
        String(decoding: CanonicalJSONWriter.bytes(value), as: UTF8.self)
    }
}
