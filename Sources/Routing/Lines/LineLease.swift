/// One line held by one call, from `LinePool.acquire` until `LinePool.release`.
///
/// A lease is a value with an identity: releasing it (or a copy of it) a second time finds it
/// gone and changes nothing, so a call that ends twice (a BYE and a timeout racing) can never
/// push a count below zero or free a line another call holds.
public struct LineLease: Hashable, Sendable {
    /// The provider whose line this is.
    public let provider: String
    /// Unique within the pool that made the lease.
    let id: UInt64
    /// The pool that made the lease, so a lease shown to another pool changes nothing there.
    let pool: ObjectIdentifier
}

/// The answer of `LinePool.tryAcquire`.
public enum LineAcquisition: Hashable, Sendable {
    /// A line is held until the lease is released.
    case acquired(LineLease)
    /// Every line is in use.
    case busy(LineUsage)
    /// The pool has no provider of that name, or it is disabled.
    case unavailable
}
