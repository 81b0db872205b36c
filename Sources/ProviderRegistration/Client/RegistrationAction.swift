import NIOCore
import SIP

/// What the client asks its driver to do after an event. The client itself does no I/O and
/// reads no clock.
public enum RegistrationAction: Hashable, Sendable {
    /// Send `message` to `target` (a retransmission is the same message again).
    case send(SIPMessage, to: RegistrationTarget)
    /// Call `timerFired(now:)` at this moment; replaces any earlier request.
    case schedule(at: NIODeadline)
    /// No timer is needed any more.
    case cancelTimer
    /// The status changed (state, last response, next attempt or granted expiry).
    case statusChanged(ProviderRegistrationStatus)
    /// `stop` is complete: the binding is removed or given up on; the client can be dropped.
    case finished
}
