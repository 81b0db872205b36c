/// What the guard remembers of one user name: failed authentications, and the sources that
/// authenticated as it recently, which a lock does not apply to (so an attacker guessing the
/// password cannot lock the user's own phone out).
struct UserRecord: Sendable {
    var failures = FailureWindow()
    /// Source → when it last authenticated as this user.
    var trusted: [SourceKey: UInt64] = [:]

    /// Remembers a successful authentication; at most `limit` sources, the least recent dropped.
    mutating func trust(_ source: SourceKey, now: UInt64, limit: Int) {
        trusted[source] = now
        if trusted.count > limit, let oldest = trusted.min(by: { $0.value < $1.value }) {
            trusted[oldest.key] = nil
        }
    }

    func trusts(_ source: SourceKey, now: UInt64, for seconds: UInt64) -> Bool {
        guard let at = trusted[source] else { return false }
        return now < at + seconds
    }
}

/// One stripe of the per-user state: records and locks (user → locked until), each bounded.
struct UserStripe: Sendable {
    var records: BoundedTable<String, UserRecord>
    var locks: BoundedTable<String, UInt64>
}
