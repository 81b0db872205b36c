import Diagnostics

/// What the reader made of one file: the documents it could build and every problem it found.
///
/// Both are always meaningful: a file with a duplicate key still yields its documents (first
/// entry kept), and a file with a syntax error yields the documents completed before the error.
public struct YAMLReadResult: Sendable {
    /// The file's documents in order; empty for an empty or comment-only file.
    public var documents: [YAMLDocument]
    /// The problems in the order they were found (all `SB10xx`).
    public var diagnostics: [Diagnostic]

    public init(documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        self.documents = documents
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
