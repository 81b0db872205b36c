import SIPDigest
import Synchronization

/// The configuration in force and what depends on it, swapped as a whole on reload. Requests
/// read one snapshot, so a request is handled entirely under the old or the new bundle.
public final class RegistrarState: Sendable {
    public struct Snapshot: Sendable {
        public var configuration: RegistrarConfiguration
        public var policy: RegistrarPolicy
    }

    private let current: Mutex<Snapshot>

    public init(configuration: RegistrarConfiguration, policy: RegistrarPolicy) {
        current = Mutex(Snapshot(configuration: configuration, policy: policy))
    }

    public var snapshot: Snapshot { current.withLock { $0 } }

    public func replace(configuration: RegistrarConfiguration) {
        current.withLock { $0.configuration = configuration }
    }
}
