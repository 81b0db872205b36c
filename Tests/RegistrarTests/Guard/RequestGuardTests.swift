import Logging
import RuntimeBundle
import Testing
@testable import Registrar

/// Bans, rate limits and user locks on an injected clock.
@Suite struct RequestGuardTests {
    static let attacker = "203.0.113.9"
    static let phone = "198.51.100.20"
    let log = LogCapture()

    static func limits(
        perSource: Int = 3, perUser: Int = 5, window: Int = 60, rate: Int = 10, ban: Int = 100, exempt: [String] = []
    ) throws -> GuardLimits {
        try GuardLimits(BundleRegistrar.Limits(
            failedAuthPerSource: perSource, failedAuthPerUser: perUser, failedAuthWindow: window, requestsPerSource: rate,
            banTime: ban, exempt: exempt))
    }

    func makeGuard(_ limits: GuardLimits) -> RequestGuard {
        RequestGuard(limits: limits, logger: log.logger)
    }

    @Test func sourceIsBannedAtTheThresholdAndTheBanExpires() throws {
        let requestGuard = makeGuard(try Self.limits())
        let now: UInt64 = 1_000
        for _ in 0..<2 { requestGuard.authenticationFailed(user: "100", host: Self.attacker, now: now) }
        #expect(requestGuard.admit(host: Self.attacker, now: now))
        requestGuard.authenticationFailed(user: "100", host: Self.attacker, now: now)
        #expect(!requestGuard.admit(host: Self.attacker, now: now))
        #expect(requestGuard.isBanned(host: Self.attacker, now: now + 99))
        #expect(requestGuard.bannedSources(now: now) == 1)
        // Others are not affected.
        #expect(requestGuard.admit(host: Self.phone, now: now))
        #expect(log.all.contains("warning banned reason=failed authentications seconds=100 source=203.0.113.9"), "\(log.all)")

        requestGuard.removeExpired(now: now + 99)
        #expect(!requestGuard.admit(host: Self.attacker, now: now + 99))
        requestGuard.removeExpired(now: now + 100)
        #expect(requestGuard.admit(host: Self.attacker, now: now + 100))
        #expect(requestGuard.bannedSources(now: now + 100) == 0)
        #expect(log.all.contains("info ban expired source=203.0.113.9"), "\(log.all)")
    }

