import Diagnostics
import RuntimeBundle
import YAMLSource

/// Decodes `registrar:`, the limits `serve` enforces. Every value is a whole number in the range
/// `BundleRegistrar` states (the bundle loader checks the same ranges); a value outside is an
/// error, never clamped. The section may be written once across all files: a second one is
/// reported where it is, with the first as related location.
struct RegistrarDecoder {
    static let schema = KeySchema(["limits", "tcp"], synonyms: ["security": "limits", "ban": "limits", "connections": "tcp"])
    static let limitsSchema = KeySchema(
        ["failed_auth_per_source", "failed_auth_per_user", "failed_auth_window", "requests_per_source", "ban_time", "exempt"],
        synonyms: ["whitelist": "exempt", "allow": "exempt", "bantime": "ban_time", "findtime": "failed_auth_window",
                   "maxretry": "failed_auth_per_source", "rate": "requests_per_source"])
    static let tcpSchema = KeySchema(["max_connections", "max_connections_per_source", "idle_timeout", "message_timeout"])

    let sink: DiagnosticSink

    /// `key` is the `registrar` key's span, `node` its value.
    func decode(_ node: YAMLNode, key: SourceSpan, into manifest: inout Manifest) {
        if let earlier = manifest.registrar {
            sink.emit(.error(
                .duplicateSetting, "`registrar` is defined twice", at: key,
                label: "defined again here", related: [.init("first defined here", at: earlier.span)],
                help: "keep one `registrar` section; it applies to the whole registrar, whichever file it is in"))
            return
        }
        var settings = RegistrarSettings(span: key)
        defer { manifest.registrar = settings }
        guard let fields = FieldReader(node, subject: "`registrar`", schema: Self.schema, sink: sink) else { return }
        if let limits = fields.value("limits") {
            decodeLimits(limits, into: &settings.limits)
        }
        if let tcp = fields.value("tcp") {
            decodeTCP(tcp, into: &settings.tcp)
        }
    }

    private func decodeLimits(_ node: YAMLNode, into limits: inout RegistrarSettings.Limits) {
        typealias Ranges = BundleRegistrar.Limits
        guard let fields = FieldReader(node, subject: "`registrar.limits`", schema: Self.limitsSchema, sink: sink) else { return }
        limits.failedAuthPerSource = fields.integer("failed_auth_per_source", in: Ranges.failedAuthPerSourceRange, unit: "failures")
        limits.failedAuthPerUser = fields.integer("failed_auth_per_user", in: Ranges.failedAuthPerUserRange, unit: "failures")
        limits.failedAuthWindow = fields.integer("failed_auth_window", in: Ranges.failedAuthWindowRange, unit: "seconds")
        limits.requestsPerSource = fields.integer("requests_per_source", in: Ranges.requestsPerSourceRange, unit: "requests a second")
        limits.banTime = fields.integer("ban_time", in: Ranges.banTimeRange, unit: "seconds")
        if fields.has("exempt") {
            // An empty list is a choice here (nobody exempt), not an unfinished edit.
            if case .sequence(let sequence)? = fields.value("exempt"), sequence.items.isEmpty {
                limits.exempt = []
            } else if let items = fields.list("exempt") {
                let decoder = AddressRangeDecoder(sink: sink, purpose: .exemption)
                limits.exempt = items.compactMap { decoder.decode($0, field: "exempt") }
            }
        }
    }

    private func decodeTCP(_ node: YAMLNode, into tcp: inout RegistrarSettings.TCP) {
        typealias Ranges = BundleRegistrar.TCP
        guard let fields = FieldReader(node, subject: "`registrar.tcp`", schema: Self.tcpSchema, sink: sink) else { return }
        tcp.maxConnections = fields.integer("max_connections", in: Ranges.maxConnectionsRange, unit: "connections")
        tcp.maxConnectionsPerSource = fields.integer(
            "max_connections_per_source", in: Ranges.maxConnectionsPerSourceRange, unit: "connections")
        tcp.idleTimeout = fields.integer("idle_timeout", in: Ranges.idleTimeoutRange, unit: "seconds")
        tcp.messageTimeout = fields.integer("message_timeout", in: Ranges.messageTimeoutRange, unit: "seconds")
    }
}
