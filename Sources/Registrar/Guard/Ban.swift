/// Why a source was banned, for the log line.
public enum BanReason: String, Sendable {
    case failedAuthentications = "failed authentications"
    case requestRate = "request rate"
}

/// A banned source: its requests are dropped unanswered until `until`.
struct Ban: Sendable {
    var until: UInt64
    var reason: BanReason
}
