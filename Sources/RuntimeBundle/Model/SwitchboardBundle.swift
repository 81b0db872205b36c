/// The runtime bundle: the one normalized document the compiler writes and the registrar loads.
///
/// Everything is explicit and ordered: providers in manifest order, rules in the order they are
/// tried (explicit rules first, then generated ones in provider order). The bundle never contains
/// a resolved secret, a timestamp or an absolute path. docs/bundle.md describes every member.
public struct SwitchboardBundle: Hashable, Sendable, Decodable {
    /// The value of the `format` member, so a bundle is recognised as one.
    public static let formatName = "switchboard-bundle"
    /// The bundle format this Switchboard writes and reads.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var providers: [BundleProvider]
    public var extensions: [BundleExtension]
    public var inbound: [BundleInboundRule]
    public var outbound: [BundleOutboundRule]

    public init(
        formatVersion: Int = SwitchboardBundle.currentFormatVersion, providers: [BundleProvider],
        extensions: [BundleExtension], inbound: [BundleInboundRule], outbound: [BundleOutboundRule]
    ) {
        self.formatVersion = formatVersion
        self.providers = providers
        self.extensions = extensions
        self.inbound = inbound
        self.outbound = outbound
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
        ])
    }
}

extension SwitchboardBundle {
    /// Writes `contentJSON` (the bundle without its digest) in key order (see
    /// `CanonicalJSONWritable`); `BundleEncoding` puts the digest in front of it.
    func writeContent(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("extensions", extensions)
        output.member("format", Self.formatName)
        output.member("format_version", formatVersion)
        output.member("inbound", inbound)
        output.member("outbound", outbound)
        output.member("providers", providers)
        output.endObject()
    }

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
