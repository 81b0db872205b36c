import Synchronization

/// Replay protection: remembers, for each nonce that authenticated a request, the highest nonce
/// count (`nc`) accepted with it; a request whose `nc` is not higher is a replay.
///
/// Bounded and time-bucketed. Entries are grouped by their nonce's issue second; a bucket is
/// dropped whole once its nonces have expired, or — when the table holds more than `capacity`
/// entries — the oldest bucket is dropped early. Either way the table remembers the newest issue
/// time it has dropped (`forgottenThrough`), and any nonce issued at or before it that is not in
/// the table is refused as `.forgotten`. So a dropped entry never reopens a replay window: the
/// client is just sent a fresh nonce (stale=true), which a legitimate client follows silently.
///
/// Only successfully authenticated requests reach the table, so clients without a password cannot
/// fill it. Strictly increasing counts mean a client that sends several requests concurrently with
/// one nonce and has them arrive out of order gets a stale challenge for the late ones; SIP UAs
/// use one request at a time per registration, and transaction-layer retransmissions (same
/// `nc`) must be absorbed before authentication.
///
/// Thread-safe: one `Mutex` guards the table, held only for a dictionary look-up and update (plus,
/// about once a second, dropping one expired bucket).
final class NonceCountTracker: Sendable {
    enum Verdict: Hashable, Sendable {
        /// First use of the nonce, or a higher count than ever before: recorded.
        case accepted
        /// The count is not higher than one already accepted for this nonce.
        case replayed
        /// The nonce was dropped from the table (expired or evicted); it cannot be used any more.
        case forgotten
    }

    private struct State {
        var highest: [NonceID: UInt32] = [:]
        /// Random parts of the tracked nonces, by issue time.
        var buckets: [UInt64: [UInt64]] = [:]
        /// The keys of `buckets`, ascending.
        var bucketOrder: [UInt64] = []
        /// The newest issue time of any dropped bucket.
        var forgottenThrough: UInt64?

        mutating func dropOldestBucket() {
            let issuedAt = bucketOrder.removeFirst()
            for random in buckets.removeValue(forKey: issuedAt) ?? [] {
                highest.removeValue(forKey: NonceID(issuedAt: issuedAt, random: random))
            }
            forgottenThrough = max(forgottenThrough ?? 0, issuedAt)
        }

        mutating func insertBucket(_ issuedAt: UInt64) {
            // Nearly always appended at the end: nonces are first used soon after they are issued.
            var index = bucketOrder.endIndex
            while index > bucketOrder.startIndex, bucketOrder[index - 1] > issuedAt { index -= 1 }
            bucketOrder.insert(issuedAt, at: index)
        }
    }

    let capacity: Int
    let lifetime: UInt64
    private let state = Mutex(State())

    init(capacity: Int, lifetime: UInt64) {
        precondition(capacity > 0, "the nonce table needs room for at least one nonce")
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// Records that `id` authenticated a request with nonce count `count` at time `now`, unless
    /// that is a replay.
    func record(_ id: NonceID, count: UInt32, now: UInt64) -> Verdict {
        state.withLock { state in
            while let oldest = state.bucketOrder.first, oldest < now, now - oldest > lifetime {
                state.dropOldestBucket()
            }
            if let highest = state.highest[id] {
                guard count > highest else { return .replayed }
                state.highest[id] = count
                return .accepted
            }
            if let forgotten = state.forgottenThrough, id.issuedAt <= forgotten { return .forgotten }
            state.highest[id] = count
            if state.buckets[id.issuedAt]?.append(id.random) == nil {
                state.buckets[id.issuedAt] = [id.random]
                state.insertBucket(id.issuedAt)
            }
            while state.highest.count > capacity { state.dropOldestBucket() }
            return .accepted
        }
    }

    /// How many nonces are tracked now.
    var count: Int { state.withLock { $0.highest.count } }
}
