import NIOCore

/// The unsynchronised storage behind ``TransactionCache``: entries by key, plus a FIFO of
/// (key, expiry) in the order entries were begun.
///
/// All entries get the same lifetime and time never goes backwards, so the front of the queue is
/// always the entry that expires first. Expiry and eviction pop from the front: no scan of the
/// whole table, no sort. A queue item whose entry was abandoned, or replaced by a newer one with
/// another expiry, is stale and skipped when it reaches the front.
struct TransactionTable {
    enum State {
        case inProgress
        case answered([UInt8])
    }

    struct Entry {
        var state: State
        var expiresAt: UInt64
    }

    private(set) var entries: [String: Entry]
    private var queue: CircularBuffer<(key: String, expiresAt: UInt64)>
    let capacity: Int

    /// Room for `capacity` entries is reserved up front: growing the table and the queue while
    /// requests wait (rehashing, copying) was 4–5 % of a profile taken while the load rose. Memory
    /// that is reserved but not yet used is not resident.
    init(capacity: Int) {
        precondition(capacity > 0, "a transaction table needs room for at least one entry")
        self.capacity = capacity
        entries = Dictionary(minimumCapacity: capacity)
        queue = CircularBuffer(initialCapacity: capacity)
    }

    var count: Int { entries.count }

    /// Looks `key` up; when it is unknown or expired, inserts it in progress, evicting the
    /// oldest entries if the table is full.
    mutating func begin(_ key: String, expiresAt: UInt64, now: UInt64) -> TransactionCache.Lookup {
        if let entry = entries[key] {
            if entry.expiresAt > now {
                switch entry.state {
                case .inProgress: return .inProgress
                case .answered(let response): return .answered(response)
                }
            }
        } else {
            while entries.count >= capacity, let oldest = queue.popFirst() {
                removeIfCurrent(oldest)
            }
        }
        entries[key] = Entry(state: .inProgress, expiresAt: expiresAt)
        queue.append((key, expiresAt))
        return .new
    }

    mutating func complete(_ key: String, response: [UInt8]) {
        entries[key]?.state = .answered(response)
    }

    mutating func abandon(_ key: String) {
        entries[key] = nil
    }

    /// Pops every queue item that has expired at `now`, and its entry if still current.
    mutating func removeExpired(now: UInt64) {
        while let first = queue.first, first.expiresAt <= now {
            removeIfCurrent(queue.removeFirst())
        }
    }

    /// The keys in the order they will expire (for tests).
    var expiryOrder: [String] {
        queue.compactMap { item in entries[item.key]?.expiresAt == item.expiresAt ? item.key : nil }
    }

    private mutating func removeIfCurrent(_ item: (key: String, expiresAt: UInt64)) {
        if entries[item.key]?.expiresAt == item.expiresAt {
            entries[item.key] = nil
        }
    }
}
