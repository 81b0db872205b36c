import Synchronization

/// A table split into independently locked stripes, picked by the hash of a key, so that event
/// loops working on different keys do not wait for one another.
///
/// Why: with one lock, two loops serialise on every request, and when the loop holding the lock
/// is preempted (SIPp, a compiler or anything else wanting the core), the other one sleeps until
/// the holder runs again: measured on the registrar benchmark, single waits of up to 57 ms on the
/// location service's lock, enough to push p99 far past 50 ms. With stripes, two requests meet on
/// one lock only when their keys share a stripe.
final class LockStripes<State: Sendable>: Sendable {
    private final class Stripe: Sendable {
        let lock: Mutex<State>
        init(_ state: sending State) { lock = Mutex(state) }
    }

    private let stripes: [Stripe]

    /// `count` stripes, each starting as `make()`.
    init(count: Int, _ make: () -> State) {
        precondition(count > 0, "at least one stripe")
        stripes = (0..<count).map { _ in Stripe(make()) }
    }

    var count: Int { stripes.count }

    /// Runs `body` on the stripe of `key`, under its lock.
    func withLock<Key: Hashable, Result, Failure: Error>(
        for key: Key, _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let index = Int(UInt(bitPattern: key.hashValue) % UInt(stripes.count))
        return try stripes[index].lock.withLock { (state: inout State) throws(Failure) -> Result in try body(&state) }
    }

    /// Runs `body` on every stripe in turn, each under its own lock (not one atomic snapshot).
    func forEach(_ body: (inout State) -> Void) {
        for stripe in stripes {
            stripe.lock.withLock { body(&$0) }
        }
    }
}
