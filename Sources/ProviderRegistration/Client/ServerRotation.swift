import NIOCore

/// Which of a provider's servers the registration uses, and when a failure moves it on (RFC 3263
/// §4.3 in spirit: the next server of the list after a failure that says "this server cannot serve
/// us now").
///
/// A failure of the current server moves to the next one, wrapping around. A *round* is one such
/// failure of every server since the last success or the last backoff: only a complete round
/// calls for the backoff, so a dead first server costs one quick step to the second. Servers
/// that asked for time (`Retry-After`) are not tried again before it has passed.
struct ServerRotation: Hashable, Sendable {
    /// How many servers there are (at least 1).
    let count: Int
    /// The server requests go to now.
    private(set) var current = 0
    /// Servers that failed since the round began.
    private var failuresInRound = 0
    /// The earliest next attempt per server, from its `Retry-After`.
    private var notBefore: [Int: NIODeadline] = [:]

    init(count: Int) {
        self.count = max(count, 1)
    }

    /// What to do after a server failed.
    enum Step: Hashable, Sendable {
        /// Try the next server (now the current one), without a backoff.
        case nextServer
        /// Every server has failed in this round: back off, then try the (now current) next one.
        case backOff
    }

    /// The current server failed in a way that says it cannot serve us now (no answer, a transport
    /// error, 408, 5xx): moves to the next server.
    mutating func serverFailed() -> Step {
        failuresInRound += 1
        current = (current + 1) % count
        guard failuresInRound >= count else { return .nextServer }
        failuresInRound = 0
        return .backOff
    }

    /// A failure that is no server's fault (6xx, most 4xx) backs off without moving on; the next
    /// round starts after it.
    mutating func backedOff() {
        failuresInRound = 0
    }

    /// The current server registered us: a new round begins.
    mutating func succeeded() {
        failuresInRound = 0
        notBefore[current] = nil
    }

    /// The current server asked not to be tried again before `deadline` (`Retry-After`).
    mutating func retryAfter(_ deadline: NIODeadline) {
        notBefore[current] = max(deadline, notBefore[current] ?? deadline)
    }

    /// The earliest moment the current server may be tried.
    func earliestAttempt(after now: NIODeadline) -> NIODeadline {
        max(now, notBefore[current] ?? now)
    }
}
