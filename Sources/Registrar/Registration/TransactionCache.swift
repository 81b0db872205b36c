import Synchronization

/// Final responses of recent server transactions by their key, so a retransmitted request gets
/// the same response again without being processed twice (RFC 3261 §17.2.3).
///
/// Entries live as long as a UDP client may retransmit (Timer J, 64·T1 = 32 s). The table is
/// bounded: when full, the oldest half is dropped, so a flood of distinct requests cannot grow
/// memory without limit.
public final class TransactionCache: Sendable {
    public static let lifetime: UInt64 = 32

    private struct Entry {
        var response: [UInt8]
        var expiresAt: UInt64
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    public init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// The key of a request's server transaction: the top Via's branch and sent-by, and the
    /// method (ACK excluded by the caller; CANCEL has its own transaction).
    public static func key(branch: String, sentBy: String, method: String) -> String {
        branch + "|" + sentBy + "|" + method
    }

    public func response(for key: String, now: UInt64) -> [UInt8]? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.expiresAt > now else { return nil }
            return entry.response
        }
    }

    public func store(_ response: [UInt8], for key: String, now: UInt64) {
        entries.withLock { entries in
            if entries.count >= capacity {
                let live = entries.filter { $0.value.expiresAt > now }
                entries = live.count >= capacity / 2
                    ? Dictionary(uniqueKeysWithValues: live.sorted { $0.value.expiresAt > $1.value.expiresAt }.prefix(capacity / 2).map { ($0.key, $0.value) })
                    : live
            }
            entries[key] = Entry(response: response, expiresAt: now + Self.lifetime)
        }
    }

    /// Drops expired entries (called periodically by the server).
    public func removeExpired(now: UInt64) {
        entries.withLock { entries in
            entries = entries.filter { $0.value.expiresAt > now }
        }
    }

    public var count: Int { entries.withLock { $0.count } }
}
