/// The runtime bundle: the one normalized document the compiler writes and the registrar loads.
///
/// Everything is explicit and ordered: providers in manifest order, rules in the order they are
/// tried (explicit rules first, then generated ones in provider order). The bundle never contains
/// a resolved secret, a timestamp or an absolute path. docs/bundle.md describes every member.
public struct SwitchboardBundle: Hashable, Sendable, Decodable {
    /// The value of the `format` member, so a bundle is recognised as one.
    public static let formatName = "switchboard-bundle"
    /// The bundle format this Switchboard writes and reads.
    public static let currentFormatVersion = 2

    public var formatVersion: Int
    public var providers: [BundleProvider]
    public var extensions: [BundleExtension]
    public var inbound: [BundleInboundRule]
    public var outbound: [BundleOutboundRule]
    /// The registrar's limits (format version 2 on).
    public var registrar: BundleRegistrar

    public init(
        formatVersion: Int = SwitchboardBundle.currentFormatVersion, providers: [BundleProvider],
        extensions: [BundleExtension], inbound: [BundleInboundRule], outbound: [BundleOutboundRule],
        registrar: BundleRegistrar = .defaults
    ) {
        self.formatVersion = formatVersion
        self.providers = providers
        self.extensions = extensions
        self.inbound = inbound
        self.outbound = outbound
        self.registrar = registrar
    }

    /// The bundle as JSON, without its digest (the digest is taken of exactly this).
    public var contentJSON: JSONValue {
        .object([
            "format": .string(Self.formatName),
            "format_version": .integer(formatVersion),
            "providers": .array(providers),
            "extensions": .array(extensions),
            "inbound": .array(inbound),
            "outbound": .array(outbound),
            "registrar": registrar.jsonValue,
        ])
    }
}

extension SwitchboardBundle {
    /// Writes `contentJSON` (the bundle without its digest) in key order (see
    /// `CanonicalJSONWritable`); `BundleEncoding` puts the digest in front of it. Lists of at
    /// least twice `parallelChunk` objects are written in parallel chunks (same bytes; `.max`
    /// writes everything in line).
    func writeContent(to output: inout CanonicalJSONOutput, parallelChunk: Int = Self.parallelChunk) {
        output.beginObject()
        output.member("extensions", extensions, parallelChunk: parallelChunk, estimatedSize: Self.extensionSize)
        output.member("format", Self.formatName)
        output.member("format_version", formatVersion)
        output.member("inbound", inbound, parallelChunk: parallelChunk, estimatedSize: Self.inboundSize)
        output.member("outbound", outbound, parallelChunk: parallelChunk, estimatedSize: Self.outboundSize)
        output.member("providers", providers, parallelChunk: parallelChunk, estimatedSize: Self.providerSize)
        output.member("registrar", registrar)
        output.endObject()
    }

    /// Objects per chunk when a list is written in parallel: a few hundred kilobytes of output.
    static let parallelChunk = 256

    // Generous guesses at the encoded size of one object (untouched reserved pages cost nothing).
    static let providerSize = 1024
    static let extensionSize = 320
    static let inboundSize = 512
    static let outboundSize = 640

    /// A generous guess at the size of the encoded bundle, so the output buffer is allocated
    /// once instead of doubling (and copying) its way up: at the last doubling the old and the
    /// new buffer would both be alive, half again the bundle's size at the memory peak. Reserved
    /// but unwritten pages cost no resident memory, so guessing high is cheap.
    var estimatedEncodedSize: Int {
        let inboundTargets = inbound.reduce(0) { $0 + $1.destination.extensions.count }
        let routes = outbound.reduce(0) { $0 + $1.routes.count }
        return 4096 + 1024 * providers.count + 320 * extensions.count + 480 * inbound.count
            + 32 * inboundTargets + 400 * outbound.count + 128 * routes
    }
}
