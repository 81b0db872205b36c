/// Where a provider stands at runtime, one word for the status list.
///
/// Standard providers move between the registration states; an enabled trunk is always `trunk`
/// (it is recognised by address, nothing registers); a disabled provider of either type is
/// `disabled`. Written in JSON as the raw value, shown in the table as ``label``.
public enum ProviderState: String, Codable, Sendable, CaseIterable {
    /// The provider granted our registration and it has not lapsed.
    case registered
    /// A REGISTER is on its way (the first one, or one answering a challenge).
    case registering
    /// The last attempt failed for a reason that may pass (timeout, 408, 5xx, 6xx); the next
    /// attempt waits.
    case backingOff = "backing_off"
    /// Stopped on an answer that retrying would not change, such as credentials rejected twice.
    case failed
    /// The provider answered 403: permanent until the bundle changes.
    case forbidden
    /// The provider's settings ask for something the registration client cannot do.
    case unsupported
    /// Enabled, but no registration has been attempted.
    case idle
    /// The provider is disabled in the bundle: it makes and receives no calls.
    case disabled
    /// An enabled trunk: recognised by its source address, never registered.
    case trunk

    /// The word shown in the table (`backing off` rather than `backing_off`).
    public var label: String {
        switch self {
        case .backingOff: "backing off"
        default: rawValue
        }
    }
}
