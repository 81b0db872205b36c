import RuntimeBundle

extension BundleOutboundRule {
    /// True when the rule applies to `number`: it starts with one of the prefixes (any number
    /// when there are none) and its length, in characters, is within the bounds, both inclusive.
    public func matches(_ number: String) -> Bool {
        guard NumberPrefixes.match(number, prefixes) else { return false }
        let length = number.count
        if let minLength, length < minLength { return false }
        if let maxLength, length > maxLength { return false }
        return true
    }
}

extension BundleRoute {
    /// The number sent to the provider: `strip` characters taken off the front of `number`,
    /// then `prepend` put there. Nil when that would take off more than the number has or leave
    /// nothing to send.
    public func rewrite(_ number: String) -> String? {
        guard strip <= number.count else { return nil }
        let rewritten = prepend + number.dropFirst(strip)
        return rewritten.isEmpty ? nil : rewritten
    }
}
