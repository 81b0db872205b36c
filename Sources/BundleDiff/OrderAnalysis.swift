import RuntimeBundle

/// Finds order changes among the rules present in both bundles and says what they mean.
enum OrderAnalysis {
    /// At most this many swapped pairs are described one by one; the rest are counted.
    static let describedPairs = 10

    static func inbound(match: SectionMatch, old: [BundleInboundRule], new: [BundleInboundRule]) -> OrderChange? {
        guard let order = Order(match) else { return nil }
        var effects: [OrderEffect] = []
        for (first, second) in order.swappedPairs(limit: describedPairs) {
            let a = new[first], b = new[second]
            if overlaps(a, b) {
                effects.append(.inboundPrecedence(
                    first: a.name, firstExtensions: a.destination.extensions, second: b.name,
                    secondExtensions: b.destination.extensions))
            } else {
                effects.append(.noOverlap(section: .inbound, first: a.name, second: b.name))
            }
        }
        let rest = Order.inversions(order.oldSequence) - effects.count
        if rest > 0 { effects.append(.more(rest)) }
        return order.change(section: .inbound, names: new.map(\.name), effects: effects)
    }

    static func outbound(match: SectionMatch, old: [BundleOutboundRule], new: [BundleOutboundRule]) -> OrderChange? {
        guard let order = Order(match) else { return nil }
        var effects: [OrderEffect] = []
        let catchAll = new.map(isCatchAll)
        let bothCatchAll = { (pair: (Int, Int)) in catchAll[pair.0] && catchAll[pair.1] }
        for (first, second) in order.swappedPairs(limit: describedPairs, skipping: bothCatchAll) {
            let a = new[first], b = new[second]
            if overlaps(a, b) {
                effects.append(.outboundPrecedence(
                    first: a.name, firstProviders: a.routes.map(\.provider), second: b.name,
                    secondProviders: b.routes.map(\.provider)))
            } else {
                effects.append(.noOverlap(section: .outbound, first: a.name, second: b.name))
            }
        }
        let catchAllSequence = order.oldSequence.filter { catchAll[$0] }
        let catchAllSwaps = Order.inversions(catchAllSequence)
        let rest = Order.inversions(order.oldSequence) - catchAllSwaps - effects.count
        if rest > 0 { effects.append(.more(rest)) }
        if catchAllSwaps > 0 {
            let before = fallbackChain(old), after = fallbackChain(new)
            if before != after {
                let onlyGenerated = (old + new).allSatisfy { !isCatchAll($0) || $0.generatedFor != nil }
                effects.insert(.fallbackOrder(old: before, new: after, onlyGenerated: onlyGenerated), at: 0)
            }
        }
        return order.change(section: .outbound, names: new.map(\.name), effects: effects)
    }

    /// A rule that matches every number: no prefix, no length bounds.
    static func isCatchAll(_ rule: BundleOutboundRule) -> Bool {
        rule.prefixes.isEmpty && rule.minLength == nil && rule.maxLength == nil
    }

    /// The providers a number that only the catch-all rules match tries, in order.
    static func fallbackChain(_ rules: [BundleOutboundRule]) -> [String] {
        var seen = Set<String>()
        var chain: [String] = []
        for rule in rules where isCatchAll(rule) {
            for route in rule.routes where seen.insert(route.provider).inserted {
                chain.append(route.provider)
            }
        }
        return chain
    }

    /// Whether some dialled number matches both rules: prefixes that agree (one starts with
    /// the other, or a rule without prefixes) and length bounds that leave room for the longer
    /// prefix.
    static func overlaps(_ a: BundleOutboundRule, _ b: BundleOutboundRule) -> Bool {
        let low = max(a.minLength ?? 1, b.minLength ?? 1)
        let high = min(a.maxLength ?? Int.max, b.maxLength ?? Int.max)
        guard low <= high else { return false }
        let left = a.prefixes.isEmpty ? [""] : a.prefixes
        let right = b.prefixes.isEmpty ? [""] : b.prefixes
        for p in left {
            for q in right where p.hasPrefix(q) || q.hasPrefix(p) {
                if max(low, p.count, q.count) <= high { return true }
            }
        }
        return false
    }

    /// Whether some call matches both rules: the same provider (or a rule for any), and called
    /// and caller prefixes that agree.
    static func overlaps(_ a: BundleInboundRule, _ b: BundleInboundRule) -> Bool {
        if let left = a.provider, let right = b.provider, left != right { return false }
        return prefixesAgree(a.calledPrefixes, b.calledPrefixes) && prefixesAgree(a.callerPrefixes, b.callerPrefixes)
    }

