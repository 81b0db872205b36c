import RuntimeBundle
import Synchronization
import Testing
@testable import Routing

/// Many tasks take and give back lines at once: the number held never exceeds the limit, every
/// refusal happens only when the lines are really full, and the count returns to zero.
@Suite struct LinePoolConcurrencyTests {
    static let tasks = 64
    static let rounds = 1_000
    static let limit = 5

    @Test func countNeverExceedsTheLimitAndReturnsToZero() async {
        let pool = LinePool(bundle: Fixtures.bundle(providers: [Fixtures.provider("p", lines: .limited(Self.limit))]))
        let gauge = Gauge()
        let acquired = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for _ in 0..<Self.tasks {
                group.addTask {
                    var count = 0
                    for round in 0..<Self.rounds {
                        guard let lease = pool.acquire("p") else { continue }
                        count += 1
                        gauge.enter()
                        if let usage = pool.usage("p"), usage.busy > Self.limit {
                            Issue.record("busy \(usage.busy) above the limit")
                        }
                        if round.isMultiple(of: 7) { await Task.yield() }
                        gauge.leave()
                        pool.release(lease)
                        if round.isMultiple(of: 3) { pool.release(lease) }  // a second release is a no-op
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(gauge.highest <= Self.limit)
        #expect(gauge.highest >= 1)
        #expect(acquired > 0)
        #expect(pool.usage("p") == LineUsage(busy: 0, limit: .limited(Self.limit)))
    }

    /// With every line taken, concurrent attempts all fail, and none leaves a trace.
    @Test func fullPoolRefusesEveryConcurrentAttempt() async throws {
        let pool = LinePool(bundle: Fixtures.bundle(providers: [Fixtures.provider("p", lines: .limited(3))]))
        let leases = try (0..<3).map { _ in try #require(pool.acquire("p")) }
        let granted = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for _ in 0..<Self.tasks {
                group.addTask { (0..<100).reduce(0) { count, _ in count + (pool.acquire("p") == nil ? 0 : 1) } }
            }
            return await group.reduce(0, +)
        }
        #expect(granted == 0)
        leases.forEach(pool.release)
        #expect(pool.usage("p")?.busy == 0)
    }
}

/// Calls holding a line right now, and the most ever held at once.
final class Gauge: Sendable {
    private let held = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)

    func enter() {
        let now = held.add(1, ordering: .sequentiallyConsistent).newValue
        var current = peak.load(ordering: .sequentiallyConsistent)
        while current < now {
            let (exchanged, original) = peak.compareExchange(expected: current, desired: now, ordering: .sequentiallyConsistent)
            if exchanged { return }
            current = original
        }
    }

    func leave() {
        held.subtract(1, ordering: .sequentiallyConsistent)
    }

    var highest: Int { peak.load(ordering: .sequentiallyConsistent) }
}
