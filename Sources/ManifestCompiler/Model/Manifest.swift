import Diagnostics

/// Settings that apply where a manifest does not say otherwise.
public struct ManifestDefaults: Sendable {
    /// Where generated inbound rules send their calls.
    public var inboundDestination: Destination?
    /// The `defaults` mapping, for diagnostics about a second one.
    public var span: SourceSpan?

    public init() {}
}

/// Everything the manifest files of one run declare, merged across files and documents.
///
/// Files are read in the order of their paths relative to the manifest root, so the order in
/// which they are named on the command line never changes the result.
public struct Manifest: Sendable {
    public var providers: [Provider] = []
    public var extensions: [Extension] = []
    public var inbound: [InboundRule] = []
    public var outbound: [OutboundRule] = []
    public var defaults = ManifestDefaults()
    /// The `registrar` section; nil when no file has one (every limit at its default).
    public var registrar: RegistrarSettings?

    public init() {}
}
