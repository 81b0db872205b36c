import Foundation

/// One versioned JSON document for programs:
///
/// ```json
/// {"version": 1,
///  "diagnostics": [{"code", "severity", "title", "message",
///                   "location": {"file", "line", "column", "endLine", "endColumn"},
///                   "label"?, "related": [{"label", "location"}], "notes": [...], "help"?}],
///  "summary": {"files", "errors", "warnings"}}
/// ```
///
/// Lines and columns are 1-based, columns count Unicode scalars, and `endLine`/`endColumn` are
/// exclusive (just after the last character). Keys are sorted and the document is pretty-printed
/// and ends with a line break, so the same report always gives the same bytes. `label` and
/// `help` are left out when absent. A change that could break a reader raises `version`.
public struct JSONRenderer: DiagnosticRenderer, Sendable {
    /// The `version` of the documents this renderer writes.
    public static let formatVersion = 1

    public init() {}

    public func render(_ report: DiagnosticReport) -> String {
        PrettyJSON.encode(document(for: report))
    }

    /// The document as a value, for callers that embed it in a larger one.
    public func document(for report: DiagnosticReport) -> Document {
        Document(
            version: Self.formatVersion,
            diagnostics: report.diagnostics.map(Entry.init),
            summary: Summary(files: report.fileCount, errors: report.errorCount, warnings: report.warningCount)
        )
    }

    public struct Document: Codable, Hashable, Sendable {
        public var version: Int
        public var diagnostics: [Entry]
        public var summary: Summary

        public init(version: Int, diagnostics: [Entry], summary: Summary) {
            self.version = version
            self.diagnostics = diagnostics
            self.summary = summary
        }
    }

    /// One diagnostic.
    public struct Entry: Codable, Hashable, Sendable {
        public var code: String
        public var severity: Severity
        /// The fixed title of the code.
        public var title: String
        public var message: String
        public var location: Location
        public var label: String?
        public var related: [RelatedLocation]
        public var notes: [String]
        public var help: String?

        public init(_ diagnostic: Diagnostic) {
            code = diagnostic.code.id
            severity = diagnostic.severity
            title = diagnostic.code.title
            message = diagnostic.message
            location = Location(diagnostic.span)
            label = diagnostic.label
            related = diagnostic.related.map(RelatedLocation.init)
            notes = diagnostic.notes
            help = diagnostic.help
        }
    }

    public struct Location: Codable, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        /// Exclusive, like `SourceSpan.end`.
        public var endLine: Int
        public var endColumn: Int

        public init(_ span: SourceSpan) {
            file = span.file
            line = span.start.line
            column = span.start.column
            endLine = span.end.line
            endColumn = span.end.column
        }
    }

    public struct RelatedLocation: Codable, Hashable, Sendable {
        public var label: String
        public var location: Location

        public init(_ related: Diagnostic.Related) {
            label = related.label
            location = Location(related.span)
        }
    }

    public struct Summary: Codable, Hashable, Sendable {
        public var files: Int
        /// Including diagnostics not listed because of the per-file limit.
        public var errors: Int
        public var warnings: Int

        public init(files: Int, errors: Int, warnings: Int) {
            self.files = files
            self.errors = errors
            self.warnings = warnings
        }
    }
}
