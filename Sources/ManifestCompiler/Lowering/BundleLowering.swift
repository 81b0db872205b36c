import Diagnostics
import RuntimeBundle

/// Lowers an expanded, error-free manifest to the runtime bundle: every default made explicit
/// (except an absent port), host, port and transport apart, secrets as references, and each
/// object's source as `file:line:col` relative to the manifest root.
struct BundleLowering {
    /// What the runtime uses when neither the address nor the provider names a transport.
    static let defaultTransport = Transport.udp
    /// Registration interval asked of the provider when the manifest does not say.
    static let defaultRegistrationExpires = 3600

    let root: SourceRoot
    /// `root.relativePaths` by interned file, so the `source` of each of the bundle's objects
    /// finds its path without hashing the file name again.
    private let relativePaths: [SourceFileID: String]

    init(root: SourceRoot) {
        self.root = root
        relativePaths = Dictionary(
            root.relativePaths.map { (SourceFileID($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Objects per chunk below which a list is lowered in line rather than in parallel chunks;
    /// `.max` lowers everything in line (tests compare the two ways).
    var parallelChunk = 256

    /// Each object is lowered on its own, so long lists are lowered in parallel chunks on all
    /// cores and joined in order (`ParallelChunks`): the same bundle as one loop.
    func lower(_ manifest: Manifest) -> SwitchboardBundle {
        SwitchboardBundle(
            providers: lowerAll(manifest.providers, lower),
            extensions: lowerAll(manifest.extensions, lower),
            inbound: lowerAll(manifest.inbound, lower),
            outbound: lowerAll(manifest.outbound, lower),
            registrar: lower(manifest.registrar))
    }

    /// The `registrar` section with every default written out.
    private func lower(_ settings: RegistrarSettings?) -> BundleRegistrar {
        let limits = settings?.limits ?? .init(), tcp = settings?.tcp ?? .init()
        let defaultLimits = BundleRegistrar.Limits.defaults, defaultTCP = BundleRegistrar.TCP.defaults
        return BundleRegistrar(
            limits: .init(
                failedAuthPerSource: limits.failedAuthPerSource?.value ?? defaultLimits.failedAuthPerSource,
                failedAuthPerUser: limits.failedAuthPerUser?.value ?? defaultLimits.failedAuthPerUser,
                failedAuthWindow: limits.failedAuthWindow?.value ?? defaultLimits.failedAuthWindow,
                requestsPerSource: limits.requestsPerSource?.value ?? defaultLimits.requestsPerSource,
                banTime: limits.banTime?.value ?? defaultLimits.banTime,
                exempt: limits.exempt?.map(\.value.description) ?? defaultLimits.exempt),
            tcp: .init(
                maxConnections: tcp.maxConnections?.value ?? defaultTCP.maxConnections,
                maxConnectionsPerSource: tcp.maxConnectionsPerSource?.value ?? defaultTCP.maxConnectionsPerSource,
                idleTimeout: tcp.idleTimeout?.value ?? defaultTCP.idleTimeout,
                messageTimeout: tcp.messageTimeout?.value ?? defaultTCP.messageTimeout))
    }

    private func lowerAll<Object, Lowered>(_ objects: [Object], _ lower: (Object) -> Lowered) -> [Lowered] {
        ParallelChunks.mapElements(count: objects.count, minimumChunk: parallelChunk) { lower(objects[$0]) }
    }

    /// `file:line:col`, made once for every object of the bundle: written byte by byte, where
    /// string interpolation cost about 1,800 instructions an object.
    private func source(_ span: SourceSpan) -> String {
        var file = relativePaths[span.fileIdentifier] ?? root.relativePath(of: span.file)
        let start = span.start
        return file.withUTF8 { path in
            DecimalText.string(capacity: path.count + 2 + 2 * DecimalText.maxLength) { text in
                var end = path.count
                _ = UnsafeMutableBufferPointer(rebasing: text[..<end]).initialize(fromContentsOf: path)
                text[end] = UInt8(ascii: ":")
                end = DecimalText.write(start.line, into: text, at: end + 1)
                text[end] = UInt8(ascii: ":")
                return DecimalText.write(start.column, into: text, at: end + 1)
            }
        }
    }

    private func lower(_ provider: Provider) -> BundleProvider {
        let transport = provider.transport?.value
        let isTrunk = provider.effectiveType == .trunk
        return BundleProvider(
            name: provider.name.value,
            title: provider.title?.value,
            enabled: provider.isEnabled,
            calls: .init(incoming: provider.incomingCalls?.value ?? true, outgoing: provider.outgoingCalls?.value ?? true),
            type: provider.effectiveType.rawValue,
            servers: provider.servers.map { lower($0, providerTransport: transport) },
            proxy: provider.proxy.map { lower($0, providerTransport: transport) },
            login: isTrunk ? nil : provider.login?.value,
            password: isTrunk ? nil : provider.password.map { lower($0.value) },
            lines: provider.lines.map { .limited($0.value) } ?? .unlimited,
            callerId: provider.callerID?.value,
            registrationIp: provider.registrationIP?.value.description,
            registration: isTrunk ? nil : .init(expires: provider.registrationExpires?.value ?? Self.defaultRegistrationExpires),
            trunk: isTrunk
                ? .init(allow: provider.effectiveTrunkAllow.map(\.value.description), derived: provider.trunkAllowIsDerived)
                : nil,
            rules: .init(
                inbound: (provider.inboundRule?.value ?? .auto).rawValue,
                outbound: (provider.outboundRule?.value ?? .auto).rawValue),
            source: source(provider.name.span))
    }

    private func lower(_ address: ServerAddress, providerTransport: Transport?) -> BundleAddress {
        let host: String = switch address.host {
        case .name(let name): name
        case .ip(let ip): ip.description
        }
        let transport = address.transport ?? providerTransport ?? Self.defaultTransport
        return BundleAddress(host: host, port: address.port, transport: transport.rawValue)
    }

    private func lower(_ secret: SecretReference) -> BundleSecret {
        switch secret {
        case .environment(let name): .env(name)
        case .file(let path): .file(path)
        case .plaintext(let value): .inline(value)
        }
    }

    private func lower(_ item: Extension) -> BundleExtension {
        // An extension without a valid password is an error, and no erroneous manifest is lowered.
        guard let password = item.password else { preconditionFailure("extension \(item.number.value) has no password") }
        return BundleExtension(
            number: item.number.value, displayName: item.displayName?.value, password: lower(password.value),
            source: source(item.number.span))
    }

    private func lower(_ destination: Destination?) -> BundleDestination {
        BundleDestination(
            extensions: destination?.extensions.map(\.value) ?? [],
            ring: (destination?.ring?.value ?? .together).rawValue)
    }

    private func generatedFor(_ origin: RuleOrigin) -> String? {
        if case .generated(let provider) = origin { return provider }
        return nil
    }

    private func lower(_ rule: InboundRule) -> BundleInboundRule {
        BundleInboundRule(
            name: rule.name.value, generatedFor: generatedFor(rule.origin), provider: rule.provider?.value,
            calledPrefixes: rule.calledPrefixes.map(\.value), callerPrefixes: rule.callerPrefixes.map(\.value),
            destination: lower(rule.destination), source: source(rule.name.span))
    }

    private func lower(_ rule: OutboundRule) -> BundleOutboundRule {
        BundleOutboundRule(
            name: rule.name.value, generatedFor: generatedFor(rule.origin), prefixes: rule.prefixes.map(\.value),
            minLength: rule.minLength?.value, maxLength: rule.maxLength?.value, callerId: rule.callerID?.value,
            routes: rule.routes.map {
                BundleRoute(provider: $0.provider.value, strip: $0.strip?.value ?? 0, prepend: $0.prepend?.value ?? "")
            },
            source: source(rule.name.span))
    }
}
