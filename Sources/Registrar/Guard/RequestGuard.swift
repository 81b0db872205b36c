import Logging
import Synchronization

/// Flood and brute-force control (docs/security.md): bans sources that fail authentication too
/// often or send too fast, and locks user names that too many failed authentications were tried
/// against. Shared by every event loop; state is striped by key like the location service.
///
/// - The transports ask ``admit(_:now:)`` before parsing anything: a banned source's packet is
///   dropped at the cheapest point, and every admitted request takes a token from its source's
///   bucket (an empty bucket bans the source).
/// - `RequestProcessor` reports each authentication that did not verify
///   (``authenticationFailed(user:source:now:)``) and each that did
///   (``authenticated(user:source:now:)``), and asks ``isLocked(user:source:now:)`` before verifying.
///
/// Each question takes a ``PacketSource``, whose address the transport read once from the socket
/// address.
/// - ``removeExpired(now:)`` ends bans and locks (the server's once-a-second sweep).
///
/// Memory has a ceiling whatever the number of sources: each table holds at most its share of
/// ``trackedSources`` or ``trackedUsers``, the oldest entry evicted first.
public final class RequestGuard: Sendable {
    /// Sources remembered (budgets and failure counts), and separately sources banned, at most.
    public static let trackedSources = 131_072
    /// User names remembered (failure counts, trusted sources), and separately locked, at most.
    public static let trackedUsers = 65_536
    /// How long a source that authenticated as a user stays exempt from that user's lock: a day,
    /// longer than any registration interval, so a phone that registers hourly keeps registering.
    public static let trustTime: UInt64 = 86_400
    /// Sources remembered per user as trusted (a phone, a softphone, a desk phone at home…).
    static let trustedSourcesPerUser = 8
    static let stripeCount = 16
    /// User names are chosen by whoever sends the request: cut before they reach a log line.
    static let loggedUserLength = 64

    private let limits: Mutex<GuardLimits>
    private let sources: LockStripes<SourceStripe>
    private let users: LockStripes<UserStripe>
    private let logger: Logger

    public init(limits: GuardLimits = .defaults, logger: Logger) {
        self.limits = Mutex(limits)
        self.logger = logger
        let sourcesPerStripe = Self.trackedSources / Self.stripeCount
        let usersPerStripe = Self.trackedUsers / Self.stripeCount
        sources = LockStripes(count: Self.stripeCount) {
            SourceStripe(records: BoundedTable(capacity: sourcesPerStripe), bans: BoundedTable(capacity: sourcesPerStripe))
        }
        users = LockStripes(count: Self.stripeCount) {
            UserStripe(records: BoundedTable(capacity: usersPerStripe), locks: BoundedTable(capacity: usersPerStripe))
        }
    }

    /// The limits in force.
    public var currentLimits: GuardLimits { limits.withLock { $0 } }

    /// Puts new limits in force (reload); current bans, locks and counts are kept.
    public func update(_ newLimits: GuardLimits) {
        limits.withLock { $0 = newLimits }
    }

    // MARK: - Before parsing

    /// Whether a packet from `source` is processed at all: false while the source is banned, and
    /// false (banning it) when it has used up its request budget. Sources that are not IP
    /// addresses (never from a socket) and exempt sources are always admitted.
    public func admit(_ source: PacketSource, now: UInt64) -> Bool {
        guard let address = source.address else { return true }
        let key = SourceKey(address)
        let limits = currentLimits
        if limits.isExempt(key) { return true }
        let (admitted, ban): (Bool, Ban?) = sources.withLock(for: key) { stripe in
            if let ban = stripe.bans[key], ban.until > now { return (false, nil) }
            guard limits.requestsPerSource > 0 else { return (true, nil) }
            let hasToken = stripe.records.update(key, orInsert: { SourceRecord(bucket: TokenBucket(burst: limits.burst, now: now)) }) {
                $0.bucket.take(rate: limits.requestsPerSource, burst: limits.burst, now: now)
            }
            if hasToken { return (true, nil) }
            return (false, Self.ban(key, in: &stripe, reason: .requestRate, limits: limits, now: now))
        }
        if let ban { log(ban, of: key, limits: limits) }
        return admitted
    }

    /// Whether `source` is banned now (a TCP connection from it is closed at once).
    public func isBanned(_ source: PacketSource, now: UInt64) -> Bool {
        guard let address = source.address else { return false }
        let key = SourceKey(address)
        return sources.withLock(for: key) { stripe in stripe.bans[key].map { $0.until > now } ?? false }
    }

    // MARK: - Authentication

