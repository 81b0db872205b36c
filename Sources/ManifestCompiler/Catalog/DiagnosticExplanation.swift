import Diagnostics

/// The long explanation of one diagnostic code, as `switchboard explain CODE` prints it.
///
/// The examples are real: a test checks every `badExample` and expects its code among the
/// diagnostics, and every `fixedExample` and expects no error and not the code. `explain` prints
/// what the checker reports for the bad example when it runs, so its output cannot go stale.
public struct DiagnosticExplanation: Sendable {
    /// The code explained; its id and title come from the code itself.
    public let code: DiagnosticCode
    /// The severity diagnostics of this code have.
    public let severity: Severity
    /// One paragraph: what the code catches and why it matters for a PBX.
    public let summary: String
    /// A complete small manifest that produces the code; nil only for codes a manifest alone
    /// cannot produce (`SB0001`, `SB0002`).
    public let badExample: String?
    /// The same manifest fixed: it produces no error and not this code.
    public let fixedExample: String?
    /// For a code no manifest can show: a command line that produces it and its output, one
    /// `$ command` line followed by the lines it prints.
    public let commandExample: String?
    /// Further facts: other diagnostics the bad example cannot avoid, the fix in other cases.
    public let notes: [String]

    public init(
        _ code: DiagnosticCode, _ severity: Severity = .error, summary: String,
        bad: String?, fixed: String?, command: String? = nil, notes: [String] = []
    ) {
        self.code = code
        self.severity = severity
        self.summary = summary
        self.badExample = bad
        self.fixedExample = fixed
        self.commandExample = command
        self.notes = notes
    }

    /// The name every example is checked under, and the file name in the diagnostics `explain`
    /// prints for it.
    public static let exampleFileName = "example.yaml"
}
