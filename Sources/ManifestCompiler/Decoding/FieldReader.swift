import Diagnostics
import YAMLSource

/// Reads the keys of one YAML mapping: reports unknown keys once, on creation, and hands out
/// the known ones by name. Values that are present but empty are reported here, so every field
/// decoder sees either a value or nothing.
struct FieldReader {
    let mapping: YAMLMapping
    /// What the mapping is, for messages: "provider `acme`", "`calls`".
    let subject: String
    let sink: DiagnosticSink

    /// Nil (after reporting) when `node` is not a mapping.
    init?(_ node: YAMLNode, subject: String, schema: KeySchema, sink: DiagnosticSink) {
        guard case .mapping(let mapping) = node else {
            sink.emit(.error(
                .wrongNodeKind, "\(subject) must be a mapping, found \(node.kindDescription)",
                at: node.span, label: "expected `key: value` lines here"))
            return nil
        }
        self.mapping = mapping
        self.subject = subject
        self.sink = sink
        // By position: `for entry in` copied every entry (a retain and a release of its key and
        // value) of every mapping read, only to look at its key.
        for position in mapping.entries.indices where !schema.accepts(mapping.entries[position].key.text) {
            let entry = mapping.entries[position]
            let suggestion = schema.suggestion(for: entry.key.text)
            sink.emit(.error(
                .unknownKey, "unknown key \(TextLimits.quoted(entry.key.text)) in \(subject)",
                at: entry.key.span,
                label: suggestion.map { "did you mean `\($0)`?" },
                notes: ["\(subject) accepts: \(schema.keys.map { "`\($0)`" }.joined(separator: ", "))"],
                help: suggestion.map { "did you mean `\($0)`?" }))
        }
    }

    /// The span of the key itself, for diagnostics about the field as a whole.
    func keySpan(_ key: String) -> SourceSpan? {
        mapping.entry(key)?.key.span
    }

    func has(_ key: String) -> Bool {
        mapping.entry(key) != nil
    }

    /// The value of `key`; nil when the key is absent, or present without a value (reported).
    func value(_ key: String) -> YAMLNode? {
        guard let entry = mapping.entry(key) else { return nil }
        if case .scalar(let scalar) = entry.value, scalar.isNull {
            sink.emit(.error(
                .missingValue, "`\(key)` has no value", at: entry.key.span,
                help: "give `\(key)` a value, or remove the key to use its default"))
            return nil
        }
        return entry.value
    }

    func string(_ key: String) -> Located<String>? {
        value(key).flatMap { ScalarDecoder(sink: sink).string($0, field: key) }
    }

    func bool(_ key: String) -> Located<Bool>? {
        value(key).flatMap { ScalarDecoder(sink: sink).bool($0, field: key) }
    }

    func integer(_ key: String, in range: ClosedRange<Int>, unit: String = "") -> Located<Int>? {
        value(key).flatMap { ScalarDecoder(sink: sink).integer($0, field: key, in: range, unit: unit) }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) -> Located<Choice>?
    where Choice.RawValue == String {
        value(key).flatMap { ScalarDecoder(sink: sink).choice($0, field: key, as: type) }
    }

    /// The items of a list; a single scalar counts as a list of one, so `starts_with: "8"` and
    /// `starts_with: ["8"]` mean the same. Nil when absent or not a list (reported).
    func list(_ key: String, allowsSingleValue: Bool = true) -> [YAMLNode]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .sequence(let sequence):
            if sequence.items.isEmpty {
                sink.emit(.error(
                    .missingValue, "`\(key)` is an empty list", at: sequence.span,
                    help: "list at least one item, or remove `\(key)`"))
            }
            return sequence.items
        case .scalar where allowsSingleValue:
            return [node]
        default:
            sink.emit(.error(
                .wrongNodeKind, "`\(key)` must be a list, found \(node.kindDescription)", at: node.span))
            return nil
        }
    }

    /// Reports `missingField` at the mapping's start when `key` is absent.
    func require(_ key: String, help: String? = nil) {
        guard !has(key) else { return }
        sink.emit(.error(
            .missingField, "\(subject) has no `\(key)`", at: mapping.span,
            label: "`\(key)` is required", help: help))
    }
}
