import NIOCore

/// The timers of one non-INVITE client transaction (RFC 3261 §17.1.2.2): over UDP, Timer E
/// retransmits after T1, then at doubling intervals up to T2 (after a provisional response, every
/// T2); over any transport, Timer F ends the transaction without a final response at its
/// deadline (64 × T1 = 32 s).
struct ClientTransactionTimers: Hashable, Sendable {
    /// The next retransmission; nil over a reliable transport.
    private(set) var nextRetransmission: NIODeadline?
    private var interval: TimeAmount
    private let t2: TimeAmount
    /// Timer F, or an earlier deadline (a shutdown's).
    let deadline: NIODeadline

    init(sentAt now: NIODeadline, reliable: Bool, policy: RegistrationPolicy, deadline: NIODeadline? = nil) {
        interval = policy.t1
        t2 = policy.t2
        nextRetransmission = reliable ? nil : now + policy.t1
        self.deadline = min(now + policy.transactionTimeout, deadline ?? .distantFuture)
    }

    /// The earliest moment something is due.
    var nextEvent: NIODeadline {
        min(nextRetransmission ?? deadline, deadline)
    }

    enum Due: Hashable, Sendable {
        case nothing
        case retransmit
        case timeout
    }

    /// What is due at `now`; a retransmission moves Timer E on (from when it was due, so late
    /// timers do not stretch the schedule).
    mutating func fire(now: NIODeadline) -> Due {
        if now >= deadline { return .timeout }
        guard let due = nextRetransmission, now >= due else { return .nothing }
        interval = min(interval + interval, t2)
        nextRetransmission = due + interval
        return .retransmit
    }

    /// A provisional response arrived: from now on retransmit every T2 (the Proceeding state).
    mutating func proceeding(now: NIODeadline) {
        guard nextRetransmission != nil else { return }
        interval = t2
        nextRetransmission = now + t2
    }
}
