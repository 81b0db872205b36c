/// Lookups by name over a manifest, built once for the cross-object checks.
///
/// It holds positions in the manifest's lists, not copies of the objects: a `Provider` is over
/// 500 bytes with a dozen reference-counted fields, so a dictionary of copies cost a copy (and
/// its retains and releases) per provider.
struct ManifestIndex {
    /// Position in `manifest.providers` of the first provider of each name.
    let providerPositions: [String: Int]
    let extensionNumbers: Set<String>
    let providerNames: [String]

    init(_ manifest: Manifest) {
        var providerPositions: [String: Int] = [:]
        providerPositions.reserveCapacity(manifest.providers.count)
        for position in manifest.providers.indices {
            let name = manifest.providers[position].name.value
            if providerPositions[name] == nil { providerPositions[name] = position }
        }
        self.providerPositions = providerPositions
        self.extensionNumbers = Set(manifest.extensions.lazy.map(\.number.value))
        self.providerNames = manifest.providers.map(\.name.value)
    }
}

extension Provider {
    var isEnabled: Bool { enabled?.value ?? true }
    var allowsIncoming: Bool { isEnabled && (incomingCalls?.value ?? true) }
    var allowsOutgoing: Bool { isEnabled && (outgoingCalls?.value ?? true) }

    /// The source addresses a trunk is recognised by: `trunk.allow`, or else the server and proxy
    /// addresses that are IP literals.
    public var effectiveTrunkAllow: [Located<AddressRange>] {
        if let allow = trunkAllow { return allow }
        return (servers + [proxy].compactMap { $0 }).compactMap { address in
            guard case .ip(let ip) = address.host else { return nil }
            return Located(AddressRange(network: ip, prefixLength: ip.bitWidth), at: address.span)
        }
    }

    /// True when `trunk.allow` was not written and the allow list comes from literal addresses.
    public var trunkAllowIsDerived: Bool { trunkAllow == nil }
}
