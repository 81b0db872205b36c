import Diagnostics
import Testing

@Suite struct SourceTextTests {
    @Test(arguments: [
        ("", [""]),
        ("a", ["a"]),
        ("a\nb", ["a", "b"]),
        ("a\n", ["a", ""]),
        ("\n", ["", ""]),
        ("a\r\nb\r\n", ["a", "b", ""]),
        ("a\rb\r", ["a", "b", ""]),
        ("\r\r\n\n", ["", "", "", ""]),
        ("a\n\r\nb\rc", ["a", "", "b", "c"]),
        // libyaml also ends lines at NEL, LS and PS, so its line numbers count them.
        ("a\u{85}b\u{2028}c\u{2029}d", ["a", "b", "c", "d"]),
        // A byte order mark is not part of line 1 (libyaml does not count it as a column).
        ("\u{FEFF}a: 1\n", ["a: 1", ""]),
        ("x\u{FEFF}", ["x\u{FEFF}"]),
        ("tab\there\n", ["tab\there", ""]),
    ] as [(String, [String])])
    func splitsLines(text: String, expected: [String]) {
        let source = SourceText(file: "f.yaml", text: text)
        #expect(source.lines.map(String.init) == expected)
    }

    @Test func invalidUTF8IsRepaired() {
        let source = SourceText(file: "f.yaml", bytes: [0x61, 0xFF, 0x0A, 0x62, 0xC3])
        #expect(source.lines.map(String.init) == ["a\u{FFFD}", "b\u{FFFD}"])
    }

    @Test func lineLookupIsOneBased() {
        let source = SourceText(file: "f.yaml", text: "one\ntwo\n")
        #expect(source.line(0) == nil)
        #expect(source.line(1) == "one")
        #expect(source.line(2) == "two")
        #expect(source.line(3) == "")
        #expect(source.line(4) == nil)
        #expect(source.line(-1) == nil)
    }

    /// The text is split when first asked for, once, whichever copy and thread asks.
    @Test func linesAreSplitOnDemandFromAnyThread() async {
        let source = SourceText(file: "f.yaml", bytes: Array("a: 1\r\nb: 2\nc".utf8))
        let copy = source
        let results = await withTaskGroup(of: [String].self) { group in
            for index in 0..<32 {
                group.addTask { (index.isMultiple(of: 2) ? source : copy).lines.map(String.init) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == ["a: 1", "b: 2", "c"] })
        #expect(source.line(2) == "b: 2")
    }

    @Test func storeFindsTextsByFile() {
        var store = SourceStore([SourceText(file: "a.yaml", text: "old")])
        store.add(SourceText(file: "a.yaml", text: "new"))
        store.add(SourceText(file: "b.yaml", text: "b"))
        #expect(store["a.yaml"]?.line(1) == "new")
        #expect(store["b.yaml"]?.line(1) == "b")
        #expect(store["c.yaml"] == nil)
    }
}

@Suite struct DiagnosticReportTests {
    private let code = DiagnosticCode("SB2099", title: "test")

    private func errors(_ count: Int, in file: String, severity: Severity = .error) -> [Diagnostic] {
        (1...count).map { line in
            Diagnostic(severity, code, "problem \(line)", at: Fixture.span(file, line, 1, 2))
        }
    }

    @Test func perFileCap() throws {
        let report = DiagnosticReport(diagnostics: errors(60, in: "big.yaml").shuffled(), fileCount: 1)
        #expect(report.diagnostics.count == 51)
        #expect(report.errorCount == 60)
        #expect(report.warningCount == 0)
        #expect(report.hiddenCount == 10)
        #expect(report.hasErrors)
        #expect(report.diagnostics.prefix(50).map(\.span.start.line) == Array(1...50))
        let note = try #require(report.diagnostics.last)
        #expect(note.code == .tooManyDiagnostics)
        #expect(note.code.id == "SB0002")
        #expect(note.severity == .note)
        #expect(note.message == "10 more diagnostics in big.yaml not shown")
        #expect(note.message.contains("10 more"))
        #expect(note.span == Fixture.span("big.yaml", 51, 1, 2), "points at the first one not shown")
        #expect(report.summary == "1 file checked: 60 errors, 0 warnings")
    }

