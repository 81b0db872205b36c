import Foundation

/// Pretty, key-sorted JSON for the machine-readable renderers (`json`, `sarif`): stable across
/// runs, with `[]` and `{}` for empty containers.
enum PrettyJSON {
    static func encode<Document: Encodable>(_ document: Document) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only strings, integers and booleans: encoding cannot fail.
        guard let data = try? encoder.encode(document) else {
            preconditionFailure("\(Document.self) could not be encoded")
        }
        // Foundation pretty-prints an empty array or object over three lines; make it `[]`/`{}`.
        // A line break in the text can only be layout: inside strings it is escaped as `\n`.
        let text = String(decoding: data, as: UTF8.self)
            .replacing(#/\[\n *\n *\]/#, with: "[]")
            .replacing(#/\{\n *\n *\}/#, with: "{}")
        return text + "\n"
    }
}