    /// Counts an authentication that did not verify: a wrong response, an unknown user, a
    /// malformed digest, or a locked user. Wrong password and unknown user count the same, so
    /// bans and locks tell an attacker nothing about which users exist. `user` is the digest
    /// user name when there was one.
    public func authenticationFailed(user: String?, source: PacketSource, now: UInt64) {
        guard let address = source.address else { return }
        let key = SourceKey(address)
        let limits = currentLimits
        if limits.isExempt(key) { return }
        let ban: Ban? = sources.withLock(for: key) { stripe in
            if let ban = stripe.bans[key], ban.until > now { return nil }
            let failures = stripe.records.update(key, orInsert: { SourceRecord(bucket: TokenBucket(burst: limits.burst, now: now)) }) {
                $0.failures.record(now: now, window: limits.failedAuthWindow)
            }
            guard failures >= limits.failedAuthPerSource else { return nil }
            stripe.records.update(key, orInsert: { SourceRecord(bucket: TokenBucket(burst: limits.burst, now: now)) }) {
                $0.failures = FailureWindow()
            }
            return Self.ban(key, in: &stripe, reason: .failedAuthentications, limits: limits, now: now)
        }
        if let ban { log(ban, of: key, limits: limits) }
        guard let user else { return }
        let locked: Bool = users.withLock(for: user) { stripe in
            if let until = stripe.locks[user], until > now { return false }
            let failures = stripe.records.update(user, orInsert: { UserRecord() }) {
                $0.failures.record(now: now, window: limits.failedAuthWindow)
            }
            guard failures >= limits.failedAuthPerUser else { return false }
            stripe.records.update(user, orInsert: { UserRecord() }) { $0.failures = FailureWindow() }
            stripe.locks.update(user, orInsert: { now + limits.banTime }) { $0 = now + limits.banTime }
            return true
        }
        if locked {
            logger.warning("locked", metadata: [
                "user": "\(user.prefix(Self.loggedUserLength))", "source": "\(key)", "reason": "failed authentications",
                "seconds": "\(limits.banTime)"])
        }
    }

    /// Remembers that `source` authenticated as `user`, so a lock of the user does not apply to it.
    public func authenticated(user: String, source: PacketSource, now: UInt64) {
        guard let address = source.address else { return }
        let key = SourceKey(address)
        users.withLock(for: user) { stripe in
            stripe.records.update(user, orInsert: { UserRecord() }) {
                $0.trust(key, now: now, limit: Self.trustedSourcesPerUser)
            }
        }
    }

    /// Whether `user` is locked for requests from `source`: locked, and `source` neither exempt
    /// nor a source that authenticated as the user within ``trustTime``.
    public func isLocked(user: String, source: PacketSource, now: UInt64) -> Bool {
        guard let address = source.address else { return false }
        let key = SourceKey(address)
        if currentLimits.isExempt(key) { return false }
        return users.withLock(for: user) { stripe in
            guard let until = stripe.locks[user], until > now else { return false }
            return !(stripe.records[user]?.trusts(key, now: now, for: Self.trustTime) ?? false)
        }
    }

    // MARK: - Expiry and status

    /// Ends the bans and locks whose time is up, one log line each.
    public func removeExpired(now: UInt64) {
        var endedBans: [SourceKey] = []
        sources.forEach { stripe in
            stripe.bans.removeAll { key, ban in
                guard ban.until <= now else { return false }
                endedBans.append(key)
                return true
            }
        }
        var endedLocks: [String] = []
        users.forEach { stripe in
            stripe.locks.removeAll { user, until in
                guard until <= now else { return false }
                endedLocks.append(user)
                return true
            }
        }
        for key in endedBans { logger.info("ban expired", metadata: ["source": "\(key)"]) }
        for user in endedLocks { logger.info("lock expired", metadata: ["user": "\(user.prefix(Self.loggedUserLength))"]) }
    }

    /// Sources banned now.
    public func bannedSources(now: UInt64) -> Int {
        var count = 0
        sources.forEach { stripe in count += stripe.bans.all.count { $0.value.until > now } }
        return count
    }

    /// User names locked now.
    public func lockedUsers(now: UInt64) -> Int {
        var count = 0
        users.forEach { stripe in count += stripe.locks.all.count { $0.value > now } }
        return count
    }

    // MARK: - Helpers

    private static func ban(
        _ key: SourceKey, in stripe: inout SourceStripe, reason: BanReason, limits: GuardLimits, now: UInt64
    ) -> Ban {
        let ban = Ban(until: now + limits.banTime, reason: reason)
        stripe.bans.update(key, orInsert: { ban }) { $0 = ban }
        return ban
    }

    private func log(_ ban: Ban, of key: SourceKey, limits: GuardLimits) {
        logger.warning("banned", metadata: [
            "source": "\(key)", "reason": "\(ban.reason.rawValue)", "seconds": "\(limits.banTime)"])
    }
}
