import Diagnostics
import YAMLSource

/// Decodes one entry of `extensions:`.
struct ExtensionDecoder {
    static let schema = KeySchema(
        ["number", "display_name", "password"],
        synonyms: ["extension": "number", "name": "display_name", "title": "display_name", "secret": "password"])

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode) -> Extension? {
        guard let fields = FieldReader(node, subject: "an extension", schema: Self.schema, sink: sink) else { return nil }
        fields.require("number", help: "give the extension its number, e.g. `number: \"100\"`")
        let number = fields.value("number").flatMap { DialPatterns(sink: sink).extensionNumber($0, field: "number") }
        let owner = number.map { "extension `\($0.value)`" } ?? "this extension"
        let displayName = fields.string("display_name")
        let password = fields.value("password").flatMap {
            SecretDecoder(sink: sink).decode($0, field: "password", owner: owner)
        }
        fields.require(
            "password",
            help: "extensions register with digest authentication: add `password: { env: EXT_\(number?.value ?? "100")_PASSWORD }`")
        guard let number else { return nil }
        var result = Extension(number: number, span: node.span)
        result.displayName = displayName
        result.password = password
        return result
    }
}
