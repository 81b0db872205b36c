import Diagnostics
import Testing

/// A line of a megabyte is quoted as a window around the mark, cut with `…`, in one pass.
@Suite struct LongLineTests {
    private let code = DiagnosticCode("SB2099", title: "test")

    private func render(_ diagnostic: Diagnostic, _ text: String) -> String {
        let source = SourceText(file: "l.yaml", text: text)
        let report = DiagnosticReport(diagnostics: [diagnostic], sources: SourceStore([source]), fileCount: 1)
        return HumanRenderer(colors: false, showsSummary: false).render(report)
    }

    @Test func aMarkFarIntoALongLineIsShownWithContextOnBothSides() {
        let line = String(repeating: "a", count: 500_000) + "BAD" + String(repeating: "b", count: 500_000)
        let rendered = render(.error(code, "bad", at: span(1, 500_001, 500_004), label: "here"), line)
        let context = String(repeating: "a", count: 30)
        #expect(rendered == """
            error[SB2099]: bad
             --> l.yaml:1:500001
              |
            1 | …\(context)BAD\(String(repeating: "b", count: 87))…
              |  \(String(repeating: " ", count: 30))^^^ here

            """)
    }

    @Test func aMarkNearTheStartCutsOnlyTheEnd() {
        let line = "title: " + String(repeating: "t", count: 1_000_000)
        let rendered = render(.error(code, "long", at: span(1, 8, 1_000_008), label: "too long"), line)
        // The span runs past the window: underlined to its edge, not a megabyte of carets.
        #expect(rendered == """
            error[SB2099]: long
             --> l.yaml:1:8
              |
            1 | title: \(String(repeating: "t", count: 113))…
              |        \(String(repeating: "^", count: 113)) too long

            """)
    }

    @Test func aMarkAtTheEndOfALongLineShowsTheLastScalars() {
        let line = String(repeating: "x", count: 1_000) + "END"
        let rendered = render(.error(code, "end", at: span(1, 1_001, 1_004)), line)
        #expect(rendered.contains("1 | …" + String(repeating: "x", count: 117) + "END\n"))
        #expect(rendered.contains("  | " + String(repeating: " ", count: 118) + "^^^\n"))
    }

    @Test func aLineOfExactlyTheLimitIsShownWhole() {
        let line = String(repeating: "y", count: 120)
        let rendered = render(.error(code, "y", at: span(1, 100, 101)), line)
        #expect(rendered.contains("1 | " + line + "\n"))
    }

    @Test func renderingIsLinearInTheLineLength() {
        // 50 diagnostics on one 4 MB line: quadratic work would take minutes.
        let line = String(repeating: "z", count: 4 << 20)
        let source = SourceText(file: "l.yaml", text: line)
        let diagnostics = (0..<50).map { Diagnostic.error(code, "z", at: span(1, 1 + $0 * 80_000, 2 + $0 * 80_000)) }
        let report = DiagnosticReport(diagnostics: diagnostics, sources: SourceStore([source]), fileCount: 1)
        let started = ContinuousClock.now
        let rendered = HumanRenderer(colors: false).render(report)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(rendered.utf8.count < 50 * 600)
    }

    private func span(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(file: "l.yaml", start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: endColumn))
    }
}
