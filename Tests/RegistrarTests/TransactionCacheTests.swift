import Testing
@testable import Registrar

/// The retransmission cache: begin/complete/abandon, expiry in the order entries were begun,
/// eviction of the oldest when full.
@Suite struct TransactionCacheTests {
    let response: [UInt8] = Array("SIP/2.0 200 OK\r\n\r\n".utf8)

    @Test func aNewTransactionIsInProgressUntilCompleted() {
        let cache = TransactionCache()
        #expect(cache.begin("a", now: 100) == .new)
        // A copy of the request arriving meanwhile (on another event loop) is absorbed.
        #expect(cache.begin("a", now: 100) == .inProgress)
        cache.complete("a", response: response)
        #expect(cache.begin("a", now: 101) == .answered(response))
    }

    @Test func anAbandonedTransactionIsProcessedAfresh() {
        let cache = TransactionCache()
        #expect(cache.begin("a", now: 100) == .new)
        cache.abandon("a")
        #expect(cache.count == 0)
        #expect(cache.begin("a", now: 100) == .new)
    }

    @Test func entriesLiveForTimerJ() {
        let cache = TransactionCache()
        cache.answer(response, for: "a", now: 100)
        #expect(cache.begin("a", now: 100 + TransactionCache.lifetime - 1) == .answered(response))
        // An expired entry is a new transaction again, even before the sweep removed it.
        #expect(cache.begin("a", now: 100 + TransactionCache.lifetime) == .new)
    }

    @Test func removeExpiredDropsExactlyTheExpiredEntries() {
        let cache = TransactionCache()
        cache.answer(response, for: "old", now: 100)
        cache.answer(response, for: "middle", now: 110)
        cache.answer(response, for: "new", now: 120)
        cache.removeExpired(now: 110 + TransactionCache.lifetime)
        #expect(cache.count == 1)
        #expect(cache.begin("new", now: 110 + TransactionCache.lifetime) == .answered(response))
    }

    @Test func stripesShareTheCapacityAndCountTogether() {
        let cache = TransactionCache(capacity: 64, stripes: 4)
        // 16 keys fit however they fall (a stripe holds 16); more could overflow one stripe
        // for some hash seeds, which Swift picks per process.
        for number in 0..<16 { cache.answer(response, for: "key-\(number)", now: 100) }
        #expect(cache.count == 16)
        for number in 0..<16 { #expect(cache.begin("key-\(number)", now: 100) == .answered(response)) }
        cache.removeExpired(now: 100 + TransactionCache.lifetime)
        #expect(cache.count == 0)
        // However the keys fall, no stripe holds more than its share of 16.
        for number in 0..<1000 { cache.answer(response, for: "flood-\(number)", now: 200) }
        #expect(cache.count == 64)
    }

    @Test func expiryFollowsTheOrderEntriesWereBegun() {
        var table = TransactionTable(capacity: 10)
        _ = table.begin("c", expiresAt: 10, now: 0)
        _ = table.begin("a", expiresAt: 11, now: 1)
        _ = table.begin("b", expiresAt: 12, now: 2)
        table.abandon("a")
        #expect(table.expiryOrder == ["c", "b"])
        // "c" expires and is begun again: it moves to the back.
        _ = table.begin("c", expiresAt: 20, now: 10)
        #expect(table.expiryOrder == ["b", "c"])
        // Its stale first queue item must not remove the new entry.
        table.removeExpired(now: 12)
        #expect(table.expiryOrder == ["c"])
        #expect(table.count == 1)
    }

    @Test func aFullTableEvictsTheOldestEntries() {
        let cache = TransactionCache(capacity: 3, stripes: 1)
        for (offset, key) in ["a", "b", "c", "d", "e"].enumerated() {
            cache.answer(response, for: key, now: 100 + UInt64(offset))
        }
        #expect(cache.count == 3)
        for key in ["c", "d", "e"] { #expect(cache.begin(key, now: 105) == .answered(response)) }
        // Answering an existing key again does not evict anything.
        cache.answer(response, for: "e", now: 105)
        #expect(cache.count == 3)
        // The evicted oldest are new transactions again (beginning one evicts `c` in turn).
        #expect(cache.begin("a", now: 105) == .new)
        #expect(cache.begin("b", now: 105) == .new)
        #expect(cache.count == 3)
    }
}

extension TransactionCache {
    /// Begins and completes a transaction, as the request path does for a request it answers.
    func answer(_ response: [UInt8], for key: String, now: UInt64) {
        _ = begin(key, now: now)
        complete(key, response: response)
    }
}
