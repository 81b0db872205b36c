/// What the provider registration client knows at this moment, as call handling needs it: which
/// provider a Contact user (the per-provider token) belongs to, and which standard providers are
/// registered. `switchboard serve` passes the running registration manager.
public protocol ProviderPresence: Sendable {
    /// The provider whose registration puts `user` in its Contact; nil for any other user.
    func provider(forContactUser user: String) -> String?
    /// True while the standard provider `name` holds a registration.
    func isRegistered(_ name: String) -> Bool
}

/// No registration client: no tokens, nothing registered.
public struct NoProviderPresence: ProviderPresence {
    public init() {}
    public func provider(forContactUser user: String) -> String? { nil }
    public func isRegistered(_ name: String) -> Bool { false }
}
