import Diagnostics

/// Rules that can never be used because an earlier rule takes all their calls, and catch-all
/// rules placed before specific ones.
///
/// Inbound rules: the first match wins, so a rule is dead when an earlier one covers its provider,
/// called and caller numbers. Outbound rules fall through when all their routes are busy, so a
/// rule is dead only when an earlier one covers its numbers *and* already tries every provider it
/// would try. Generated rules are left out: they are the intended fallbacks.
struct RuleReachability {
    let sink: DiagnosticSink

    func check(_ manifest: Manifest) {
        checkInbound(manifest.inbound.filter { !$0.origin.isGenerated })
        checkOutbound(manifest.outbound.filter { !$0.origin.isGenerated })
    }

    private func checkInbound(_ rules: [InboundRule]) {
        var earlier = RulePrefixIndex()
        for (position, rule) in rules.enumerated() {
            let candidates = earlier.candidates(covering: rule.calledPrefixes.map(\.value))
            if let shadow = candidates.map({ rules[$0] }).first(where: { rule.isCovered(by: $0) }) {
                reportShadowed(rule.name, by: shadow.name, kind: "inbound", note: "the first matching inbound rule takes the call")
            }
            earlier.add(position, prefixes: rule.calledPrefixes.map(\.value))
        }
    }

    private func checkOutbound(_ rules: [OutboundRule]) {
        var earlier = RulePrefixIndex()
        var reportedCatchAll = false
        for (position, rule) in rules.enumerated() {
            let providers = Set(rule.routes.map(\.provider.value))
            let candidates = earlier.candidates(covering: rule.prefixes.map(\.value)).map { rules[$0] }
            let covering = candidates.filter { $0.numbers.covers(rule.numbers) }
            if let shadow = covering.first(where: { providers.isSubset(of: Set($0.routes.map(\.provider.value))) }) {
                reportShadowed(rule.name, by: shadow.name, kind: "outbound",
                               note: "`\(shadow.name.value)` catches all its numbers and already tries every provider it names")
            } else if !reportedCatchAll, !rule.prefixes.isEmpty,
                      let catchAll = covering.first(where: { $0.numbers.isEverything }) {
                reportedCatchAll = true
                sink.emit(.warning(
                    .catchAllBeforeSpecific,
                    "catch-all outbound rule `\(catchAll.name.value)` comes before the more specific rule `\(rule.name.value)`",
                    at: catchAll.name.span, label: "matches every number",
                    related: [.init("used only when every route of `\(catchAll.name.value)` is busy", at: rule.name.span)],
                    help: "move `\(catchAll.name.value)` after the specific rules"))
            }
            earlier.add(position, prefixes: rule.prefixes.map(\.value))
        }
    }

    private func reportShadowed(_ name: Located<String>, by shadow: Located<String>, kind: String, note: String) {
        sink.emit(.warning(
            .shadowedRule, "\(kind) rule `\(name.value)` can never be used", at: name.span,
            related: [.init("`\(shadow.value)` comes first and takes all its calls", at: shadow.span)],
            notes: [note],
            help: "move `\(name.value)` before `\(shadow.value)`, narrow `\(shadow.value)`, or remove `\(name.value)`"))
    }
}

/// Earlier rules by prefix, so finding the rules that could cover a rule costs a few lookups
/// instead of a comparison with every earlier rule.
struct RulePrefixIndex {
    private var byPrefix: [String: [Int]] = [:]
    private var catchAll: [Int] = []

    mutating func add(_ position: Int, prefixes: [String]) {
        if prefixes.isEmpty {
            catchAll.append(position)
        } else {
            for prefix in Set(prefixes) { byPrefix[prefix, default: []].append(position) }
        }
    }

    /// Positions of earlier rules that might cover a rule with these prefixes, in rule order:
    /// catch-alls, and rules with a prefix that starts the rule's first prefix.
    func candidates(covering prefixes: [String]) -> [Int] {
        guard let first = prefixes.first else { return catchAll }
        var found = Set(catchAll)
        var candidate = ""
        for character in first {
            candidate.append(character)
            if let positions = byPrefix[candidate] { found.formUnion(positions) }
        }
        return found.sorted()
    }
}
