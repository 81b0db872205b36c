import Diagnostics
import YAMLSource

/// Decodes one entry of `inbound:`.
struct InboundRuleDecoder {
    static let schema = KeySchema(
        ["name", "provider", "starts_with", "caller_starts_with", "to"],
        synonyms: ["prefix": "starts_with", "prefixes": "starts_with", "destination": "to", "extensions": "to", "trunk": "provider"])

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode) -> InboundRule? {
        guard let fields = FieldReader(node, subject: "an inbound rule", schema: Self.schema, sink: sink) else { return nil }
        fields.require("name", help: "give the rule a unique lowercase name, e.g. `name: office`")
        fields.require("to", help: "say where the calls go, e.g. `to: { extensions: [\"100\"] }`")
        let name = fields.string("name").flatMap { NameRules(sink: sink).check($0, kind: "inbound rule") }
        let patterns = DialPatterns(sink: sink)
        let provider = fields.string("provider")
        let called = patterns.prefixes(fields.list("starts_with"), field: "starts_with")
        let callers = patterns.prefixes(fields.list("caller_starts_with"), field: "caller_starts_with")
        let destination = fields.value("to").flatMap { DestinationDecoder(sink: sink).decode($0, field: "to") }
        guard let name else { return nil }
        var rule = InboundRule(name: name, span: node.span)
        rule.provider = provider
        rule.calledPrefixes = called
        rule.callerPrefixes = callers
        rule.destination = destination
        return rule
    }
}

/// Decodes one entry of `outbound:`.
struct OutboundRuleDecoder {
    static let schema = KeySchema(
        ["name", "starts_with", "length", "caller_id", "routes"],
        synonyms: ["prefix": "starts_with", "prefixes": "starts_with", "route": "routes", "providers": "routes", "provider": "routes"])
    static let lengthSchema = KeySchema(["min", "max"], synonyms: ["minimum": "min", "maximum": "max"])
    static let routeSchema = KeySchema(["provider", "strip", "prepend"], synonyms: ["trunk": "provider", "add": "prepend"])
    static let lengthRange = 1...32
    static let stripRange = 0...DialPatterns.maxPrefixLength

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode) -> OutboundRule? {
        guard let fields = FieldReader(node, subject: "an outbound rule", schema: Self.schema, sink: sink) else { return nil }
        fields.require("name", help: "give the rule a unique lowercase name, e.g. `name: mobile`")
        fields.require("routes", help: "list the providers to try, e.g. `routes: [{ provider: acme }]`")
        let name = fields.string("name").flatMap { NameRules(sink: sink).check($0, kind: "outbound rule") }
        let prefixes = DialPatterns(sink: sink).prefixes(fields.list("starts_with"), field: "starts_with")
        var minLength: Located<Int>?, maxLength: Located<Int>?
        if let length = fields.value("length"),
           let lengthFields = FieldReader(length, subject: "`length`", schema: Self.lengthSchema, sink: sink) {
            minLength = lengthFields.integer("min", in: Self.lengthRange, unit: "digits")
            maxLength = lengthFields.integer("max", in: Self.lengthRange, unit: "digits")
            if let minLength, let maxLength, minLength.value > maxLength.value {
                sink.emit(.error(
                    .invalidLengthBounds, "`length.min` (\(minLength.value)) is above `length.max` (\(maxLength.value))",
                    at: minLength.span, related: [.init("the maximum", at: maxLength.span)],
                    help: "no number could match; swap the two values"))
            }
        }
        let callerID = fields.string("caller_id").flatMap { CallerIDCheck(sink: sink).check($0) }
        let routes = (fields.list("routes", allowsSingleValue: false) ?? []).compactMap(decodeRoute)
        guard let name else { return nil }
        var rule = OutboundRule(name: name, span: node.span)
        rule.prefixes = prefixes
        rule.minLength = minLength
        rule.maxLength = maxLength
        rule.callerID = callerID
        rule.routes = routes
        return rule
    }

    /// `{ provider: acme, strip: 1, prepend: "+7" }`, or just `acme`.
    private func decodeRoute(_ node: YAMLNode) -> OutboundRoute? {
        if case .scalar = node {
            return ScalarDecoder(sink: sink).string(node, field: "provider").map { OutboundRoute(provider: $0, span: node.span) }
        }
        guard let fields = FieldReader(node, subject: "a route", schema: Self.routeSchema, sink: sink) else { return nil }
        fields.require("provider")
        let strip = fields.integer("strip", in: Self.stripRange, unit: "digits")
        let prepend = DialPatterns(sink: sink).prepend(fields.value("prepend"), field: "prepend")
        guard let provider = fields.string("provider") else { return nil }
        var route = OutboundRoute(provider: provider, span: node.span)
        route.strip = strip
        route.prepend = prepend
        return route
    }
}
