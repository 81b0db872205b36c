import Diagnostics
import YAMLSource

/// Decodes `defaults:`. Each setting may be made once across all files.
struct DefaultsDecoder {
    static let schema = KeySchema(["inbound_destination"], synonyms: ["inbound": "inbound_destination", "destination": "inbound_destination"])

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode, into defaults: inout ManifestDefaults) {
        guard let fields = FieldReader(node, subject: "`defaults`", schema: Self.schema, sink: sink) else { return }
        guard let destinationNode = fields.value("inbound_destination") else { return }
        if let earlier = defaults.inboundDestination, let key = fields.keySpan("inbound_destination") {
            sink.emit(.error(
                .duplicateSetting, "`defaults.inbound_destination` is set twice", at: key,
                label: "set again here", related: [.init("first set here", at: earlier.span)],
                help: "keep one of them; defaults apply to all manifest files"))
            return
        }
        defaults.inboundDestination = DestinationDecoder(sink: sink).decode(destinationNode, field: "inbound_destination")
    }
}
