/// The Contact header of a request: either the `*` wildcard, which in a REGISTER with
/// `Expires: 0` removes every binding (RFC 3261 §10.2.2), or a list of addresses.
public enum SIPContact: Hashable, Sendable {
    case wildcard
    case addresses([SIPAddress])
}
