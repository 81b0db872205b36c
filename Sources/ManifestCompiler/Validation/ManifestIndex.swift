/// Lookups by name over a manifest, built once for the cross-object checks.
struct ManifestIndex {
    let providers: [String: Provider]
    let extensions: [String: Extension]
    let providerNames: [String]

    init(_ manifest: Manifest) {
        var providers: [String: Provider] = [:]
        for provider in manifest.providers where providers[provider.name.value] == nil {
            providers[provider.name.value] = provider
        }
        var extensions: [String: Extension] = [:]
        for item in manifest.extensions where extensions[item.number.value] == nil {
            extensions[item.number.value] = item
        }
        self.providers = providers
        self.extensions = extensions
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
