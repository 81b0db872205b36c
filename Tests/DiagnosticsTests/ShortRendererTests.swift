import Diagnostics
import Testing

@Suite struct ShortRendererTests {
    @Test func goldenReport() {
        #expect(ShortRenderer().render(Fixture.report) == """
            samples/broken/dup.yaml:5:12: error[SB2070]: lines must be a number, not `four`
            samples/broken/dup.yaml:6:15: warning[SB2020]: password of provider `beta` is written in plain text
            samples/broken/dup.yaml:7:13: error[SB2060]: caller_id `+7495x` is not a phone number
            samples/broken/dup.yaml:9:17: note[SB2030]: `yes` is read as the string "yes" here
            samples/broken/dup.yaml:12:11: error[SB2011]: provider name `acme` is defined twice
            samples/broken/dup.yaml:13:13: error[SB2040]: server must be host[:port], not a folded block
            samples/broken/dup.yaml:15:19: error[SB2050]: provider `acme` is of type standard but has no login
            samples/missing.yaml:1:1: error[SB0001]: cannot read samples/missing.yaml: permission denied
            samples/office.yaml:40:5: warning[SB2080]: unknown key `lnies`

            """)
    }

    @Test func exactlyOneLinePerDiagnostic() {
        let output = ShortRenderer().render(Fixture.report)
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).count == Fixture.report.diagnostics.count + 1)
        #expect(output.hasSuffix("\n"))
    }

    @Test(arguments: [
        ("two\nlines", "two lines"),
        ("crlf\r\nand cr\rhere", "crlf and cr here"),
        ("  indented\n    continuation  \n\n", "indented continuation"),
        ("separators\u{2028}line\u{2029}para\u{85}nel", "separators line para nel"),
        ("tab\tinside", "tab inside"),
        ("escape \u{1B}[2J", "escape \u{241B}[2J"),
    ])
    func messagesAreFoldedOntoOneLine(message: String, expected: String) {
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2099", title: "test"), message, at: Fixture.span("a.yaml", 2, 3, 4)
        )
        #expect(ShortRenderer().render(diagnostic) == "a.yaml:2:3: error[SB2099]: \(expected)")
        let report = DiagnosticReport(diagnostics: [diagnostic], fileCount: 1)
        #expect(ShortRenderer().render(report) == "a.yaml:2:3: error[SB2099]: \(expected)\n")
    }

    @Test func severityWords() {
        let span = Fixture.span("a.yaml", 1, 1, 2)
        let code = DiagnosticCode("SB2099", title: "test")
        let lines = Severity.allCases.map { ShortRenderer().render(Diagnostic($0, code, "m", at: span)) }
        #expect(lines == [
            "a.yaml:1:1: error[SB2099]: m",
            "a.yaml:1:1: warning[SB2099]: m",
            "a.yaml:1:1: note[SB2099]: m",
        ])
    }

    @Test func emptyReportIsEmpty() {
        #expect(ShortRenderer().render(DiagnosticReport(diagnostics: [], fileCount: 3)) == "")
    }
}
