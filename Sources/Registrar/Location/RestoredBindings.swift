/// What ``LocationService/restore(now:keeping:)`` found in the store at start, for the log line.
public struct RestoredBindings: Sendable, Hashable {
    /// Live bindings served again.
    public var restored = 0
    /// Bindings that had lapsed while serve was down, deleted.
    public var expired = 0
    /// Live bindings of AoRs no longer served (extension removed from the bundle, domain no
    /// longer served), deleted.
    public var removedExtensions = 0

    public init(restored: Int = 0, expired: Int = 0, removedExtensions: Int = 0) {
        self.restored = restored
        self.expired = expired
        self.removedExtensions = removedExtensions
    }
}
