import Diagnostics
import YAMLSource

/// Decodes the documents of all files into one `Manifest`: sections merge in file order.
struct ManifestDecoder {
    static let schema = KeySchema(
        ["version", "defaults", "providers", "extensions", "inbound", "outbound"],
        synonyms: [
            "provider": "providers", "trunks": "providers", "extension": "extensions", "users": "extensions",
            "incoming": "inbound", "outgoing": "outbound", "inbound_rules": "inbound", "outbound_rules": "outbound",
        ])
    static let supportedVersions = 1...1

    let sink: DiagnosticSink

    func decode(_ document: YAMLDocument, into manifest: inout Manifest) {
        guard let root = document.root else { return }
        guard let fields = FieldReader(root, subject: "a manifest", schema: Self.schema, sink: sink) else { return }
        if let version = fields.value("version") {
            checkVersion(version)
        }
        if let defaults = fields.value("defaults") {
            DefaultsDecoder(sink: sink).decode(defaults, into: &manifest.defaults)
        }
        decodeList(fields, "providers", item: "provider", into: &manifest.providers, ProviderDecoder(sink: sink).decode)
        decodeList(fields, "extensions", item: "extension", into: &manifest.extensions, ExtensionDecoder(sink: sink).decode)
        decodeList(fields, "inbound", item: "inbound rule", into: &manifest.inbound, InboundRuleDecoder(sink: sink).decode)
        decodeList(fields, "outbound", item: "outbound rule", into: &manifest.outbound, OutboundRuleDecoder(sink: sink).decode)
    }

    /// A section is a list of mappings; each entry is decoded on its own, so one broken entry
    /// does not hide the problems of the others.
    ///
    /// Entries are appended to the manifest's list in place: a `Provider` is over 500 bytes, and
    /// decoding into a list of its own and then appending that list held both at once.
    private func decodeList<Item>(
        _ fields: FieldReader, _ key: String, item: String, into list: inout [Item], _ decode: (YAMLNode) -> Item?
    ) {
        guard let node = fields.value(key) else { return }
        guard case .sequence(let sequence) = node else {
            sink.emit(.error(
                .wrongNodeKind, "`\(key)` must be a list, found \(node.kindDescription)", at: node.span,
                help: "start each \(item) with `- `"))
            return
        }
        // Room for every entry at once (one big file fills its list without regrowing), but never
        // less than doubling, so many small files still grow the list geometrically.
        let needed = list.count + sequence.items.count
        if needed > list.capacity {
            list.reserveCapacity(max(needed, 2 * list.capacity))
        }
        for entry in sequence.items {
            if let decoded = decode(entry) { list.append(decoded) }
        }
    }

    private func checkVersion(_ node: YAMLNode) {
        guard let scalar = ScalarDecoder(sink: sink).scalar(node, field: "version") else { return }
        guard let version = Int(scalar.text), Self.supportedVersions.contains(version), scalar.text == String(version) else {
            sink.emit(.error(
                .unsupportedVersion, "manifest version `\(scalar.text)` is not supported", at: scalar.span,
                label: "this Switchboard reads version \(Self.supportedVersions.upperBound)",
                help: "write `version: 1`, or upgrade Switchboard if the file was written for a newer one"))
            return
        }
    }
}
