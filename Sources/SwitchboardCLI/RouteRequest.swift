import Routing
import RuntimeBundle

/// What `route` was asked, as typed on the command line.
public struct RouteRequest: Sendable {
    public var number: String
    /// `PROVIDER=N` each.
    public var busy: [String]
    public var unregistered: [String]
    /// The provider of an inbound call; nil for an outbound one.
    public var inbound: String?
    public var caller: String?

    public init(number: String, busy: [String] = [], unregistered: [String] = [], inbound: String? = nil, caller: String? = nil) {
        self.number = number
        self.busy = busy
        self.unregistered = unregistered
        self.inbound = inbound
        self.caller = caller
    }

    /// A usage error, phrased for `switchboard: …`.
    struct UsageError: Error {
        var message: String
    }

    /// The checks that need no bundle: option combinations and the spelling of numbers.
    func validateAlone() throws(UsageError) {
        if inbound == nil, caller != nil { throw UsageError(message: "--caller goes with --inbound") }
        if inbound != nil, !busy.isEmpty || !unregistered.isEmpty {
            throw UsageError(message: "--busy and --unregistered apply to outbound calls, not with --inbound")
        }
        for (label, value) in [("NUMBER", number), ("--caller", caller)] {
            guard let value, !Self.isDialString(value) else { continue }
            throw UsageError(message: "\(label) `\(value)` is not a number: use digits, * and #, with an optional leading +")
        }
    }

    /// The dry-run scenario against `bundle`: every `--busy` and `--unregistered` names a
    /// provider of the bundle, every busy count is within the provider's lines (never clamped).
    func scenario(in bundle: SwitchboardBundle) throws(UsageError) -> RouteScenario {
        let providers = Dictionary(bundle.providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        if let inbound, providers[inbound] == nil {
            throw UsageError(message: "--inbound \(inbound): the bundle has no provider `\(inbound)`")
        }
        var busyLines: [String: Int] = [:]
        for option in busy {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw UsageError(message: "--busy \(option): write PROVIDER=N") }
            let name = String(parts[0])
            guard let provider = providers[name] else {
                throw UsageError(message: "--busy \(option): the bundle has no provider `\(name)`")
            }
            guard busyLines[name] == nil else { throw UsageError(message: "--busy \(option): `\(name)` is given twice") }
            guard parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let count = Int(parts[1]) else {
                throw UsageError(message: "--busy \(option): the count must be a whole number, 0 or more")
            }
            if case .limited(let limit) = provider.lines, count > limit {
                throw UsageError(message: "--busy \(option): `\(name)` has \(limit) line\(limit == 1 ? "" : "s")")
            }
            busyLines[name] = count
        }
        for name in unregistered {
            guard let provider = providers[name] else {
                throw UsageError(message: "--unregistered \(name): the bundle has no provider `\(name)`")
            }
            guard provider.type == "standard" else {
                throw UsageError(message: "--unregistered \(name): `\(name)` is a trunk; trunks do not register")
            }
        }
        return RouteScenario(providers: providers, busy: busyLines, unregistered: Set(unregistered))
    }

    /// Digits, `*` and `#`, with an optional leading `+`: what a phone can dial.
    static func isDialString(_ text: String) -> Bool {
        let body = text.utf8.first == UInt8(ascii: "+") ? text.utf8.dropFirst() : text.utf8[...]
        return !body.isEmpty && body.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") }
    }
}

/// The state of the world a dry run assumes: busy lines and registrations.
struct RouteScenario {
    var providers: [String: BundleProvider]
    var busy: [String: Int]
    var unregistered: Set<String>

    func registered(_ provider: String) -> Bool {
        !unregistered.contains(provider)
    }

    func lines(_ provider: String) -> LineUsage? {
        providers[provider].map { LineUsage(busy: busy[$0.name] ?? 0, limit: $0.lines) }
    }
}
