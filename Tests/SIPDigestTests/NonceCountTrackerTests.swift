@testable import SIPDigest
import Testing

@Suite struct NonceCountTrackerTests {
    let a = NonceID(issuedAt: 1000, random: 1)
    let b = NonceID(issuedAt: 1000, random: 2)

    @Test func countsMustIncrease() {
        let tracker = NonceCountTracker(capacity: 10, lifetime: 300)
        #expect(tracker.record(a, count: 1, now: 1000) == .accepted)
        #expect(tracker.record(a, count: 1, now: 1000) == .replayed)
        #expect(tracker.record(a, count: 3, now: 1001) == .accepted)
        #expect(tracker.record(a, count: 2, now: 1001) == .replayed)
        #expect(tracker.record(b, count: 1, now: 1001) == .accepted)
        #expect(tracker.count == 2)
    }

    @Test func expiredBucketsAreDroppedAndStayForgotten() {
        let tracker = NonceCountTracker(capacity: 10, lifetime: 300)
        #expect(tracker.record(a, count: 1, now: 1000) == .accepted)
        let later = NonceID(issuedAt: 1200, random: 9)
        #expect(tracker.record(later, count: 1, now: 1300) == .accepted)
        #expect(tracker.count == 2)
        #expect(tracker.record(later, count: 2, now: 1301) == .accepted)
        #expect(tracker.count == 1)
        // Even if the clock went back, the dropped nonce cannot start over.
        #expect(tracker.record(a, count: 1, now: 1000) == .forgotten)
        #expect(tracker.record(b, count: 5, now: 1000) == .forgotten)
    }

    @Test func evictionIsBoundedAndNeverReopensReplays() {
        let tracker = NonceCountTracker(capacity: 3, lifetime: 300)
        for second in UInt64(0)..<10 {
            #expect(tracker.record(NonceID(issuedAt: 1000 + second, random: second), count: 1, now: 1010) == .accepted)
            #expect(tracker.count <= 3)
        }
        // The oldest were evicted: their reuse, even with a new count, is refused.
        #expect(tracker.record(NonceID(issuedAt: 1000, random: 0), count: 1, now: 1010) == .forgotten)
        #expect(tracker.record(NonceID(issuedAt: 1000, random: 0), count: 2, now: 1010) == .forgotten)
        // The newest are still tracked.
        #expect(tracker.record(NonceID(issuedAt: 1009, random: 9), count: 1, now: 1010) == .replayed)
        #expect(tracker.record(NonceID(issuedAt: 1009, random: 9), count: 2, now: 1010) == .accepted)
    }

    @Test func outOfOrderIssueTimesKeepBucketsSorted() {
        let tracker = NonceCountTracker(capacity: 2, lifetime: 300)
        #expect(tracker.record(NonceID(issuedAt: 1005, random: 1), count: 1, now: 1010) == .accepted)
        #expect(tracker.record(NonceID(issuedAt: 1002, random: 2), count: 1, now: 1010) == .accepted)
        #expect(tracker.record(NonceID(issuedAt: 1007, random: 3), count: 1, now: 1010) == .accepted)
        // 1002 was the oldest, so it went.
        #expect(tracker.record(NonceID(issuedAt: 1002, random: 2), count: 2, now: 1010) == .forgotten)
        #expect(tracker.record(NonceID(issuedAt: 1005, random: 1), count: 2, now: 1010) == .accepted)
    }
}
