import Foundation

/// What a running `switchboard serve` reports about itself: the bundle in force, how long it has
/// been up, where it listens, how many extensions are registered, and one row per provider in
/// bundle order. Served as JSON by the status endpoint and read back by `switchboard status`;
/// docs/status.md describes every member.
public struct StatusReport: Codable, Sendable, Hashable {
    /// The value of the `format` member, so a status document is recognised as one.
    public static let formatName = "switchboard-status"
    /// The status format this Switchboard writes and reads. A new optional member does not change
    /// it; a removed or renamed member, a changed meaning or a new provider state does.
    public static let currentFormatVersion = 1

    /// The bundle in force: its digest and when it was loaded (at start or by the last reload).
    public struct Bundle: Codable, Sendable, Hashable {
        public var digest: String
        public var loadedAt: Date

        public init(digest: String, loadedAt: Date) {
            self.digest = digest
            self.loadedAt = loadedAt
        }

        enum CodingKeys: String, CodingKey {
            case digest
            case loadedAt = "loaded_at"
        }
    }

    /// The registrar's own side: extensions (addresses of record) with at least one live binding,
    /// and the bindings in all.
    public struct Registrations: Codable, Sendable, Hashable {
        public var extensions: Int
        public var bindings: Int

        public init(extensions: Int, bindings: Int) {
            self.extensions = extensions
            self.bindings = bindings
        }
    }

    /// Flood and brute-force control now: sources banned and user names locked.
    public struct Security: Codable, Sendable, Hashable {
        public var bannedSources: Int
        public var lockedUsers: Int

        public init(bannedSources: Int, lockedUsers: Int) {
            self.bannedSources = bannedSources
            self.lockedUsers = lockedUsers
        }

        enum CodingKeys: String, CodingKey {
            case bannedSources = "banned_sources"
            case lockedUsers = "locked_users"
        }
    }

    public var format: String
    public var formatVersion: Int
    /// When the report was made; the providers' relative times count from here.
    public var generatedAt: Date
    public var uptimeSeconds: Int
    public var bundle: Bundle
    /// The SIP listen addresses (UDP and TCP on each), `host:port`.
    public var listen: [String]
    public var registrations: Registrations
    /// In bundle order.
    public var providers: [ProviderStatus]
    /// Absent in reports of a Switchboard without flood control (an optional member).
    public var security: Security?

    public init(
        generatedAt: Date, uptimeSeconds: Int, bundle: Bundle, listen: [String], registrations: Registrations,
        providers: [ProviderStatus], security: Security? = nil
    ) {
        self.format = Self.formatName
        self.formatVersion = Self.currentFormatVersion
        self.generatedAt = generatedAt
        self.uptimeSeconds = uptimeSeconds
        self.bundle = bundle
        self.listen = listen
        self.registrations = registrations
        self.providers = providers
        self.security = security
    }

    /// The enabled standard providers that are not registered, in bundle order; empty when every
    /// one is (or there is none).
    public var unregisteredProviders: [ProviderStatus] {
        providers.filter(\.needsRegistration)
    }

    enum CodingKeys: String, CodingKey {
        case format
        case formatVersion = "format_version"
        case generatedAt = "generated_at"
        case uptimeSeconds = "uptime_seconds"
        case bundle, listen, registrations, providers, security
    }
}

/// Called by the status endpoint for every `GET /status`, on NIO's thread pool (so possibly on
/// several threads at once, never on an event loop): it reads shared state under its locks and
/// returns. `serve` builds it from its registrar (and, later, the registration manager and the
/// line pool).
public typealias StatusSource = @Sendable () -> StatusReport
