/// Where one provider's registration stands. `description` is the word the log and the status
/// endpoint show: `registered`, `backing off: 503 Service Unavailable`, `failed: credentials
/// rejected`.
public enum ProviderRegistrationState: Hashable, Sendable, CustomStringConvertible {
    /// Not started, or stopped.
    case idle
    /// A REGISTER is on its way, or the first attempt is about to be made.
    case registering
    /// The provider holds our binding; a refresh is scheduled.
    case registered
    /// The last attempt failed for a reason that may pass (no answer, 408, 5xx, 6xx, …); the next
    /// attempt waits for the backoff.
    case backingOff(reason: String)
    /// Stopped for a reason only a changed provider can cure (credentials rejected, a challenge
    /// that cannot be answered, an unacceptable Min-Expires). No further attempt until a reload
    /// changes the provider's settings.
    case failed(reason: String)
    /// The provider answered 403: permanent, like `failed`.
    case forbidden
    /// The provider's settings need something this build cannot do (TLS).
    case unsupported(reason: String)
    /// Shutting down: the binding is being removed (`Expires: 0`).
    case unregistering

    /// The state's name without its reason: `idle`, `registering`, `registered`, `backing off`,
    /// `failed`, `forbidden`, `unsupported`, `unregistering`.
    public var name: String {
        switch self {
        case .idle: "idle"
        case .registering: "registering"
        case .registered: "registered"
        case .backingOff: "backing off"
        case .failed: "failed"
        case .forbidden: "forbidden"
        case .unsupported: "unsupported"
        case .unregistering: "unregistering"
        }
    }

    /// Why, for the states that have a reason.
    public var reason: String? {
        switch self {
        case .backingOff(let reason), .failed(let reason), .unsupported(let reason): reason
        default: nil
        }
    }

    public var description: String {
        reason.map { "\(name): \($0)" } ?? name
    }
}
