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
        // Number sets and provider sets once per rule, used by index: cheaper than rebuilding them
        // for every candidate, and it keeps Swift 6.3.1's CopyPropagation pass from crashing on
        // closures that capture the loop's `rule`.
        let numberSets = rules.map(\.numbers)
        let providerSets = rules.map { Set($0.routes.map(\.provider.value)) }
        var earlier = RulePrefixIndex()
        var reportedCatchAll = false
        for position in rules.indices {
            let numbers = numberSets[position]
            let covering = earlier.candidates(covering: numbers.prefixes).filter { numberSets[$0].covers(numbers) }
            if let shadow = covering.first(where: { providerSets[position].isSubset(of: providerSets[$0]) }) {
                let shadowName = rules[shadow].name
                reportShadowed(rules[position].name, by: shadowName, kind: "outbound",
                               note: "`\(shadowName.value)` catches all its numbers and already tries every provider it names")
            } else if !reportedCatchAll, !numbers.prefixes.isEmpty,
                      let catchAll = covering.first(where: { numberSets[$0].isEverything }) {
                reportedCatchAll = true
                let catchAllName = rules[catchAll].name, ruleName = rules[position].name
                sink.emit(.warning(
                    .catchAllBeforeSpecific,
                    "catch-all outbound rule `\(catchAllName.value)` comes before the more specific rule `\(ruleName.value)`",
                    at: catchAllName.span, label: "matches every number",
                    related: [.init("used only when every route of `\(catchAllName.value)` is busy", at: ruleName.span)],
                    help: "move `\(catchAllName.value)` after the specific rules"))
            }
            earlier.add(position, prefixes: numbers.prefixes)
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
