import RuntimeBundle
import Testing
@testable import Routing

@Suite struct LinePoolTests {
    static let bundle = Fixtures.bundle(providers: [
        Fixtures.provider("two", lines: .limited(2)),
        Fixtures.provider("open", lines: .unlimited),
        Fixtures.provider("off", enabled: false, lines: .limited(4)),
    ])

    @Test func acquiresUpToTheLimit() throws {
        let pool = LinePool(bundle: Self.bundle)
        let first = try #require(pool.acquire("two"))
        let second = try #require(pool.acquire("two"))
        #expect(first != second)
        #expect(pool.acquire("two") == nil)
        #expect(pool.tryAcquire("two") == .busy(LineUsage(busy: 2, limit: .limited(2))))
        #expect(pool.usage("two") == LineUsage(busy: 2, limit: .limited(2)))
        pool.release(first)
        #expect(pool.usage("two")?.busy == 1)
        #expect(pool.acquire("two") != nil)
    }

    @Test func unlimitedNeverRunsOut() {
        let pool = LinePool(bundle: Self.bundle)
        let leases = (0..<1_000).compactMap { _ in pool.acquire("open") }
        #expect(leases.count == 1_000)
        #expect(pool.usage("open") == LineUsage(busy: 1_000, limit: .unlimited))
        leases.forEach(pool.release)
        #expect(pool.usage("open")?.busy == 0)
    }

    @Test func unknownAndDisabledProvidersGiveNoLine() {
        let pool = LinePool(bundle: Self.bundle)
        #expect(pool.acquire("nobody") == nil)
        #expect(pool.tryAcquire("nobody") == .unavailable)
        #expect(pool.acquire("off") == nil)
        #expect(pool.tryAcquire("off") == .unavailable)
        #expect(pool.usage("nobody") == nil)
        #expect(pool.usage("off") == LineUsage(busy: 0, limit: .limited(4)))
    }

    @Test func releasingTwiceIsANoOp() throws {
        let pool = LinePool(bundle: Self.bundle)
        let first = try #require(pool.acquire("two"))
        let second = try #require(pool.acquire("two"))
        pool.release(first)
        pool.release(first)
        let copy = first
        pool.release(copy)
        #expect(pool.usage("two")?.busy == 1, "a second release must not free the other call's line")
        pool.release(second)
        pool.release(second)
        #expect(pool.usage("two")?.busy == 0)
    }

    @Test func aLeaseOfAnotherPoolChangesNothing() throws {
        let pool = LinePool(bundle: Self.bundle)
        let other = LinePool(bundle: Self.bundle)
        _ = try #require(pool.acquire("two"))
        let foreign = try #require(other.acquire("two"))
        pool.release(foreign)
        #expect(pool.usage("two")?.busy == 1)
        #expect(other.usage("two")?.busy == 1)
    }

    @Test func reloadKeepsCallsInProgress() throws {
        let pool = LinePool(bundle: Self.bundle)
        let leases = try (0..<2).map { _ in try #require(pool.acquire("two")) }
        let open = try #require(pool.acquire("open"))
        // `two` grows to 3 lines, `open` is now limited to 1 while 1 call is up.
        pool.replace(with: Fixtures.bundle(providers: [
            Fixtures.provider("two", lines: .limited(3)), Fixtures.provider("open", lines: .limited(1)),
        ]))
        #expect(pool.usage("two") == LineUsage(busy: 2, limit: .limited(3)))
        #expect(pool.usage("open") == LineUsage(busy: 1, limit: .limited(1)))
        #expect(pool.acquire("open") == nil)
        #expect(pool.usage("off") == nil)
        let third = try #require(pool.acquire("two"))
        #expect(pool.acquire("two") == nil)
        pool.release(open)
        #expect(pool.acquire("open") != nil)
        (leases + [third]).forEach(pool.release)
        #expect(pool.usage("two")?.busy == 0)
    }

    @Test func loweredLimitBlocksNewCallsUntilBelowIt() throws {
        let pool = LinePool(bundle: Fixtures.bundle(providers: [Fixtures.provider("p", lines: .limited(4))]))
        let leases = try (0..<4).map { _ in try #require(pool.acquire("p")) }
        pool.replace(with: Fixtures.bundle(providers: [Fixtures.provider("p", lines: .limited(2))]))
        #expect(pool.usage("p") == LineUsage(busy: 4, limit: .limited(2)))
        #expect(pool.tryAcquire("p") == .busy(LineUsage(busy: 4, limit: .limited(2))))
        pool.release(leases[0])
        pool.release(leases[1])
        #expect(pool.acquire("p") == nil, "2 of 2 busy: still full")
        pool.release(leases[2])
        #expect(pool.acquire("p") != nil)
        pool.release(leases[3])
        #expect(pool.usage("p")?.busy == 1)
    }

    @Test func disablingOnReloadStopsNewCallsOnly() throws {
        let pool = LinePool(bundle: Self.bundle)
        let lease = try #require(pool.acquire("two"))
        pool.replace(with: Fixtures.bundle(providers: [Fixtures.provider("two", enabled: false, lines: .limited(2))]))
        #expect(pool.acquire("two") == nil)
        #expect(pool.usage("two")?.busy == 1)
        pool.release(lease)
        #expect(pool.usage("two")?.busy == 0)
    }

    @Test func removedProviderKeepsCountingUntilItsCallsEnd() throws {
        let pool = LinePool(bundle: Self.bundle)
        let first = try #require(pool.acquire("two"))
        let second = try #require(pool.acquire("two"))
        pool.replace(with: Fixtures.bundle(providers: [Fixtures.provider("open")]))
        #expect(pool.usage("two") == nil)
        #expect(pool.acquire("two") == nil)
        pool.release(first)
        // Back while one call is still up: that call still holds a line.
        pool.replace(with: Self.bundle)
        #expect(pool.usage("two") == LineUsage(busy: 1, limit: .limited(2)))
        pool.release(second)
        #expect(pool.usage("two")?.busy == 0)
        // Removed with no calls: forgotten, and a later return starts from zero.
        pool.replace(with: Fixtures.bundle(providers: []))
        pool.replace(with: Self.bundle)
        #expect(pool.usage("two")?.busy == 0)
    }
}
