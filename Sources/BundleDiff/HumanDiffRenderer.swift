/// The difference for people at a terminal:
///
/// ```
/// 4 changes (1 added, 1 removed, 1 renamed, 1 changed) and the order of outbound rules
/// old sha256:290b5a82…
/// new sha256:5d1c0e7a…
///
/// Providers
///   ~ acme changed (providers/acme.yaml:6:11)
///       lines: 8 → 10
///       password: file /run/secrets/acme → env ACME_PASSWORD
/// Outbound rules
///   - outbound-budget-voip removed — provider `budget-voip` was disabled (generated; was providers/budget.yaml:5:11)
/// ```
///
/// ANSI colours only when `colors` is true (the command decides, from `--color`, the terminal
/// and `NO_COLOR`).
public struct HumanDiffRenderer: Sendable {
    public var colors: Bool
    /// What the two sides were read from (`HEAD~1`, `manifests/`), shown next to their digests.
    public var oldLabel: String?
    public var newLabel: String?

    public init(colors: Bool, oldLabel: String? = nil, newLabel: String? = nil) {
        self.colors = colors
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }

    /// `old sha256:… (HEAD~1)` and the same for new.
    func digestLines(_ difference: BundleDifference) -> String {
        func line(_ side: String, _ digest: String, _ label: String?) -> String {
            "\(side) \(digest)" + (label.map { " (\(PlainText.visible($0)))" } ?? "") + "\n"
        }
        return line("old", difference.oldDigest, oldLabel) + line("new", difference.newDigest, newLabel)
    }

    enum Style: String {
        case bold = "1"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case dim = "2"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    public func render(_ difference: BundleDifference) -> String {
        var output = ""
        if difference.isEmpty {
            if difference.oldDigest == difference.newDigest {
                output += paint("no changes", .bold) + ": both bundles are \(difference.oldDigest)\n"
            } else {
                output += paint("no changes", .bold) + " (the bundles differ only in `source` locations)\n"
                output += digestLines(difference)
            }
            return output
        }
        output += paint(SummaryText.summary(difference), .bold) + "\n"
        output += digestLines(difference)

        for section in BundleSection.allCases {
            let changes = difference.changes(in: section)
            guard !changes.isEmpty else { continue }
            output += "\n" + paint(section.title, .bold) + "\n"
            for change in changes { output += render(change) }
        }
        for order in difference.orderChanges {
            output += "\n" + paint("Order of \(order.section.noun)s", .bold) + "\n"
            output += "  was: " + order.old.map(PlainText.visible).joined(separator: ", ") + "\n"
            output += "  now: " + order.new.map(PlainText.visible).joined(separator: ", ") + "\n"
            output += "  moved: " + order.moved.map(PlainText.visible).joined(separator: ", ") + "\n"
            for effect in order.effects {
                output += "  · " + effect.text(quote: Quoting.backticks) + "\n"
            }
        }
        return output
    }

    func render(_ change: ObjectChange) -> String {
        let name = PlainText.visible(change.name)
        var line = "  "
        switch change.kind {
        case .added: line += paint("+", .green) + " \(name) " + paint("added", .green)
        case .removed: line += paint("-", .red) + " \(name) " + paint("removed", .red)
        case .changed: line += paint("~", .yellow) + " \(name) " + paint("changed", .yellow)
        case .renamed:
            line += paint(">", .cyan) + " \(PlainText.visible(change.oldName ?? "")) " + paint("renamed", .cyan) + " to \(name)"
        }
        if !change.causes.isEmpty {
            line += " — " + change.causes.map { $0.text(quote: Quoting.backticks) }.joined(separator: "; ")
        }
        let notes = change.notes(quote: { PlainText.visible($0) })
        line += (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") + "\n"

        for field in change.fields {
            line += "      \(PlainText.visible(field.path)): "
            if change.kind == .added {
                line += ValueText.text(field.new) + "\n"
            } else if field.isHiddenSecretChange {
                line += "\(ValueText.secret) → \(ValueText.secret), " + paint("changed", .yellow) + "\n"
            } else {
                line += paint(ValueText.text(field.old), .red) + " → " + paint(ValueText.text(field.new), .green) + "\n"
            }
        }
        return line
    }
}
