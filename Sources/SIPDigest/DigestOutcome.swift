/// The verdict on one request's digest credentials.
///
/// The registrar turns it into a response: `.authenticated` lets the request through (whether the
/// user may act on the address of record is the registrar's decision, not this module's);
/// `.challenge` becomes a 401 (or 407 for a proxy) carrying `DigestAuthenticator.challenges(stale:)`;
/// `.badRequest` becomes a 400 with the reason phrase.
public enum DigestOutcome: Sendable, Hashable {
    /// The response digest is right, the nonce is ours and fresh, and its nonce count was never
    /// accepted before.
    case authenticated(username: String)

    /// Challenge again. `stale` is `true` only when the client evidently knows the password — the
    /// digest is right — but the nonce is expired, no longer tracked, or its nonce count was
    /// already used (RFC 2617 §3.2.1: the client may then retry with a new nonce without asking
    /// the user). Missing credentials, credentials for another realm, a forged nonce, a wrong
    /// password and an unknown user all give `.challenge(stale: false)`, indistinguishably.
    case challenge(stale: Bool)

    /// The `Authorization` parameters are malformed or ask for something this server never offers
    /// (see `DigestAuthorization.Problem`). The reason is fixed text that never depends on who
    /// the user is.
    case badRequest(reason: String)
}
