/// The set of numbers a rule matches: any of some prefixes (none = every number), within optional
/// length bounds. Enough to decide whether one rule catches everything another one does.
struct NumberSet {
    var prefixes: [String]
    var minLength: Int?
    var maxLength: Int?

    var isEverything: Bool { prefixes.isEmpty && minLength == nil && maxLength == nil }

    /// True when every number in `other` is also in `self`.
    func covers(_ other: NumberSet) -> Bool {
        if let minLength, minLength > (other.minLength ?? other.shortestPossibleLength) { return false }
        if let maxLength, maxLength < (other.maxLength ?? .max) { return false }
        if prefixes.isEmpty { return true }
        if other.prefixes.isEmpty { return false }
        return other.prefixes.allSatisfy { candidate in prefixes.contains { candidate.hasPrefix($0) } }
    }

    /// A number matching a prefix is at least as long as the prefix.
    private var shortestPossibleLength: Int {
        prefixes.map(\.count).min() ?? 1
    }

    /// True when `number` is in the set.
    func contains(_ number: String) -> Bool {
        if let minLength, number.count < minLength { return false }
        if let maxLength, number.count > maxLength { return false }
        return prefixes.isEmpty || prefixes.contains { number.hasPrefix($0) }
    }
}

extension OutboundRule {
    var numbers: NumberSet {
        NumberSet(prefixes: prefixes.map(\.value), minLength: minLength?.value, maxLength: maxLength?.value)
    }
}

extension InboundRule {
    var calledNumbers: NumberSet { NumberSet(prefixes: calledPrefixes.map(\.value)) }
    var callerNumbers: NumberSet { NumberSet(prefixes: callerPrefixes.map(\.value)) }

    /// True when every call this rule matches is also matched by `earlier`.
    func isCovered(by earlier: InboundRule) -> Bool {
        if let provider = earlier.provider?.value, provider != self.provider?.value { return false }
        return earlier.calledNumbers.covers(calledNumbers) && earlier.callerNumbers.covers(callerNumbers)
    }
}
