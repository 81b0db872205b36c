import Diagnostics

/// How Switchboard and a provider recognise each other.
public enum ProviderType: String, CaseIterable, Sendable, Hashable {
    /// We register at the provider with login and password (digest authentication).
    case standard
    /// No registration: the provider knows us by our address, we know it by its source address.
    case trunk
}

/// SIP transport of a server or proxy address.
public enum Transport: String, CaseIterable, Sendable, Hashable {
    case udp
    case tcp
    case tls
}

/// Whether the default inbound or outbound rule is generated for a provider.
public enum RuleGeneration: String, CaseIterable, Sendable, Hashable {
    case auto
    case none
}

/// One SIP provider (trunk) as the manifest declares it, before defaults are applied.
///
/// Optional fields are absent in the manifest; the compiler's expansion makes defaults explicit.
public struct Provider: Sendable {
    public var name: Located<String>
    /// The mapping the provider was declared in, for diagnostics about the provider as a whole.
    public var span: SourceSpan
    public var title: Located<String>?
    public var enabled: Located<Bool>?
    public var incomingCalls: Located<Bool>?
    public var outgoingCalls: Located<Bool>?
    /// `server` or `servers` (failover order); empty only when the manifest has neither.
    public var servers: [ServerAddress]
    public var proxy: ServerAddress?
    /// Provider-wide transport; a server or proxy may name its own.
    public var transport: Located<Transport>?
    public var type: Located<ProviderType>?
    public var login: Located<String>?
    public var password: Located<SecretReference>?
    /// Maximum simultaneous calls; nil means unlimited.
    public var lines: Located<Int>?
    public var callerID: Located<String>?
    public var registrationIP: Located<IPAddress>?
    public var registrationExpires: Located<Int>?
    public var trunkAllow: [Located<AddressRange>]?
    public var inboundRule: Located<RuleGeneration>?
    public var outboundRule: Located<RuleGeneration>?
    /// Which of the keys whose absence is an error the manifest wrote, valid or not, so a field
    /// that was written but refused is not reported a second time as missing.
    public var writtenKeys: WrittenKeys = []

    /// The keys of a provider whose absence `ProviderValidator` reports, as bits: a set of
    /// strings cost a hash of every key of every provider.
    public struct WrittenKeys: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        public static let server = WrittenKeys(rawValue: 1 << 0)
        public static let servers = WrittenKeys(rawValue: 1 << 1)
        public static let login = WrittenKeys(rawValue: 1 << 2)
        public static let password = WrittenKeys(rawValue: 1 << 3)
        public static let trunk = WrittenKeys(rawValue: 1 << 4)

        /// Each key with its name in the manifest.
        static let named: [(key: WrittenKeys, name: String)] = [
            (.server, "server"), (.servers, "servers"), (.login, "login"), (.password, "password"), (.trunk, "trunk"),
        ]

        /// The names of the keys written, in the order of `named`.
        public var names: [String] {
            Self.named.filter { contains($0.key) }.map(\.name)
        }
    }

    public init(name: Located<String>, span: SourceSpan) {
        self.name = name
        self.span = span
        self.servers = []
    }

    /// The type in force: `standard` unless the manifest says otherwise.
    public var effectiveType: ProviderType { type?.value ?? .standard }
}
