import RuntimeBundle

/// One provider's line of the status report: what the bundle says about it and what is happening
/// to it at runtime. Times are seconds relative to the report's `generatedAt`.
public struct ProviderStatus: Codable, Sendable, Hashable {
    /// `standard` (we register at the provider) or `trunk` (recognised by address).
    public enum Kind: String, Codable, Sendable, Hashable {
        case standard
        case trunk
    }

    /// The status line of the provider's last SIP response: `401 Unauthorized`.
    public struct Response: Codable, Sendable, Hashable {
        public var code: Int
        public var reason: String

        public init(code: Int, reason: String) {
            self.code = code
            self.reason = reason
        }
    }

    /// Calls in progress through the provider and how many it allows.
    public struct Lines: Codable, Sendable, Hashable {
        public var busy: Int
        /// A number, or `unlimited` (kept as such, never a large number).
        public var limit: LineLimit

        public init(busy: Int, limit: LineLimit) {
            self.busy = busy
            self.limit = limit
        }
    }

    public var name: String
    public var title: String?
    public var type: Kind
    public var enabled: Bool
    public var state: ProviderState
    /// A few words for people: `credentials rejected`, `Retry-After 120 s`.
    public var detail: String?
    public var lastResponse: Response?
    /// Seconds until the next REGISTER: a retry, or the refresh of a registration.
    public var nextAttemptIn: Int?
    /// Seconds left of the registration the provider granted.
    public var registrationExpiresIn: Int?
    /// The server of the provider's `servers` the registration is at or heading for
    /// (`host:port/transport`); it changes when a failure moves on to the next one.
    public var server: String?
    public var lines: Lines

    public init(
        name: String, title: String? = nil, type: Kind, enabled: Bool, state: ProviderState, detail: String? = nil,
        lastResponse: Response? = nil, nextAttemptIn: Int? = nil, registrationExpiresIn: Int? = nil, server: String? = nil,
        lines: Lines
    ) {
        self.name = name
        self.title = title
        self.type = type
        self.enabled = enabled
        self.state = state
        self.detail = detail
        self.lastResponse = lastResponse
        self.nextAttemptIn = nextAttemptIn
        self.registrationExpiresIn = registrationExpiresIn
        self.server = server
        self.lines = lines
    }

    /// True for an enabled standard provider that is not registered: what makes
    /// `switchboard status` exit 1.
    public var needsRegistration: Bool {
        enabled && type == .standard && state != .registered
    }

    enum CodingKeys: String, CodingKey {
        case name, title, type, enabled, state, detail
        case lastResponse = "last_response"
        case nextAttemptIn = "next_attempt_in_seconds"
        case registrationExpiresIn = "registration_expires_in_seconds"
        case server
        case lines
    }
}

extension ProviderStatus {
    /// The row of `provider` as far as the bundle knows it: its type, switch and line limit, no
    /// call in progress, and no registration yet (`idle`; `trunk` for an enabled trunk,
    /// `disabled` for a disabled provider). What `serve` reports until the registration client
    /// and the line pool fill the rows.
    public init(unregistered provider: BundleProvider) {
        // The compiler writes only `standard` and `trunk`; the registrar treats anything but a
        // trunk as standard.
        let type: Kind = provider.type == Kind.trunk.rawValue ? .trunk : .standard
        let state: ProviderState = !provider.enabled ? .disabled : type == .trunk ? .trunk : .idle
        self.init(
            name: provider.name, title: provider.title, type: type, enabled: provider.enabled, state: state,
            lines: Lines(busy: 0, limit: provider.lines))
    }
}
