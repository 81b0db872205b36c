import Routing
import RuntimeBundle

/// The limits in force, made from the bundle's `registrar.limits` with the exempt ranges parsed.
/// Swapped as a whole on reload; bans and counters are kept.
public struct GuardLimits: Sendable, Equatable {
    public var failedAuthPerSource: Int
    public var failedAuthPerUser: Int
    /// Seconds.
    public var failedAuthWindow: UInt64
    /// Requests a second; 0: no rate limit.
    public var requestsPerSource: Int
    /// Seconds.
    public var banTime: UInt64
    public var exempt: [TrunkAllowEntry]

    /// How many seconds' worth of requests a source's bucket holds: a phone that boots and sends
    /// a burst (REGISTER, SUBSCRIBEs, OPTIONS) is never counted as a flood.
    public static let burstSeconds = 5

    /// Tokens a full bucket holds.
    public var burst: Int { requestsPerSource * Self.burstSeconds }

    /// The bundle's limits; throws when an exempt range does not parse (a bundle the compiler
    /// would not have written).
    public init(_ limits: BundleRegistrar.Limits) throws(TrunkAllowEntry.ParseError) {
        var exempt: [TrunkAllowEntry] = []
        for text in limits.exempt { exempt.append(try TrunkAllowEntry(parsing: text)) }
        self.init(limits, exempt: exempt)
    }

    private init(_ limits: BundleRegistrar.Limits, exempt: [TrunkAllowEntry]) {
        failedAuthPerSource = limits.failedAuthPerSource
        failedAuthPerUser = limits.failedAuthPerUser
        failedAuthWindow = UInt64(limits.failedAuthWindow)
        requestsPerSource = limits.requestsPerSource
        banTime = UInt64(limits.banTime)
        self.exempt = exempt
    }

    /// The defaults of `BundleRegistrar.Limits` (which exempt nobody).
    public static let defaults = GuardLimits(.defaults, exempt: [])

    public func isExempt(_ source: SourceKey) -> Bool {
        exempt.contains { $0.matches(source.address, port: $0.port ?? 0) }
    }
}
