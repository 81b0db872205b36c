/// GitHub Actions workflow commands: one annotation per diagnostic, which GitHub shows on the
/// file in the pull request and in the run's summary.
///
/// ```
/// ::error file=samples/b.yaml,line=3,col=11,endLine=3,endColumn=15,title=SB2011 name defined twice::provider name `acme` is defined twice — help: rename one of them
/// switchboard: 1 diagnostic reported (1 error, 0 warnings)
/// ```
///
/// - The command is the severity: `::error`, `::warning`, and `::notice` for notes.
/// - `file` is the path as the user named it (GitHub wants it relative to the repository root);
///   `line`/`endLine` are 1-based; `col`/`endColumn` (the column just after the span, as in
///   SARIF) are given only when the span is on one line, because GitHub rejects columns across
///   lines. `title` is the code and its title.
/// - The message is the diagnostic's message, then ` — help: ` and the help when there is one.
/// - Escaping as GitHub's toolkit does it: in the message `%`, CR and LF become `%25`, `%0D`,
///   `%0A`; in property values also `:` and `,` become `%3A` and `%2C`. So every command is
///   exactly one line whatever the input contained, and no input can issue a command of its own.
///
/// GitHub shows at most `annotationLimit` (10) error and 10 warning annotations of one step
/// (and 50 of a job); the rest are only in the log. The output therefore ends with the totals on
/// a plain line, which is never an annotation, and when a kind is over the limit, a `::notice::`
/// saying so comes before it.
public struct GitHubRenderer: DiagnosticRenderer, Sendable {
    /// How many annotations of one kind GitHub shows for one step.
    public static let defaultAnnotationLimit = 10

    /// Over this many diagnostics of one severity the output warns that GitHub shows only part.
    public var annotationLimit: Int

    public init(annotationLimit: Int = GitHubRenderer.defaultAnnotationLimit) {
        self.annotationLimit = annotationLimit
    }

    public func render(_ report: DiagnosticReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += command(for: diagnostic)
            output += "\n"
        }
        let counts = Dictionary(grouping: report.diagnostics, by: \.severity).mapValues(\.count)
        let errors = counts[.error] ?? 0, warnings = counts[.warning] ?? 0, notes = counts[.note] ?? 0
        var totals = "switchboard: \(Self.plural(report.diagnostics.count, "diagnostic")) reported "
            + "(\(Self.plural(errors, "error")), \(Self.plural(warnings, "warning"))"
            + (notes > 0 ? ", \(Self.plural(notes, "note")))" : ")")
        if report.hiddenCount > 0 {
            totals += "; \(report.hiddenCount) more not listed (see the SB0002 notes)"
        }
        if max(errors, warnings, notes) > annotationLimit {
            output += "::notice::" + Self.escapeData(
                totals + "; GitHub shows at most \(annotationLimit) of each kind as annotations, the full list is above"
            ) + "\n"
        }
        output += totals + "\n"
        return output
    }

    /// The workflow command for one diagnostic, without a line break.
    public func command(for diagnostic: Diagnostic) -> String {
        let name = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        let span = diagnostic.span
        var properties = [("file", span.file), ("line", String(span.start.line))]
        if span.start.line == span.end.line {
            properties.append(("col", String(span.start.column)))
        }
        properties.append(("endLine", String(span.end.line)))
        if span.start.line == span.end.line {
            properties.append(("endColumn", String(span.end.column)))
        }
        properties.append(("title", "\(diagnostic.code.id) \(diagnostic.code.title)"))
        let message = diagnostic.message + (diagnostic.help.map { " — help: " + $0 } ?? "")
        return "::\(name) "
            + properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            + "::" + Self.escapeData(message)
    }

    /// The message of a command: `%`, CR and LF as `%25`, `%0D`, `%0A`.
    public static func escapeData(_ text: String) -> String {
        escape(text, with: dataEscapes)
    }

    /// A property value of a command: as `escapeData`, and `:` and `,` as `%3A`, `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        escape(text, with: propertyEscapes)
    }

    private static let dataEscapes: [Unicode.Scalar: String] = ["%": "%25", "\r": "%0D", "\n": "%0A"]
    private static let propertyEscapes = dataEscapes.merging([":": "%3A", ",": "%2C"]) { $1 }

    private static func escape(_ text: String, with escapes: [Unicode.Scalar: String]) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if let replacement = escapes[scalar] {
                escaped += replacement
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
