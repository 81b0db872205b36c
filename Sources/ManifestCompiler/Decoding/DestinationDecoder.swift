import Diagnostics
import YAMLSource

/// Decodes `to:` of an inbound rule and `defaults.inbound_destination`.
struct DestinationDecoder {
    static let schema = KeySchema(["extensions", "ring"], synonyms: ["extension": "extensions", "strategy": "ring"])

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode, field: String) -> Destination? {
        guard let fields = FieldReader(node, subject: "`\(field)`", schema: Self.schema, sink: sink) else { return nil }
        fields.require("extensions", help: "name the extensions that ring, e.g. `extensions: [\"100\"]`")
        let patterns = DialPatterns(sink: sink)
        let extensions = (fields.list("extensions") ?? []).compactMap { patterns.extensionNumber($0, field: "extensions") }
        let ring = fields.choice("ring", as: RingStrategy.self)
        guard !extensions.isEmpty else { return nil }
        return Destination(extensions: extensions, ring: ring, span: node.span)
    }
}
