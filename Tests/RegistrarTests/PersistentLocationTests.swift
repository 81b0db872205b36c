import Foundation
import SIP
import Synchronization
import Testing
@testable import Registrar

/// The location service writing through to a store: a change is stored before it is made and
/// before the 200, a change the store refuses is not made and not acknowledged, and a restart
/// restores what is still live and still served.
@Suite struct PersistentLocationTests {
    static let aor = "sip:100@pbx.example"

    @Test func aRegisterIsOnTheStoreBeforeItsTwoHundredAndAnUnregisterRemovesIt() throws {
        let store = MemoryBindingStore()
        let harness = try RequestProcessorTests(location: LocationService(store: store))
        let registered = try harness.registerWithAuth()
        #expect(registered.statusCode == 200)
        let stored = try #require(store.rows[Self.aor]?.first)
        #expect(stored.contact == "sip:100@10.0.0.5:5060")
        #expect(stored.expiresAt == harness.time.now + 3600)
        #expect(stored.source == RequestProcessorTests.source)
        #expect(store.saves == 1, "the challenge and the 401 wrote nothing")

        let removed = try harness.registerWithAuth(cseq: 3, expires: 0)
        #expect(removed.statusCode == 200)
        #expect(store.rows[Self.aor] == nil)
        #expect(store.saves == 2)
    }

    @Test func aQueryWritesNothing() throws {
        let store = MemoryBindingStore()
        let harness = try RequestProcessorTests(location: LocationService(store: store))
        #expect(try harness.registerWithAuth().statusCode == 200)
        #expect(try harness.registerWithAuth(cseq: 3, contact: nil).statusCode == 200)
        #expect(store.saves == 1)
    }

    @Test func aChangeTheStoreRefusesGets503AndIsNotMade() throws {
        let store = MemoryBindingStore()
        let harness = try RequestProcessorTests(location: LocationService(store: store))
        store.failing = true
        let response = try harness.registerWithAuth()
        #expect(response.statusCode == 503)
        #expect(response.headers.first(name: .retryAfter) == "60")
        #expect(harness.processor.location.lookup(Self.aor, now: harness.time.now).isEmpty)

        store.failing = false
        #expect(try harness.registerWithAuth(cseq: 3).statusCode == 200)
        store.failing = true
        #expect(try harness.registerWithAuth(cseq: 5, expires: 0).statusCode == 503)
        #expect(harness.processor.location.lookup(Self.aor, now: harness.time.now).count == 1, "the unregister was not made")
        #expect(store.rows[Self.aor]?.count == 1)
    }

    @Test func restoreServesLiveBindingsAndDropsExpiredAndUnservedOnes() throws {
        let store = MemoryBindingStore()
        store.rows = [
            "sip:100@pbx.example": [LocationServiceTests.binding(100, expiresAt: 2000), LocationServiceTests.binding(1000, expiresAt: 900)],
            "sip:101@pbx.example": [LocationServiceTests.binding(101, expiresAt: 1000)],  // lapses exactly at now
            "sip:102@pbx.example": [LocationServiceTests.binding(102, expiresAt: 5000)],  // extension removed
        ]
        let location = LocationService(store: store)
        let summary = try location.restore(now: 1000) { $0 != "sip:102@pbx.example" }
        #expect(summary == RestoredBindings(restored: 1, expired: 2, removedExtensions: 1))
        #expect(location.snapshot(now: 1000) == ["sip:100@pbx.example": [LocationServiceTests.binding(100, expiresAt: 2000)]])
        #expect(store.rows.keys.sorted() == ["sip:100@pbx.example"])
        #expect(store.rows["sip:100@pbx.example"] == [LocationServiceTests.binding(100, expiresAt: 2000)])
    }

    @Test func theExpirySweepAndRetainAreStoredTooAndAFailedSweepDropsNothing() throws {
        let store = MemoryBindingStore()
        let location = LocationService(store: store)
        for user in [100, 101, 102] {
            try location.update("sip:\(user)@pbx.example", now: 0) { $0 = [LocationServiceTests.binding(user, expiresAt: UInt64(user))] }
        }
        store.failing = true
        #expect(throws: BindingStoreError.self) { try location.removeExpired(now: 101) }
        #expect(location.snapshot(now: 0).count == 3)
        store.failing = false
        #expect(try location.removeExpired(now: 101).keys.sorted() == ["sip:100@pbx.example", "sip:101@pbx.example"])
        #expect(store.rows.keys.sorted() == ["sip:102@pbx.example"])

        try location.retain { $0 != "sip:102@pbx.example" }
        #expect(store.rows.isEmpty)
        #expect(location.snapshot(now: 0).isEmpty)
    }

    @Test func theServedPredicateNeedsAnExtensionAndAServedDomain() throws {
        let harness = try RequestProcessorTests()
        let snapshot = harness.processor.state.snapshot
        #expect(snapshot.serves(addressOfRecord: "sip:100@pbx.example"))
        #expect(snapshot.serves(addressOfRecord: "sip:101@PBX.example"))
        #expect(!snapshot.serves(addressOfRecord: "sip:102@pbx.example"))
        #expect(!snapshot.serves(addressOfRecord: "sip:100@other.example"))
        #expect(!snapshot.serves(addressOfRecord: "sip:pbx.example"))
    }
}

/// A binding store in memory that counts its writes and can be told to fail, like a full disk.
final class MemoryBindingStore: BindingStore {
    private struct State {
        var rows: [String: [Binding]] = [:]
        var saves = 0
        var failing = false
    }

    private let state = Mutex(State())

    var rows: [String: [Binding]] {
        get { state.withLock { $0.rows } }
        set { state.withLock { $0.rows = newValue } }
    }

    var saves: Int { state.withLock { $0.saves } }

    var failing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    static let diskFull = BindingStoreError.failed(path: "memory", reason: "database or disk is full")

    private func change(_ body: (inout State) -> Void) throws(BindingStoreError) {
        let refused = state.withLock { state -> Bool in
            guard !state.failing else { return true }
            body(&state)
            return false
        }
        if refused { throw Self.diskFull }
    }

    func save(_ bindings: [Binding], of addressOfRecord: String) throws(BindingStoreError) {
        try change {
            $0.rows[addressOfRecord] = bindings.isEmpty ? nil : bindings
            $0.saves += 1
        }
    }

    func removeExpired(now: UInt64) throws(BindingStoreError) {
        try change { state in
            state.rows = state.rows.compactMapValues { list in
                let live = list.filter { $0.expiresAt > now }
                return live.isEmpty ? nil : live
            }
        }
    }

    func remove(addressesOfRecord: [String]) throws(BindingStoreError) {
        try change { state in
            for address in addressesOfRecord { state.rows[address] = nil }
        }
    }

    func load() throws(BindingStoreError) -> [String: [Binding]] {
        rows
    }
}