    /// Failures spread wider than the window never add up to a ban.
    @Test func failuresOutsideTheWindowStartAgain() throws {
        let requestGuard = makeGuard(try Self.limits(perSource: 3, window: 60))
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_000)
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_030)
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_060)
        #expect(requestGuard.admit(host: Self.attacker, now: 1_060))
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_061)
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_062)
        #expect(!requestGuard.admit(host: Self.attacker, now: 1_062))
    }

    /// A bucket of five seconds' worth, refilled each second; emptying it bans the source.
    @Test func requestRateBansAfterTheBurst() throws {
        let requestGuard = makeGuard(try Self.limits(rate: 10, ban: 30))
        for _ in 0..<50 { #expect(requestGuard.admit(host: Self.phone, now: 1_000)) }
        // One second later: ten more tokens.
        for _ in 0..<10 { #expect(requestGuard.admit(host: Self.phone, now: 1_001)) }
        #expect(!requestGuard.admit(host: Self.phone, now: 1_001))
        #expect(!requestGuard.admit(host: Self.phone, now: 1_020))
        #expect(log.all.contains("warning banned reason=request rate seconds=30 source=198.51.100.20"), "\(log.all)")
        #expect(requestGuard.admit(host: Self.phone, now: 1_031))
    }

    @Test func steadyTrafficUnderTheRateIsNeverBanned() throws {
        let requestGuard = makeGuard(try Self.limits(rate: 10))
        for second in 0..<600 {
            for _ in 0..<10 { #expect(requestGuard.admit(host: Self.phone, now: 1_000 + UInt64(second))) }
        }
        #expect(requestGuard.bannedSources(now: 1_600) == 0)
    }

    @Test func rateZeroIsNoRateLimit() throws {
        let requestGuard = makeGuard(try Self.limits(rate: 0))
        for _ in 0..<10_000 { #expect(requestGuard.admit(host: Self.phone, now: 1_000)) }
    }

    @Test func exemptSourcesAreNeverBannedOrLimited() throws {
        let requestGuard = makeGuard(try Self.limits(rate: 1, exempt: ["203.0.113.0/24", "2001:db8::/32"]))
        for _ in 0..<10 { requestGuard.authenticationFailed(user: "100", host: Self.attacker, now: 1_000) }
        for _ in 0..<100 { #expect(requestGuard.admit(host: Self.attacker, now: 1_000)) }
        #expect(requestGuard.admit(host: "2001:db8:5::1", now: 1_000))
        #expect(!requestGuard.isLocked(user: "100", host: Self.attacker, now: 1_000))
        #expect(requestGuard.bannedSources(now: 1_000) == 0)
    }

    /// One IPv6 subscriber has a /64: its addresses share one budget and one ban.
    @Test func ipv6SourcesCountPerSlash64() throws {
        let requestGuard = makeGuard(try Self.limits(perSource: 3))
        for suffix in ["1", "2", "ffff:1"] {
            requestGuard.authenticationFailed(user: nil, host: "2001:db8:1:2::\(suffix)", now: 1_000)
        }
        #expect(!requestGuard.admit(host: "2001:db8:1:2:abcd::7", now: 1_000))
        #expect(requestGuard.admit(host: "2001:db8:1:3::1", now: 1_000))
        #expect(log.all.contains { $0.contains("source=2001:db8:1:2::/64") }, "\(log.all)")
        // An IPv4 peer through a dual-stack socket is the IPv4 address.
        #expect(SourceKey(host: "::ffff:203.0.113.9") == SourceKey(host: "203.0.113.9"))
    }

    /// A user name attacked from many sources is locked, but not for the phone that registered
    /// as it recently; unknown names are locked just the same (no enumeration by lock behaviour).
    @Test func userLockSparesSourcesThatAuthenticatedRecently() throws {
        let requestGuard = makeGuard(try Self.limits(perSource: 100, perUser: 5, ban: 100))
        requestGuard.authenticated(user: "100", host: Self.phone, now: 900)
        for index in 0..<5 {
            requestGuard.authenticationFailed(user: "100", host: "203.0.113.\(index)", now: 1_000)
            requestGuard.authenticationFailed(user: "999", host: "203.0.113.\(index)", now: 1_000)
        }
        #expect(requestGuard.isLocked(user: "100", host: "203.0.113.77", now: 1_000))
        #expect(requestGuard.isLocked(user: "999", host: "203.0.113.77", now: 1_000))
        #expect(!requestGuard.isLocked(user: "100", host: Self.phone, now: 1_000))
        #expect(!requestGuard.isLocked(user: "101", host: "203.0.113.77", now: 1_000))
        #expect(requestGuard.lockedUsers(now: 1_000) == 2)
        #expect(log.all.contains { $0.hasPrefix("warning locked") && $0.contains("user=100") }, "\(log.all)")
        requestGuard.removeExpired(now: 1_100)
        #expect(!requestGuard.isLocked(user: "100", host: "203.0.113.77", now: 1_100))
        #expect(log.all.contains("info lock expired user=100"), "\(log.all)")
    }

    /// Reload: new limits apply at once, the bans in force stay.
    @Test func updatedLimitsKeepTheBans() throws {
        let requestGuard = makeGuard(try Self.limits(perSource: 1, ban: 100))
        requestGuard.authenticationFailed(user: nil, host: Self.attacker, now: 1_000)
        requestGuard.update(try Self.limits(perSource: 50, ban: 10))
        #expect(requestGuard.isBanned(host: Self.attacker, now: 1_050))
        for _ in 0..<49 { requestGuard.authenticationFailed(user: nil, host: Self.phone, now: 1_000) }
        #expect(requestGuard.admit(host: Self.phone, now: 1_000))
        #expect(requestGuard.currentLimits.failedAuthPerSource == 50)
    }

    @Test func invalidExemptRangeIsRefused() {
        #expect(throws: (any Error).self) { try Self.limits(exempt: ["office.example"]) }
    }
}

/// The ceiling on the guard's memory.
@Suite struct BoundedTableTests {
    @Test func insertingBeyondCapacityEvictsTheOldest() {
        var table = BoundedTable<Int, String>(capacity: 3)
        for key in 0..<5 { table.update(key, orInsert: { "v\(key)" }) { _ in } }
        #expect(table.count == 3)
        #expect(table[0] == nil && table[1] == nil)
        #expect(table[4] == "v4")
    }

    /// A key removed and inserted again is as young as its new insertion.
    @Test func reinsertedKeyIsNotEvictedByItsOldPlace() {
        var table = BoundedTable<Int, Int>(capacity: 2)
        table.update(1, orInsert: { 1 }) { _ in }
        table.update(2, orInsert: { 2 }) { _ in }
        table.removeValue(forKey: 1)
        table.update(1, orInsert: { 10 }) { _ in }
        table.update(3, orInsert: { 3 }) { _ in }
        #expect(table[1] == 10)
        #expect(table[2] == nil)
        #expect(table[3] == 3)
    }

    @Test func manyInsertionsStayBounded() {
        var table = BoundedTable<Int, Int>(capacity: 100)
        for key in 0..<100_000 {
            table.update(key, orInsert: { key }) { _ in }
            if key % 3 == 1 { table.removeValue(forKey: key) }
        }
        #expect(table.count <= 100)
        #expect(table[99_999] == 99_999)
    }
}
