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

extension RegistrarState.Snapshot {
    /// Whether the bindings of `addressOfRecord` (`sip:100@pbx.example`) are still served: its
    /// user is an extension of the bundle and its domain one this registrar serves. Bindings of
    /// other AoRs are dropped on reload and on restore.
    public func serves(addressOfRecord: String) -> Bool {
        let address = addressOfRecord.split(separator: ":", maxSplits: 1).last ?? ""
        let parts = address.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return false }
        return configuration.passwords[String(parts[0])] != nil && policy.domains.contains(parts[1].lowercased())
    }
}
