import Diagnostics
import Testing

@Suite struct GitHubRendererTests {
    @Test func goldenSmallReport() {
        #expect(GitHubRenderer().render(SmallFixture.report) == """
            ::warning file=samples/broken/dup.yaml,line=6,col=15,endLine=6,endColumn=24,title=SB2020 plaintext secret::password of provider `beta` is written in plain text — help: use a reference: password: { env: BETA_PASSWORD }
            ::notice file=samples/broken/dup.yaml,line=9,col=17,endLine=9,endColumn=20,title=SB2030 YAML 1.1 boolean word::`yes` is read as the string "yes" here
            ::error file=samples/broken/dup.yaml,line=12,col=11,endLine=12,endColumn=15,title=SB2011 duplicate name::provider name `acme` is defined twice — help: rename one of them
            switchboard: 3 diagnostics reported (1 error, 1 warning, 1 note)

            """)
    }

    @Test func goldenFixtureReport() {
        // The multi-line span (13:13 to 14:23) has no columns: GitHub takes columns on one line only.
        #expect(GitHubRenderer().render(Fixture.report) == """
            ::error file=samples/broken/dup.yaml,line=5,col=12,endLine=5,endColumn=16,title=SB2070 expected a number::lines must be a number, not `four`
            ::warning file=samples/broken/dup.yaml,line=6,col=15,endLine=6,endColumn=24,title=SB2020 plaintext secret::password of provider `beta` is written in plain text — help: use a reference: password: { env: BETA_PASSWORD }
            ::error file=samples/broken/dup.yaml,line=7,col=13,endLine=7,endColumn=19,title=SB2060 invalid phone number::caller_id `+7495x` is not a phone number
            ::notice file=samples/broken/dup.yaml,line=9,col=17,endLine=9,endColumn=20,title=SB2030 YAML 1.1 boolean word::`yes` is read as the string "yes" here
            ::error file=samples/broken/dup.yaml,line=12,col=11,endLine=12,endColumn=15,title=SB2011 duplicate name::provider name `acme` is defined twice — help: rename one of them
            ::error file=samples/broken/dup.yaml,line=13,endLine=14,title=SB2040 invalid server address::server must be host[:port], not a folded block
            ::error file=samples/broken/dup.yaml,line=15,col=19,endLine=15,endColumn=19,title=SB2050 standard provider without credentials::provider `acme` is of type standard but has no login
            ::error file=samples/missing.yaml,line=1,col=1,endLine=1,endColumn=1,title=SB0001 input cannot be read::cannot read samples/missing.yaml: permission denied
            ::warning file=samples/office.yaml,line=40,col=5,endLine=40,endColumn=10,title=SB2080 unknown key::unknown key `lnies`
            switchboard: 9 diagnostics reported (6 errors, 2 warnings, 1 note)

            """)
    }

    @Test func emptyReport() {
        #expect(GitHubRenderer().render(DiagnosticReport(diagnostics: [], fileCount: 0))
            == "switchboard: 0 diagnostics reported (0 errors, 0 warnings)\n")
    }

    /// An escaping case whose name in the test log is Swift-escaped: the raw value starts a log
    /// line with `::error::`, which a GitHub Actions runner would turn into a stray annotation.
    struct EscapingCase: CustomTestStringConvertible, Sendable {
        var raw: String
        var escaped: String
        init(_ raw: String, _ escaped: String) { (self.raw, self.escaped) = (raw, escaped) }
        var testDescription: String { raw.debugDescription }
    }

    @Test(arguments: [
        EscapingCase("100%", "100%25"),
        EscapingCase("two\nlines", "two%0Alines"),
        EscapingCase("crlf\r\nend", "crlf%0D%0Aend"),
        EscapingCase("a, b: c :: d", "a, b: c :: d"),
        EscapingCase("%0A is not a line break", "%250A is not a line break"),
        EscapingCase("::error::injected", "::error::injected"),
        EscapingCase("\n::error::injected", "%0A::error::injected"),
    ])
    func messageEscaping(_ example: EscapingCase) {
        #expect(GitHubRenderer.escapeData(example.raw) == example.escaped)
    }

    @Test(arguments: [
        EscapingCase("dir/a:b,c.yaml", "dir/a%3Ab%2Cc.yaml"),
        EscapingCase("50%.yaml", "50%25.yaml"),
        EscapingCase("new\nline.yaml", "new%0Aline.yaml"),
        EscapingCase("cr\r.yaml", "cr%0D.yaml"),
        EscapingCase("SB2021 address is not host[:port]", "SB2021 address is not host[%3Aport]"),
        EscapingCase("ä ü/東京.yaml", "ä ü/東京.yaml"),
    ])
    func propertyEscaping(_ example: EscapingCase) {
        #expect(GitHubRenderer.escapeProperty(example.raw) == example.escaped)
    }

    @Test func everyPartOfACommandIsEscaped() {
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2021", title: "address is not host[:port]"),
            "100% wrong:\nsecond line", at: Fixture.span("dir/a:b,c.yaml", 2, 3, 7),
            help: "write `a, b`\r\nor 50%")
        #expect(GitHubRenderer().command(for: diagnostic)
            == "::error file=dir/a%3Ab%2Cc.yaml,line=2,col=3,endLine=2,endColumn=7,title=SB2021 address is not host[%3Aport]"
            + "::100%25 wrong:%0Asecond line — help: write `a, b`%0D%0Aor 50%25")
        let output = GitHubRenderer().render(DiagnosticReport(diagnostics: [diagnostic], fileCount: 1))
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).count == 3, "one command, the totals, the end")
    }

    @Test func severitiesAreErrorWarningNotice() {
        let span = Fixture.span("a.yaml", 1, 1, 2)
        let code = DiagnosticCode("SB2099", title: "t")
        let commands = Severity.allCases.map { GitHubRenderer().command(for: Diagnostic($0, code, "m", at: span)) }
        #expect(commands.map { $0.prefix { $0 != " " } } == ["::error", "::warning", "::notice"])
    }

    static func report(errors: Int, warnings: Int, notes: Int = 0) -> DiagnosticReport {
        let code = DiagnosticCode("SB2099", title: "t")
        var diagnostics: [Diagnostic] = []
        for line in 1...max(1, errors) where line <= errors {
            diagnostics.append(.error(code, "e\(line)", at: Fixture.span("a.yaml", line, 1, 2)))
        }
        for line in 1...max(1, warnings) where line <= warnings {
            diagnostics.append(.warning(code, "w\(line)", at: Fixture.span("b.yaml", line, 1, 2)))
        }
        for line in 1...max(1, notes) where line <= notes {
            diagnostics.append(Diagnostic(.note, code, "n\(line)", at: Fixture.span("c.yaml", line, 1, 2)))
        }
        return DiagnosticReport(diagnostics: diagnostics, fileCount: 3)
    }

    @Test func overTheAnnotationLimitANoticeSaysSo() {
        let output = GitHubRenderer().render(Self.report(errors: 12, warnings: 45))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 57 + 2)
        #expect(lines[56].hasPrefix("::warning "))
        #expect(lines[57] == "::notice::switchboard: 57 diagnostics reported (12 errors, 45 warnings); "
            + "GitHub shows at most 10 of each kind as annotations, the full list is above")
        #expect(lines[58] == "switchboard: 57 diagnostics reported (12 errors, 45 warnings)")
        #expect(output.hasSuffix("\n"))
    }

    @Test(arguments: [(10, 10, 10), (0, 1, 0), (1, 0, 0), (3, 7, 2)])
    func atOrUnderTheLimitOnlyTheTotals(errors: Int, warnings: Int, notes: Int) {
        let output = GitHubRenderer().render(Self.report(errors: errors, warnings: warnings, notes: notes))
        #expect(!output.contains("::notice::"))
        let last = output.split(separator: "\n").last.map(String.init)
        #expect(last?.hasPrefix("switchboard: \(errors + warnings + notes) diagnostic") == true)
    }

    @Test(arguments: [(11, 0, 0), (0, 11, 0), (0, 0, 11)])
    func anyKindOverTheLimitTriggersTheNotice(errors: Int, warnings: Int, notes: Int) {
        let output = GitHubRenderer().render(Self.report(errors: errors, warnings: warnings, notes: notes))
        #expect(output.contains("\n::notice::switchboard: 11 diagnostics reported"))
    }

    @Test func theLimitCanBeSet() {
        let output = GitHubRenderer(annotationLimit: 2).render(Self.report(errors: 3, warnings: 0))
        #expect(output.contains("; GitHub shows at most 2 of each kind as annotations, the full list is above\n"))
    }

    @Test func diagnosticsCutByThePerFileLimitAreCounted() {
        let code = DiagnosticCode("SB2099", title: "t")
        let many = (1...5).map { Diagnostic.error(code, "e\($0)", at: Fixture.span("a.yaml", $0, 1, 2)) }
        let output = GitHubRenderer().render(DiagnosticReport(diagnostics: many, fileCount: 1, perFileLimit: 3))
        #expect(output.hasSuffix("""
            title=SB0002 too many diagnostics in one file::2 more diagnostics in a.yaml not shown — help: fix the problems above and run again; the first ones often cause the rest
            switchboard: 4 diagnostics reported (3 errors, 0 warnings, 1 note); 2 more not listed (see the SB0002 notes)

            """))
    }
}
