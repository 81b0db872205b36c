import Diagnostics
import YAMLSource

/// Decodes the documents of all files into one `Manifest`: sections merge in file order.
struct ManifestDecoder {
    static let schema = KeySchema(["version", "providers"], synonyms: ["provider": "providers", "trunks": "providers"])
    static let supportedVersions = 1...1

    let sink: DiagnosticSink

    func decode(_ document: YAMLDocument, into manifest: inout Manifest) {
        guard let root = document.root else { return }
        guard let fields = FieldReader(root, subject: "a manifest", schema: Self.schema, sink: sink) else { return }
        if let version = fields.value("version") {
            checkVersion(version)
        }
        if let providers = fields.value("providers") {
            guard case .sequence(let sequence) = providers else {
                sink.emit(.error(
                    .wrongNodeKind, "`providers` must be a list, found \(providers.kindDescription)", at: providers.span,
                    help: "start each provider with `- name: …`"))
                return
            }
            let decoder = ProviderDecoder(sink: sink)
            manifest.providers += sequence.items.compactMap(decoder.decode)
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
