/// The difference as GitHub-flavoured Markdown, for a pull-request comment or
/// `$GITHUB_STEP_SUMMARY`: a heading, a summary line with counts, a section per kind of
/// object with a bullet per object and a table of its fields (`old` → `new`), then the order
/// changes. Every value is in a code span; `|` is escaped in tables.
public struct MarkdownDiffRenderer: Sendable {
    /// The heading's level (`##` by default), so the output can sit under a heading of its own.
    public var headingLevel: Int
    /// What the two sides were read from (`origin/main`, `HEAD`), shown with their digests.
    public var oldLabel: String?
    public var newLabel: String?

    public init(headingLevel: Int = 2, oldLabel: String? = nil, newLabel: String? = nil) {
        self.headingLevel = max(1, min(headingLevel, 5))
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }

    public func render(_ difference: BundleDifference) -> String {
        let heading = String(repeating: "#", count: headingLevel)
        var output = "\(heading) Switchboard bundle diff\n\n"
        func side(_ digest: String, _ label: String?) -> String {
            label.map { "\(Self.code($0)) (\(Self.code(digest)))" } ?? Self.code(digest)
        }
        let digests = "\(side(difference.oldDigest, oldLabel)) → \(side(difference.newDigest, newLabel))"
        if difference.isEmpty {
            output += difference.oldDigest == difference.newDigest
                ? "**No changes**: both bundles are \(Self.code(difference.oldDigest)).\n"
                : "**No changes** (the bundles differ only in `source` locations): \(digests).\n"
            return output
        }
        output += "**\(SummaryText.summary(difference))**\n\n"
        output += "Bundle \(digests)\n"

        for section in BundleSection.allCases {
            let changes = difference.changes(in: section)
            guard !changes.isEmpty else { continue }
            Self.endBlock(&output)
            output += "\(heading)# \(section.title)\n\n"
            for change in changes { output += render(change) }
        }
        for order in difference.orderChanges {
            Self.endBlock(&output)
            output += "\(heading)# Order of \(order.section.noun)s\n\n"
            output += "| | \(order.section.noun)s present in both, in the order they are tried |\n| --- | --- |\n"
            output += "| was | " + order.old.map { Self.code($0, inTable: true) }.joined(separator: ", ") + " |\n"
            output += "| now | " + order.new.map { Self.code($0, inTable: true) }.joined(separator: ", ") + " |\n\n"
            output += "Moved: " + order.moved.map { Self.code($0) }.joined(separator: ", ") + "\n\n"
            for effect in order.effects {
                output += "- " + effect.text(quote: { Self.code($0) }) + "\n"
            }
        }
        return output
    }

    func render(_ change: ObjectChange) -> String {
        let name = Self.code(change.name)
        var line = "- "
        switch change.kind {
        case .added: line += "**added** \(name)"
        case .removed: line += "**removed** \(name)"
        case .changed: line += "**changed** \(name)"
        case .renamed: line += "**renamed** \(Self.code(change.oldName ?? "")) → \(name)"
        }
        if !change.causes.isEmpty {
            line += " — " + change.causes.map { $0.text(quote: { Self.code($0) }) }.joined(separator: "; ")
        }
        let notes = change.notes(quote: { Self.code($0) })
        line += (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") + "\n"
        guard !change.fields.isEmpty else { return line }

        line += "\n"
        if change.kind == .added {
            line += "  | field | value |\n  | --- | --- |\n"
            for field in change.fields {
                line += "  | \(Self.code(field.path, inTable: true)) | \(Self.value(field.new)) |\n"
            }
        } else {
            line += "  | field | old | new |\n  | --- | --- | --- |\n"
            for field in change.fields {
                let new = field.isHiddenSecretChange ? Self.value(field.new) + ", changed" : Self.value(field.new)
                line += "  | \(Self.code(field.path, inTable: true)) | \(Self.value(field.old)) | \(new) |\n"
            }
        }
        return line + "\n"
    }

    /// Ends what `output` holds with exactly one blank line.
    static func endBlock(_ output: inout String) {
        while output.hasSuffix("\n\n") { output.removeLast() }
        output += "\n"
    }

    /// A value in a table cell: `(not set)` and `(secret)` in italics, everything else as code.
    static func value(_ value: FieldValue) -> String {
        switch value {
        case .absent: "*\(ValueText.notSet)*"
        case .secret(.inline): "*\(ValueText.secret)*"
        default: code(ValueText.text(value), inTable: true)
        }
    }

    /// `text` as a code span that shows it exactly: a fence longer than any run of backticks in
    /// it, padded when it starts or ends with a backtick, control characters made visible, and
    /// in a table `|` escaped (GitHub splits cells at `|` even inside code spans).
    public static func code(_ text: String, inTable: Bool = false) -> String {
        var content = PlainText.visible(text)
        if inTable { content = content.replacingAll("|", with: "\\|") }
        var longest = 0, run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = content.hasPrefix("`") || content.hasSuffix("`") || content.isEmpty ? " " : ""
        return fence + padding + content + padding + fence
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
