import SIPDigest
import Synchronization

/// The configuration in force and what depends on it, swapped as a whole on reload. Requests
/// read one snapshot, so a request is handled entirely under the old or the new bundle.
public final class RegistrarState: Sendable {
    public struct Snapshot: Sendable {
        public var configuration: RegistrarConfiguration
        public var policy: RegistrarPolicy
        /// The provider registration client's view (tokens, who is registered).
        public var presence: any ProviderPresence
    }

    private let current: Mutex<Snapshot>

    public init(
        configuration: RegistrarConfiguration, policy: RegistrarPolicy, presence: any ProviderPresence = NoProviderPresence()
    ) {
        current = Mutex(Snapshot(configuration: configuration, policy: policy, presence: presence))
    }

    public var snapshot: Snapshot { current.withLock { $0 } }

    public func replace(configuration: RegistrarConfiguration) {
        current.withLock { $0.configuration = configuration }
    }

    /// Connects the provider registration client, which starts after the listeners are bound.
    public func attach(presence: any ProviderPresence) {
        current.withLock { $0.presence = presence }
    }
}
