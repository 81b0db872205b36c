import NIOCore
import Synchronization

/// Lets a warning through at most once per interval and counts what it held back, so a flood
/// of refused connections makes one log line every few seconds, not one per connection.
final class WarningThrottle: Sendable {
    private struct State {
        var lastWarning: NIODeadline?
        /// Occurrences since the last warning, the current one included.
        var occurrences = 0
    }

    let interval: TimeAmount
    private let state = Mutex(State())

    init(interval: TimeAmount) {
        self.interval = interval
    }

    /// Records one occurrence at `now`; returns how many occurred since the last warning (this
    /// one included) when a warning is due now, else nil.
    func record(now: NIODeadline = .now()) -> Int? {
        state.withLock { state in
            state.occurrences += 1
            if let last = state.lastWarning, now - last < interval { return nil }
            let count = state.occurrences
            state.lastWarning = now
            state.occurrences = 0
            return count
        }
    }
}