    private static func prefixesAgree(_ left: [String], _ right: [String]) -> Bool {
        if left.isEmpty || right.isEmpty { return true }
        return left.contains { p in right.contains { q in p.hasPrefix(q) || q.hasPrefix(p) } }
    }
}

/// The relative order of the rules present in both bundles.
struct Order {
    /// By new index: the rule's old index, or -1 for a rule only in the new bundle.
    let oldPosition: [Int]
    /// By new index: whether the rule is one of the fewest that moved.
    let isMoved: [Bool]
    /// New indices of the common rules, in the old order and in the new order.
    let oldSequence: [Int]
    let newSequence: [Int]

    /// Nil when the order did not change.
    init?(_ match: SectionMatch) {
        let common = match.common
        let oldSequence = common.sorted { $0.old < $1.old }.map(\.new)
        let newSequence = oldSequence.sorted()
        guard oldSequence != newSequence else { return nil }
        let size = (newSequence.last ?? -1) + 1
        var oldPosition = [Int](repeating: -1, count: size)
        for pair in common { oldPosition[pair.new] = pair.old }
        var isMoved = [Bool](repeating: true, count: size)
        for kept in Self.longestIncreasingSubsequence(oldSequence) { isMoved[kept] = false }
        self.oldPosition = oldPosition
        self.isMoved = isMoved
        self.oldSequence = oldSequence
        self.newSequence = newSequence
    }

    /// Up to `limit` pairs of rules (new indices, the first earlier in the new order) whose
    /// relative order flipped, leaving out those `skipping` says, sorted by the new order.
    ///
    /// Every flipped pair has a moved rule in it, and every moved rule is in a flipped pair, so
    /// pairing the moved rules (in the new order) with the others finds `limit` pairs after at
    /// most `limit` moved rules with something to say: O(limit × n), not O(n²). Pairs that are
    /// skipped cost time without counting, so the search also stops after `budget` comparisons
    /// (the pairs not described are still counted, with `inversions`).
    func swappedPairs(limit: Int, budget: Int = 2_000_000, skipping: ((Int, Int)) -> Bool = { _ in false }) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var work = 0
        search: for rule in newSequence where isMoved[rule] {
            work += newSequence.count
            if work > budget { break }
            let ruleOld = oldPosition[rule]
            for other in newSequence where other != rule {
                // Not flipped; or both moved and already paired when `other` had its turn.
                if (other < rule) == (oldPosition[other] < ruleOld) || (other < rule && isMoved[other]) { continue }
                let pair = other < rule ? (other, rule) : (rule, other)
                if skipping(pair) { continue }
                pairs.append(pair)
                if pairs.count == limit { break search }
            }
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// How many pairs of `values` are out of order (merge sort, O(n log n)).
    static func inversions(_ values: [Int]) -> Int {
        var items = values
        var buffer = values
        func sort(_ low: Int, _ high: Int) -> Int {
            guard high - low > 1 else { return 0 }
            let middle = (low + high) / 2
            var count = sort(low, middle) + sort(middle, high)
            var left = low, right = middle, out = low
            while left < middle || right < high {
                if right == high || (left < middle && items[left] <= items[right]) {
                    buffer[out] = items[left]
                    left += 1
                } else {
                    count += middle - left
                    buffer[out] = items[right]
                    right += 1
                }
                out += 1
            }
            for index in low..<high { items[index] = buffer[index] }
            return count
        }
        return sort(0, items.count)
    }

    func change(section: BundleSection, names: [String], effects: [OrderEffect]) -> OrderChange {
        OrderChange(
            section: section, old: oldSequence.map { names[$0] }, new: newSequence.map { names[$0] },
            moved: newSequence.filter { isMoved[$0] }.map { names[$0] }, effects: effects)
    }

    /// The longest increasing subsequence, in O(n log n).
    static func longestIncreasingSubsequence(_ values: [Int]) -> [Int] {
        var tailIndices: [Int] = []
        var previous = [Int](repeating: -1, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0, high = tailIndices.count
            while low < high {
                let middle = (low + high) / 2
                if values[tailIndices[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tailIndices[low - 1] }
            if low == tailIndices.count { tailIndices.append(index) } else { tailIndices[low] = index }
        }
        var result: [Int] = []
        var cursor = tailIndices.last ?? -1
        while cursor >= 0 {
            result.append(values[cursor])
            cursor = previous[cursor]
        }
        return result.reversed()
    }
}
