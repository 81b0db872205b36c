import Diagnostics
import YAMLSource

/// Number prefixes (`starts_with`), texts put in front of numbers (`prepend`) and extension
/// numbers: what a dial plan is made of.
struct DialPatterns {
    static let maxPrefixLength = 20
    static let extensionLengths = 1...10

    let sink: DiagnosticSink

    /// `8`, `+7`, `*21#`: digits, `*` and `#`, with an optional leading `+`.
    static func isPrefix(_ text: String) -> Bool {
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !body.isEmpty && body.count <= maxPrefixLength && body.allSatisfy { $0.isASCIIDigit || $0 == "*" || $0 == "#" }
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
        guard Self.extensionLengths.contains(text.value.count), text.value.allSatisfy(\.isASCIIDigit) else {
            sink.emit(.error(
                .invalidExtensionNumber, "`\(text.value)` is not an extension number", at: text.span,
                label: "extension numbers are 1 to 10 digits",
                help: text.value.hasPrefix("+") ? "external numbers belong in outbound rules, not in extensions" : nil))
            return nil
        }
        return text
    }
}
