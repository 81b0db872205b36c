import NIOCore

/// The timing rules of the registration client, one value so tests can shrink them and docs can
/// point at one place (docs/providers.md).
public struct RegistrationPolicy: Hashable, Sendable {
    /// RFC 3261 T1: the first retransmission interval over UDP (Timer E starts here and doubles).
    public var t1: TimeAmount = .milliseconds(500)
    /// RFC 3261 T2: the longest retransmission interval.
    public var t2: TimeAmount = .seconds(4)
    /// RFC 3261 Timer F (64 × T1): a transaction without a final response has failed.
    public var transactionTimeout: TimeAmount = .seconds(32)
    /// The wait after failures.
    public var backoff = RetryBackoff()
    /// How long before the granted expiry a refresh is sent (see `refreshDelay(granted:)`).
    public var refreshMargin: TimeAmount = .seconds(60)
    /// The longest expiry this client asks for after a 423: a provider demanding more is
    /// refused (state `failed`) rather than obeyed.
    public var maximumExpires = 86_400
    /// How long shutdown waits for a provider to confirm the unregistration.
    public var unregisterTimeout: TimeAmount = .seconds(2)
    /// Requests one attempt may take (challenges, stale nonces, 423s) before it counts as failed:
    /// a provider that keeps asking for more is not followed forever.
    public var maximumRequestsPerAttempt = 6

    public init() {}

    /// When to refresh after the provider granted `granted` seconds: `granted − refreshMargin`
    /// when that leaves at least half of the expiry, otherwise at half of it. With the default
    /// margin of 60 s: 3600 s → after 3540 s; 120 s → after 60 s; 20 s → after 10 s. The margin
    /// covers a whole UDP transaction (32 s) so one lost refresh does not let the binding lapse.
    public func refreshDelay(granted: Int) -> TimeAmount {
        let granted = TimeAmount.seconds(Int64(granted))
        let half = TimeAmount.nanoseconds(granted.nanoseconds / 2)
        return max(granted - refreshMargin, half)
    }
}
