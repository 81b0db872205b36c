/// What the guard remembers of one source that is not banned: its request budget and its
/// failed authentications.
struct SourceRecord: Sendable {
    var bucket: TokenBucket
    var failures = FailureWindow()
}

/// One stripe of the per-source state: the records and the bans of the sources whose key hashes
/// to it, each table bounded.
struct SourceStripe: Sendable {
    var records: BoundedTable<SourceKey, SourceRecord>
    var bans: BoundedTable<SourceKey, Ban>
}
