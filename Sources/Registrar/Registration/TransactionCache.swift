/// Final responses of recent UDP server transactions by their key, so a retransmitted request
/// gets the same response again without being processed twice (RFC 3261 §17.2.3), whichever
/// socket and thread it arrives on.
///
/// A transaction is first *begun* (``begin(_:now:)``), which tells the caller whether it is new,
/// still being processed by another thread (the retransmission is absorbed: the original will
/// answer), or already answered (send the cached bytes again); then *completed* with its response
/// or *abandoned* when there is none. So two copies of one request racing on two event loops still
/// get exactly one final response.
///
/// Entries live as long as a UDP client may retransmit (Timer J, 64·T1 = 32 s). Reliable
/// transports need no entry at all (Timer J is 0 there, RFC 3261 §17.2.2). Every entry lives
/// the same time, so the order entries are begun in is the order they expire in: a FIFO queue
/// (``TransactionTable``) expires and evicts without scanning or sorting the table. The table is
/// bounded: when full, the oldest entry is dropped, so a flood of distinct requests cannot grow
/// memory without limit. The table is striped by key (``LockStripes``), each stripe with its
/// share of the capacity, so event loops rarely wait for each other's lock.
public final class TransactionCache: Sendable {
    public static let lifetime: UInt64 = 32

    /// What ``begin(_:now:)`` found for a key.
    public enum Lookup: Equatable, Sendable {
        /// A new transaction, now marked in progress: process it, then complete or abandon it.
        case new
        /// The same request is being processed right now (on another thread): send nothing.
        case inProgress
        /// The request was answered: send these bytes again.
        case answered([UInt8])
    }

    private let table: LockStripes<TransactionTable>

    /// A cache of about `capacity` entries (each of the `stripes` gets an equal share, rounded up).
    public init(capacity: Int = 200_000, stripes: Int = 16) {
        let share = (capacity + stripes - 1) / stripes
        table = LockStripes(count: stripes) { TransactionTable(capacity: max(1, share)) }
    }

    /// The key of a request's server transaction: the top Via's branch and sent-by, and the
    /// method (ACK excluded by the caller; CANCEL has its own transaction).
    public static func key(branch: String, sentBy: String, method: String) -> String {
        var key = [UInt8]()
        key.reserveCapacity(branch.utf8.count + sentBy.utf8.count + method.utf8.count + 2)
        key += branch.utf8
        key.append(UInt8(ascii: "|"))
        key += sentBy.utf8
        key.append(UInt8(ascii: "|"))
        key += method.utf8
        return String(decoding: key, as: UTF8.self)
    }

    /// Looks `key` up and, when it is unknown (or expired), marks it in progress.
    public func begin(_ key: String, now: UInt64) -> Lookup {
        table.withLock(for: key) { $0.begin(key, expiresAt: now + Self.lifetime, now: now) }
    }

    /// Records the final response of a transaction begun with ``begin(_:now:)``.
    public func complete(_ key: String, response: [UInt8]) {
        table.withLock(for: key) { $0.complete(key, response: response) }
    }

    /// Forgets a transaction that got no response, so a retransmission is processed afresh.
    public func abandon(_ key: String) {
        table.withLock(for: key) { $0.abandon(key) }
    }

    /// Drops expired entries (called every second by the server); costs only what expires.
    public func removeExpired(now: UInt64) {
        table.forEach { $0.removeExpired(now: now) }
    }

    public var count: Int {
        var total = 0
        table.forEach { total += $0.count }
        return total
    }
}
