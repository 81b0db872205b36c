import Diagnostics
import YAMLSource

/// Number prefixes (`starts_with`), texts put in front of numbers (`prepend`) and extension
/// numbers: what a dial plan is made of.
struct DialPatterns {
    static let maxPrefixLength = 20
    static let extensionLengths = 1...10

    let sink: DiagnosticSink

    /// `8`, `+7`, `*21#`: digits, `*` and `#`, with an optional leading `+`.
    /// Checked on UTF-8 bytes (see `ASCII`): every allowed character is one ASCII byte.
    static func isPrefix(_ text: String) -> Bool {
        let body = text.utf8.first == UInt8(ascii: "+") ? text.utf8.dropFirst() : text.utf8[...]
        return !body.isEmpty && body.count <= maxPrefixLength
            && body.allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") }
    }

    func prefixes(_ nodes: [YAMLNode]?, field: String) -> [Located<String>] {
        guard let nodes else { return [] }
        let scalars = ScalarDecoder(sink: sink)
        return nodes.compactMap { node in
            guard let text = scalars.string(node, field: field) else { return nil }
            guard Self.isPrefix(text.value) else {
                sink.emit(.error(
                    .invalidDialPattern, "`\(text.value)` is not a number prefix", at: text.span,
                    label: "use digits, `*` and `#`, with an optional leading `+`",
                    notes: ["prefixes are matched against the number as dialled, character by character"],
                    help: text.value.contains(where: { " -()".contains($0) })
                        ? "write `\(text.value.filter { !" -()".contains($0) })`" : nil))
                return nil
            }
            return text
        }
    }

    /// Like a prefix, but empty is allowed (nothing is prepended).
    func prepend(_ node: YAMLNode?, field: String) -> Located<String>? {
        guard let node, let scalar = ScalarDecoder(sink: sink).scalar(node, field: field) else { return nil }
        guard scalar.text.isEmpty || Self.isPrefix(scalar.text) else {
            sink.emit(.error(
                .invalidDialPattern, "`\(field)` must be digits, `*` or `#` with an optional leading `+`, found `\(scalar.text)`",
                at: scalar.span))
            return nil
        }
        return Located(scalar.text, at: scalar.span)
    }

    /// An internal extension number: 1 to 10 digits.
    func extensionNumber(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let text = ScalarDecoder(sink: sink).string(node, field: field) else { return nil }
        guard Self.extensionLengths.contains(text.value.utf8.count), text.value.utf8.allSatisfy(ASCII.isDigit) else {
            sink.emit(.error(
                .invalidExtensionNumber, "`\(text.value)` is not an extension number", at: text.span,
                label: "extension numbers are 1 to 10 digits",
                help: text.value.hasPrefix("+") ? "external numbers belong in outbound rules, not in extensions" : nil))
            return nil
        }
        return text
    }
}
