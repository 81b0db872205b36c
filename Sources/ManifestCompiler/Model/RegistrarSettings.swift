import Diagnostics

/// The manifest's `registrar:` section: the limits `serve` enforces. Each value is absent when
/// the manifest leaves it to the default (the defaults live in `BundleRegistrar`, written out
/// by lowering). The section may appear once across all files.
public struct RegistrarSettings: Sendable {
    /// `registrar.limits`.
    public struct Limits: Sendable {
        public var failedAuthPerSource: Located<Int>?
        public var failedAuthPerUser: Located<Int>?
        public var failedAuthWindow: Located<Int>?
        public var requestsPerSource: Located<Int>?
        public var banTime: Located<Int>?
        /// Literal networks without a port.
        public var exempt: [Located<AddressRange>]?

        public init() {}
    }

    /// `registrar.tcp`.
    public struct TCP: Sendable {
        public var maxConnections: Located<Int>?
        public var maxConnectionsPerSource: Located<Int>?
        public var idleTimeout: Located<Int>?
        public var messageTimeout: Located<Int>?

        public init() {}
    }

    public var limits = Limits()
    public var tcp = TCP()
    /// The key `registrar`, for the diagnostic about a second one.
    public var span: SourceSpan

    public init(span: SourceSpan) {
        self.span = span
    }
}
