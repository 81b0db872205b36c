/// The limits a registrar applies to REGISTER requests.
public struct RegistrarPolicy: Sendable, Hashable {
    /// Domains this registrar keeps bindings for (lowercase); Request-URIs and AoRs must name one.
    public var domains: Set<String>
    /// Shortest registration accepted; shorter non-zero requests get 423 with Min-Expires.
    public var minExpires: Int = 60
    /// Longest registration granted; longer requests are shortened to this (the 200 says so).
    public var maxExpires: Int = 3600
    /// Used when neither the Contact nor the request has an expiry.
    public var defaultExpires: Int = 3600
    /// Most contacts one AoR may hold; more get 503 with Retry-After and nothing is stored.
    public var maxContactsPerAddressOfRecord: Int = 10
    /// Seconds a client is asked to wait after a 503.
    public var retryAfter: Int = 60

    public init(domains: Set<String>) {
        self.domains = Set(domains.map { $0.lowercased() })
    }
}
