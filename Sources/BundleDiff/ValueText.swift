import RuntimeBundle

/// Text from the bundles made safe to print: control characters become their visible Control
/// Pictures (U+2400…), C1 controls and bidirectional overrides U+FFFD, so a name or path can
/// never send escape sequences to a terminal or break a line of Markdown.
public enum PlainText {
    public static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.unicodeScalars.append("\u{2421}")
            case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// How field values are written in the human and Markdown output.
public enum ValueText {
    public static let notSet = "(not set)"
    public static let secret = "(secret)"

    /// `8`, `"udp"`, `["8", "+7"]`, `{"host": "sip.example", "transport": "udp"}`, `(not set)`,
    /// `env ACME_PASSWORD`, `file /run/secrets/acme`, `(secret)`.
    public static func text(_ value: FieldValue) -> String {
        switch value {
        case .absent: notSet
        case .value(let json): PlainText.visible(compactJSON(json))
        case .secret(.env(let name)): "env " + PlainText.visible(name)
        case .secret(.file(let path)): "file " + PlainText.visible(path)
        case .secret(.inline): secret
        }
    }

    /// JSON on one line, members sorted as in the canonical form, `, ` and `: ` between items.
    public static func compactJSON(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(compactJSON).joined(separator: ", ") + "]"
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return "{" + sorted.map { quoted($0.key) + ": " + compactJSON($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// A JSON string literal (control characters escaped).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Counts for the summary line: "9 changes (2 added, 3 removed, 1 renamed, 3 changed) and
/// 2 order changes".
enum SummaryText {
    static let kindOrder: [ObjectChange.Kind] = [.added, .removed, .renamed, .changed]

    static func summary(_ difference: BundleDifference) -> String {
        guard !difference.isEmpty else { return "no changes" }
        var parts: [String] = []
        if !difference.changes.isEmpty {
            let kinds = kindOrder.compactMap { kind -> String? in
                let count = difference.count(kind)
                return count == 0 ? nil : "\(count) \(kind.rawValue)"
            }
            parts.append(plural(difference.changes.count, "change") + " (" + kinds.joined(separator: ", ") + ")")
        }
        if !difference.orderChanges.isEmpty {
            let sections = difference.orderChanges.map { $0.section == .inbound ? "inbound" : "outbound" }
            parts.append("the order of " + sections.joined(separator: " and ") + " rules")
        }
        return parts.joined(separator: " and ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
