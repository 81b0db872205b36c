/// Failed authentications counted over a fixed window that starts at the first failure: once
/// `window` seconds have passed since then, the count starts again at the next failure.
struct FailureWindow: Sendable {
    private(set) var count = 0
    private var startedAt: UInt64 = 0

    /// Counts one failure at `now`; returns the count within the window, this one included.
    mutating func record(now: UInt64, window: UInt64) -> Int {
        if count == 0 || now >= startedAt + window {
            count = 0
            startedAt = now
        }
        count += 1
        return count
    }
}
