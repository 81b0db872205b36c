import NIOCore
import SIP

/// One provider's registration at one moment: what `switchboard status` lists. A value, so a
/// snapshot can be handed to any thread.
public struct ProviderRegistrationStatus: Hashable, Sendable {
    public var provider: String
    public var state: ProviderRegistrationState
    /// Where REGISTERs go (the proxy when there is one): the current one, or where the next
    /// attempt goes. Changes when a failure moves the registration to the next of the servers.
    public var target: RegistrationTarget
    /// The server of the provider's `servers` the registration is at, or heading for: the
    /// Request-URI's. The same as `target` unless a proxy is set.
    public var server: RegistrationTarget
    /// The final response to the last REGISTER that got one; nil before any.
    public var lastResponse: SIPResponseStatus?
    /// Why the last attempt failed (`no response from … within 32 s`, `503 Service
    /// Unavailable`), also when the next server was tried at once; nil after a success.
    public var lastFailure: String?
    /// When the next REGISTER is due (the refresh, or the retry after a backoff); nil while one
    /// is on its way or when none will be sent. On the monotonic clock of `NIODeadline`: compare
    /// with `NIODeadline.now()` (see `secondsUntilNextAttempt(from:)`).
    public var nextAttempt: NIODeadline?
    /// The expiry the provider granted in its last 200, in seconds.
    public var grantedExpires: Int?
    /// When the binding the provider holds lapses unless refreshed (monotonic, like
    /// `nextAttempt`); nil when it holds none.
    public var bindingExpiresAt: NIODeadline?

    public init(
        provider: String, state: ProviderRegistrationState, target: RegistrationTarget, server: RegistrationTarget? = nil,
        lastResponse: SIPResponseStatus? = nil, nextAttempt: NIODeadline? = nil, grantedExpires: Int? = nil,
        bindingExpiresAt: NIODeadline? = nil
    ) {
        self.provider = provider
        self.state = state
        self.target = target
        self.server = server ?? target
        self.lastResponse = lastResponse
        self.nextAttempt = nextAttempt
        self.grantedExpires = grantedExpires
        self.bindingExpiresAt = bindingExpiresAt
    }

    /// Whole seconds from `now` until the next attempt (0 when it is due), nil when none is
    /// scheduled.
    public func secondsUntilNextAttempt(from now: NIODeadline) -> Int? {
        nextAttempt.map { Self.seconds(from: now, to: $0) }
    }

    /// Whole seconds from `now` until the binding lapses (0 when it has), nil when there is none.
    public func secondsUntilBindingExpires(from now: NIODeadline) -> Int? {
        bindingExpiresAt.map { Self.seconds(from: now, to: $0) }
    }

    private static func seconds(from now: NIODeadline, to deadline: NIODeadline) -> Int {
        let nanoseconds = (deadline - now).nanoseconds
        return nanoseconds <= 0 ? 0 : Int((nanoseconds + 999_999_999) / 1_000_000_000)
    }
}
