import Diagnostics
import YAMLSource

/// Types a scalar by the field it fills, from its exact text. Nothing here guesses: `no` is not
/// false, `0123` is not 83, `1e3` is not a thousand; each gets a diagnostic with the fix.
struct ScalarDecoder {
    let sink: DiagnosticSink

    /// The scalar of a field, within the field's length limit (`TextLimits`); nil after
    /// reporting when `node` is a collection or too long.
    func scalar(_ node: YAMLNode, field: String) -> YAMLScalar? {
        guard case .scalar(let scalar) = node else {
            sink.emit(.error(
                .wrongNodeKind, "`\(field)` must be a single value, found \(node.kindDescription)",
                at: node.span))
            return nil
        }
        return withinLimit(scalar, field: field) ? scalar : nil
    }

    /// Whether `scalar` fits the length limit of `field`; reports it when not, without quoting it.
    func withinLimit(_ scalar: YAMLScalar, field: String) -> Bool {
        let length = scalar.text.utf8.count
        guard length > TextLimits.lowestLimit else { return true }
        let limit = TextLimits.maxBytes(field)
        guard length > limit else { return true }
        sink.emit(.error(
            .valueTooLong, "`\(field)` is \(length) bytes long, more than the \(limit) it may have",
            at: scalar.span, label: "at most \(limit) bytes (UTF-8)"))
        return false
    }

    /// A non-empty string.
    func string(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let scalar = scalar(node, field: field) else { return nil }
        guard !scalar.text.isEmpty else {
            sink.emit(.error(
                .missingValue, "`\(field)` is empty", at: scalar.span,
                help: "give `\(field)` a value, or remove the key"))
            return nil
        }
        return Located(scalar.text, at: scalar.span)
    }

    /// Exactly `true` or `false`.
    func bool(_ node: YAMLNode, field: String) -> Located<Bool>? {
        guard let scalar = scalar(node, field: field) else { return nil }
        switch scalar.text {
        case "true": return Located(true, at: scalar.span)
        case "false": return Located(false, at: scalar.span)
        default: break
        }
        let meant: String? = switch scalar.text.lowercased() {
        case "yes", "y", "on", "true", "1", "enabled": "true"
        case "no", "n", "off", "false", "0", "disabled": "false"
        default: nil
        }
        sink.emit(.error(
            .invalidBoolean, "`\(field)` must be `true` or `false`, found `\(scalar.text)`",
            at: scalar.span,
            notes: meant == nil ? [] : [
                "YAML 1.1 tools read `\(scalar.text)` as \(meant!), others as a string; "
                    + "Switchboard accepts only `true` and `false` so the file means the same everywhere",
            ],
            help: meant.map { "write `\(field): \($0)`" }))
        return nil
    }

    /// A decimal whole number within `range`; no sign, no leading zeros, no exponent.
    func integer(_ node: YAMLNode, field: String, in range: ClosedRange<Int>, unit: String = "") -> Located<Int>? {
        guard let scalar = scalar(node, field: field) else { return nil }
        let text = scalar.text
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let isDecimal = !digits.isEmpty && digits.utf8.allSatisfy(ASCII.isDigit)
        guard isDecimal else {
            sink.emit(.error(
                .invalidInteger, "`\(field)` must be a whole number, found `\(text)`", at: scalar.span,
                notes: integerNotes(text)))
            return nil
        }
        if digits.count > 1, digits.first == "0" {
            let trimmed = String(digits.drop { $0 == "0" })
            sink.emit(.error(
                .invalidInteger, "`\(field)` has a leading zero: `\(text)`", at: scalar.span,
                notes: ["YAML 1.1 tools read `\(text)` as an octal number; Switchboard refuses it rather than guess"],
                help: "write `\(field): \(trimmed.isEmpty ? "0" : trimmed)`"))
            return nil
        }
        guard let value = Int(text), range.contains(value) else {
            let suffix = unit.isEmpty ? "" : " \(unit)"
            sink.emit(.error(
                .valueOutOfRange,
                "`\(field)` must be between \(range.lowerBound) and \(range.upperBound)\(suffix), found `\(text)`",
                at: scalar.span))
            return nil
        }
        return Located(value, at: scalar.span)
    }

    private func integerNotes(_ text: String) -> [String] {
        if text.contains(".") { return ["only whole numbers are allowed here"] }
        if text.lowercased().contains("e") && Double(text) != nil {
            return ["`\(text)` is exponent notation; write the number out in digits"]
        }
        if text.contains("_") { return ["write the number without `_` separators"] }
        if text.contains(":") { return ["YAML 1.1 tools read `\(text)` as a base-60 number; Switchboard does not"] }
        return []
    }

    /// One of the enum's raw values, with "did you mean" for a misspelling.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, field: String, as type: Choice.Type
    ) -> Located<Choice>? where Choice.RawValue == String {
        guard let scalar = scalar(node, field: field) else { return nil }
        if let value = Choice(rawValue: scalar.text) { return Located(value, at: scalar.span) }
        let allowed = Choice.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: scalar.text, among: allowed)
        sink.emit(.error(
            .invalidEnumValue, "`\(field)` must be one of \(allowed.map { "`\($0)`" }.joined(separator: ", ")), found `\(scalar.text)`",
            at: scalar.span,
            label: suggestion.map { "did you mean `\($0)`?" },
            help: suggestion.map { "write `\(field): \($0)`" }))
        return nil
    }
}