    @Test func capIsPerFileAndTheNoteFollowsItsFile() {
        let report = DiagnosticReport(
            diagnostics: errors(3, in: "b.yaml") + errors(5, in: "a.yaml", severity: .warning) + errors(1, in: "c.yaml"),
            fileCount: 3, perFileLimit: 2
        )
        #expect(report.diagnostics.map { "\($0.span.file) \($0.code.id)" } == [
            "a.yaml SB2099", "a.yaml SB2099", "a.yaml SB0002",
            "b.yaml SB2099", "b.yaml SB2099", "b.yaml SB0002",
            "c.yaml SB2099",
        ])
        #expect(report.diagnostics[2].message == "3 more diagnostics in a.yaml not shown")
        #expect(report.diagnostics[5].message == "1 more diagnostic in b.yaml not shown")
        #expect(report.errorCount == 4)
        #expect(report.warningCount == 5)
        #expect(report.hiddenCount == 4)
        #expect(report.summary == "3 files checked: 4 errors, 5 warnings")
    }

    @Test func exactlyAtTheLimitNothingIsHidden() {
        let report = DiagnosticReport(diagnostics: errors(50, in: "a.yaml"), fileCount: 1)
        #expect(report.diagnostics.count == 50)
        #expect(!report.diagnostics.contains { $0.code == .tooManyDiagnostics })
        #expect(report.hiddenCount == 0)
    }

    @Test func theCapNoteRendersInEveryFormat() {
        let report = DiagnosticReport(diagnostics: errors(3, in: "a.yaml"), fileCount: 1, perFileLimit: 1)
        #expect(ShortRenderer().render(report) == """
            a.yaml:1:1: error[SB2099]: problem 1
            a.yaml:2:1: note[SB0002]: 2 more diagnostics in a.yaml not shown

            """)
        #expect(HumanRenderer(colors: false).render(report) == """
            error[SB2099]: problem 1
             --> a.yaml:1:1

            note[SB0002]: 2 more diagnostics in a.yaml not shown
             --> a.yaml:2:1: the first one not shown
              = help: fix the problems above and run again; the first ones often cause the rest

            1 file checked: 3 errors, 0 warnings

            """)
    }

    @Test func orderIsSourceOrderWhateverTheInputOrder() {
        let diagnostics = Fixture.diagnostics
        let forward = DiagnosticReport(diagnostics: diagnostics, fileCount: 3).diagnostics
        let backward = DiagnosticReport(diagnostics: diagnostics.reversed(), fileCount: 3).diagnostics
        #expect(forward == backward)
        #expect(forward == forward.sorted())
        #expect(forward.map(\.span) == forward.map(\.span).sorted())
    }

    @Test func ordersTiesByTheRestOfTheDiagnostic() {
        let span = Fixture.span("a.yaml", 1, 1, 2)
        let a = Diagnostic(.warning, code, "same", at: span, label: "b")
        let b = Diagnostic(.error, code, "same", at: span, label: "z")
        let c = Diagnostic(.error, code, "same", at: span, label: "a")
        let d = Diagnostic(.error, code, "same", at: span)
        #expect([a, b, c, d].sorted() == [d, c, b, a])
        #expect([d, c, b, a].sorted() == [d, c, b, a])
        #expect(!(d < d))
    }

    @Test func summaryPluralization() {
        let one = DiagnosticReport(
            diagnostics: [.error(code, "e", at: .wholeFile("a")), .warning(code, "w", at: .wholeFile("a"))],
            fileCount: 1
        )
        #expect(one.summary == "1 file checked: 1 error, 1 warning")
        #expect(DiagnosticReport(diagnostics: [], fileCount: 0).summary == "0 files checked: 0 errors, 0 warnings")
    }

    @Test func spanDescriptionIsTheEditorLink() {
        #expect(Fixture.span("dir/a.yaml", 12, 3, 5).description == "dir/a.yaml:12:3")
        #expect("\(Fixture.span("a.yaml", 1, 2, 3))" == "a.yaml:1:2")
    }
}
