/// A source's request budget: `burst` tokens at most, refilled by `rate` a second; a request
/// takes one. Whole seconds are enough (the registrar's clock has seconds): a bucket of several
/// seconds' worth smooths the steps.
struct TokenBucket: Sendable {
    private var tokens: Int
    private var refilledAt: UInt64

    /// A full bucket.
    init(burst: Int, now: UInt64) {
        tokens = burst
        refilledAt = now
    }

    /// Takes a token; false when the bucket is empty.
    mutating func take(rate: Int, burst: Int, now: UInt64) -> Bool {
        if now > refilledAt {
            let elapsed = now - refilledAt
            // Saturating: a long-idle source gets a full bucket, never an overflow.
            let added = elapsed >= UInt64(burst) ? burst : min(burst, Int(elapsed) * rate)
            tokens = min(burst, tokens + added)
            refilledAt = now
        }
        tokens = min(tokens, burst)  // a lower limit after a reload takes effect at once
        guard tokens > 0 else { return false }
        tokens -= 1
        return true
    }
}
