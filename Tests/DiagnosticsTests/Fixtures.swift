import Diagnostics

/// A small run shared by the renderer tests: two files in the store, one missing, and
/// diagnostics covering the cases the renderers must get right.
enum Fixture {
    static let office = "samples/office.yaml"
    static let dup = "samples/broken/dup.yaml"
    static let missing = "samples/missing.yaml"

    static let officeText = """
        version: 1
        providers:
          - name: acme
            server: sip.acme.example:5060
            enabled: no

        """

    /// Line 7 is indented with a tab; line 12 makes the gutter two digits wide.
    static let dupText = "version: 1\n"
        + "providers:\n"
        + "  - name: beta\n"
        + "    server: sip.beta.example\n"
        + "    lines: four\n"
        + "    password: \"hunter2\"\n"
        + "\tcaller_id: +7495x\n"
        + "    calls:\n"
        + "      incoming: yes\n"
        + "      outgoing: true\n"
        + "    title: Beta\n"
        + "  - name: acme\n"
        + "    server: >\n"
        + "      sip.acme.example\n"
        + "    type: standard\n"

    /// A span on one line, `column..<endColumn`.
    static func span(_ file: String, _ line: Int, _ column: Int, _ endColumn: Int) -> SourceSpan {
        span(file, line, column, line, endColumn)
    }

    static func span(_ file: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(
            file: file,
            start: SourcePosition(line: line, column: column),
            end: SourcePosition(line: endLine, column: endColumn)
        )
    }

    static let duplicateName = DiagnosticCode("SB2011", title: "duplicate name")
    static let plaintextSecret = DiagnosticCode("SB2020", title: "plaintext secret")
    static let yamlBoolean = DiagnosticCode("SB2030", title: "YAML 1.1 boolean word")
    static let badServer = DiagnosticCode("SB2040", title: "invalid server address")
    static let missingCredentials = DiagnosticCode("SB2050", title: "standard provider without credentials")
    static let badNumber = DiagnosticCode("SB2060", title: "invalid phone number")
    static let notANumber = DiagnosticCode("SB2070", title: "expected a number")
    static let unknownKey = DiagnosticCode("SB2080", title: "unknown key")

    static var sources: SourceStore {
        SourceStore([
            SourceText(file: office, text: officeText),
            SourceText(file: dup, text: dupText),
        ])
    }

    /// Given out of order on purpose: the report sorts them.
    static var diagnostics: [Diagnostic] {
        [
            // Related span in another file, notes and help, line ≥ 10.
            .error(
                duplicateName, "provider name `acme` is defined twice", at: span(dup, 12, 11, 15),
                label: "defined again here",
                related: [.init("first defined here", at: span(office, 3, 11, 15))],
                notes: ["names are unique across all manifest files"],
                help: "rename one of them"
            ),
            // Warning with help.
            .warning(
                plaintextSecret, "password of provider `beta` is written in plain text", at: span(dup, 6, 15, 24),
                label: "plaintext password",
                help: "use a reference: password: { env: BETA_PASSWORD }"
            ),
            // A note, with a related span close by in the same file.
            Diagnostic(
                .note, yamlBoolean, "`yes` is read as the string \"yes\" here", at: span(dup, 9, 17, 20),
                related: [.init("in this mapping", at: span(dup, 8, 5, 10))],
                notes: ["YAML 1.1 reads `yes` as true;\nthis field wants true or false"]
            ),
            // Multi-line span.
            .error(
                badServer, "server must be host[:port], not a folded block", at: span(dup, 13, 13, 14, 23),
                label: "this value"
            ),
            // Zero-width span at the end of a line.
            .error(
                missingCredentials, "provider `acme` is of type standard but has no login", at: span(dup, 15, 19, 19),
                label: "expected `login` and `password` after this"
            ),
            // A tab in the quoted line.
            .error(
                badNumber, "caller_id `+7495x` is not a phone number", at: span(dup, 7, 13, 19),
                label: "not a phone number"
            ),
            // Missing source: the file is not in the store.
            .error(.unreadableInput, "cannot read samples/missing.yaml: permission denied", at: .wholeFile(missing)),
            // Missing source: the line is past the end of the file.
            .warning(unknownKey, "unknown key `lnies`", at: span(office, 40, 5, 10), label: "did you mean `lines`?"),
            // A related span in the same file but far away: its own block.
            .error(
                notANumber, "lines must be a number, not `four`", at: span(dup, 5, 12, 16),
                label: "not a number",
                related: [.init("provider `acme` has a number here", at: span(dup, 15, 5, 9))]
            ),
        ]
    }

    static var report: DiagnosticReport {
        DiagnosticReport(diagnostics: diagnostics, sources: sources, fileCount: 3)
    }
}
