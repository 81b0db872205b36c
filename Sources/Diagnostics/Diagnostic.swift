/// One problem found in the input, as a value: stages return these instead of throwing,
/// so that every problem in a run is reported, not only the first.
public struct Diagnostic: Hashable, Sendable {
    /// Another place that helps to understand the problem, such as "first defined here".
    public struct Related: Hashable, Sendable {
        public var span: SourceSpan
        public var label: String

        public init(_ label: String, at span: SourceSpan) {
            self.span = span
            self.label = label
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    /// Where the problem is. Its label, when set, is printed under the caret.
    public var span: SourceSpan
    public var label: String?
    public var related: [Related]
    /// Facts that explain the problem ("YAML 1.1 reads `no` as false").
    public var notes: [String]
    /// What to do about it, ideally the corrected text.
    public var help: String?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at span: SourceSpan,
        label: String? = nil,
        related: [Related] = [],
        notes: [String] = [],
        help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.label = label
        self.related = related
        self.notes = notes
        self.help = help
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, label: String? = nil,
        related: [Related] = [], notes: [String] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: span, label: label, related: related, notes: notes, help: help)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at span: SourceSpan, label: String? = nil,
        related: [Related] = [], notes: [String] = [], help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: span, label: label, related: related, notes: notes, help: help)
    }
}

extension Diagnostic: Comparable {
    /// Source order: by file, then position, then code, so output is stable whatever the
    /// order in which stages found the problems. The remaining fields only break ties, so that
    /// the order is total and agrees with `==`.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.span != rhs.span { return lhs.span < rhs.span }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
        if lhs.label != rhs.label { return precedes(lhs.label, rhs.label) }
        if lhs.related != rhs.related {
            return lhs.related.lexicographicallyPrecedes(rhs.related) { a, b in
                a.span != b.span ? a.span < b.span : a.label < b.label
            }
        }
        if lhs.notes != rhs.notes { return lhs.notes.lexicographicallyPrecedes(rhs.notes) }
        return precedes(lhs.help, rhs.help)
    }

    /// nil sorts first.
    private static func precedes(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case let (l?, r?): l < r
        }
    }
}

extension Severity {
    /// Errors before warnings before notes, where everything else is equal.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}
