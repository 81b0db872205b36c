import NIOCore

/// How long to wait after a failed attempt: RFC 5626 §4.5's exponential backoff with jitter.
///
///     ceiling(n) = min(maximum, base × 2^(n−1))      n = consecutive failures, 1 for the first
///     wait(n)    = ceiling(n) × (1 + r) / 2          r uniform in [0, 1)
///
/// so the wait is uniform between half the ceiling and the ceiling. With the defaults (base
/// 30 s, maximum 1800 s, RFC 5626's values) the first retry comes after 15–30 s, the second after
/// 30–60 s, …, and from the seventh on after 15–30 minutes. Jitter keeps many clients that
/// failed together (a provider restart) from coming back together.
public struct RetryBackoff: Hashable, Sendable {
    public var base: TimeAmount
    public var maximum: TimeAmount

    public init(base: TimeAmount = .seconds(30), maximum: TimeAmount = .seconds(1800)) {
        self.base = base
        self.maximum = maximum
    }

    /// The longest wait after `failures` consecutive failures (at least 1).
    public func ceiling(failures: Int) -> TimeAmount {
        var ceiling = base
        for _ in 1..<max(1, failures) where ceiling < maximum {
            ceiling = ceiling + ceiling
        }
        return min(ceiling, maximum)
    }

    /// The wait after `failures` consecutive failures, for a random `fraction` in [0, 1).
    public func delay(failures: Int, fraction: Double) -> TimeAmount {
        let ceiling = ceiling(failures: failures).nanoseconds
        let fraction = min(max(fraction, 0), 1)
        return .nanoseconds(ceiling / 2 + Int64(Double(ceiling / 2) * fraction))
    }
}
