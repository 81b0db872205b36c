import Diagnostics

/// Outbound rules against the numbers they rewrite and the extensions they could swallow.
struct DialPlanChecks {
    let sink: DiagnosticSink

    func check(_ manifest: Manifest) {
        let extensions = manifest.extensions.sorted { $0.number.value < $1.number.value }
        for rule in manifest.outbound where !rule.origin.isGenerated {
            checkStrip(rule)
            checkCapturedExtensions(rule, extensions: extensions)
        }
    }

    /// `strip` removes digits from the start of the number; removing more than the shortest
    /// matched prefix cuts into digits the rule never looked at.
    private func checkStrip(_ rule: OutboundRule) {
        let shortest = rule.prefixes.min { $0.value.count < $1.value.count }
        for route in rule.routes {
            guard let strip = route.strip, strip.value > (shortest?.value.count ?? 0) else { continue }
            let related: [Diagnostic.Related] = shortest.map { [.init("the shortest prefix, \($0.value.count) characters", at: $0.span)] } ?? []
            sink.emit(.warning(
                .stripBeyondPrefix,
                shortest == nil
                    ? "`strip: \(strip.value)` removes the first digits of every number, but rule `\(rule.name.value)` matches any number"
                    : "`strip: \(strip.value)` is longer than the prefix `\(shortest!.value)` of rule `\(rule.name.value)`",
                at: strip.span, related: related,
                notes: ["digits the rule did not match would be cut from the number"],
                help: shortest.map { "strip at most \($0.value.count), or use longer prefixes" } ?? "add `starts_with` prefixes, or remove `strip`"))
        }
    }

    /// A dialled number that is also an internal extension rings the extension, so the rule would
    /// never send it out; usually the prefix is too short or a length bound is missing.
    private func checkCapturedExtensions(_ rule: OutboundRule, extensions: [Extension]) {
        guard !rule.prefixes.isEmpty else { return }
        let numbers = rule.numbers
        for prefix in rule.prefixes {
            let captured = Self.range(of: prefix.value, in: extensions).filter { numbers.contains($0.number.value) }
            guard let first = captured.first else { continue }
            let others = captured.count > 1 ? " and \(captured.count - 1) more" : ""
            sink.emit(.warning(
                .prefixCapturesExtension,
                "prefix `\(prefix.value)` of outbound rule `\(rule.name.value)` matches extension `\(first.number.value)`\(others)",
                at: prefix.span, related: [.init("extension `\(first.number.value)`", at: first.number.span)],
                notes: ["dialling \(first.number.value) rings the extension, so this rule never sends that number out"],
                help: "add `length: { min: \(first.number.value.count + 1) }` or use a longer prefix"))
        }
    }

    /// The extensions whose numbers start with `prefix`, found by binary search in sorted numbers.
    private static func range(of prefix: String, in sorted: [Extension]) -> ArraySlice<Extension> {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].number.value < prefix { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sorted.count, sorted[end].number.value.hasPrefix(prefix) { end += 1 }
        return sorted[low..<end]
    }
}
