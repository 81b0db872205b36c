import Diagnostics
import RuntimeBundle
import YAMLSource

/// Decodes the documents of all files into one `Manifest`: sections merge in file order.
struct ManifestDecoder {
    static let schema = KeySchema(
        ["version", "defaults", "registrar", "providers", "extensions", "inbound", "outbound"],
        synonyms: [
            "provider": "providers", "trunks": "providers", "extension": "extensions", "users": "extensions",
            "incoming": "inbound", "outgoing": "outbound", "inbound_rules": "inbound", "outbound_rules": "outbound",
        ])
    static let supportedVersions = 1...1

    let sink: DiagnosticSink
    /// Entries per chunk below which a list is decoded in line rather than in parallel chunks.
    /// `.max` decodes everything in line (tests compare the two ways).
    var parallelChunk = 128

    func decode(_ document: YAMLDocument, into manifest: inout Manifest) {
        guard let root = document.root else { return }
        guard let fields = FieldReader(root, subject: "a manifest", schema: Self.schema, sink: sink) else { return }
        if let version = fields.value("version") {
            checkVersion(version)
        }
        if let defaults = fields.value("defaults") {
            DefaultsDecoder(sink: sink).decode(defaults, into: &manifest.defaults)
        }
        if let registrar = fields.value("registrar"), let key = fields.keySpan("registrar") {
            RegistrarDecoder(sink: sink).decode(registrar, key: key, into: &manifest)
        }
        decodeList(fields, "providers", item: "provider", into: &manifest.providers) { ProviderDecoder(sink: $0).decode($1) }
        decodeList(fields, "extensions", item: "extension", into: &manifest.extensions) { ExtensionDecoder(sink: $0).decode($1) }
        decodeList(fields, "inbound", item: "inbound rule", into: &manifest.inbound) { InboundRuleDecoder(sink: $0).decode($1) }
        decodeList(fields, "outbound", item: "outbound rule", into: &manifest.outbound) { OutboundRuleDecoder(sink: $0).decode($1) }
    }

    /// A section is a list of mappings; each entry is decoded on its own, so one broken entry
    /// does not hide the problems of the others.
    ///
    /// Entries are independent, so a long list is decoded in chunks on all cores
    /// (`ParallelChunks`), each chunk reporting into a sink of its own; the chunks' entries and
    /// diagnostics are then taken in chunk order, which is the order one loop would give. Lists
    /// shorter than `parallelChunk` twice over are decoded in line.
    ///
    /// Entries are appended to the manifest's list in place: a `Provider` is over 500 bytes, and
    /// decoding a whole list apart and then appending it held both at once (a chunk's entries are
    /// a fraction of the list).
    private func decodeList<Item>(
        _ fields: FieldReader, _ key: String, item: String, into list: inout [Item],
        _ decode: (DiagnosticSink, YAMLNode) -> Item?
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
        let items = sequence.items
        if items.count / 2 < parallelChunk {
            // In line, straight into the list: a repository's small files each list one or two
            // entries, and the chunk machinery (a sink and two arrays) would cost more than them.
            for item in items {
                if let entry = decode(sink, item) { list.append(entry) }
            }
            return
        }
        var chunks = ParallelChunks.map(count: items.count, minimumChunk: parallelChunk) { range in
            let chunkSink = DiagnosticSink()
            var decoded: [Item] = []
            decoded.reserveCapacity(range.count)
            for position in range {
                if let entry = decode(chunkSink, items[position]) { decoded.append(entry) }
            }
            return (decoded, chunkSink.diagnostics)
        }
        for chunk in chunks.indices {
            list.append(contentsOf: chunks[chunk].0)
            sink.emit(contentsOf: chunks[chunk].1)
            chunks[chunk] = ([], [])  // freed as soon as it is in the list
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
