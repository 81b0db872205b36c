@testable import Registrar

/// The guard's questions by host text, for tests that name sources as strings: each makes the
/// `PacketSource` a restored binding would (the text parsed once), the port and transport being
/// irrelevant to the guard.
extension RequestGuard {
    private static func source(_ host: String) -> PacketSource {
        PacketSource(host: host, port: 5060, transport: .udp)
    }

    func admit(host: String, now: UInt64) -> Bool {
        admit(Self.source(host), now: now)
    }

    func isBanned(host: String, now: UInt64) -> Bool {
        isBanned(Self.source(host), now: now)
    }

    func authenticationFailed(user: String?, host: String, now: UInt64) {
        authenticationFailed(user: user, source: Self.source(host), now: now)
    }

    func authenticated(user: String, host: String, now: UInt64) {
        authenticated(user: user, source: Self.source(host), now: now)
    }

    func isLocked(user: String, host: String, now: UInt64) -> Bool {
        isLocked(user: user, source: Self.source(host), now: now)
    }
}
