import RuntimeBundle

/// How many lines of a provider are in use, and how many it has.
public struct LineUsage: Hashable, Sendable, CustomStringConvertible {
    /// Calls in progress through the provider. After a reload lowered the limit, it can be above
    /// the limit until enough of those calls end.
    public var busy: Int
    public var limit: LineLimit

    public init(busy: Int, limit: LineLimit) {
        self.busy = busy
        self.limit = limit
    }

    /// True when one more call may start.
    public var hasFreeLine: Bool { full == nil }

    /// The busy count and the limit when no line is free; nil while one is (always for an
    /// unlimited provider).
    public var full: (busy: Int, limit: Int)? {
        guard case .limited(let count) = limit, busy >= count else { return nil }
        return (busy, count)
    }

    /// `3 of 8 busy`, `3 busy, unlimited`.
    public var description: String {
        switch limit {
        case .unlimited: "\(busy) busy, unlimited"
        case .limited(let count): "\(busy) of \(count) busy"
        }
    }
}
