import Diagnostics
import Testing

@Suite struct HumanRendererTests {
    private func render(_ diagnostics: [Diagnostic], _ texts: [SourceText], colors: Bool = false) -> String {
        let report = DiagnosticReport(diagnostics: diagnostics, sources: SourceStore(texts), fileCount: texts.count)
        return HumanRenderer(colors: colors, showsSummary: false).render(report)
    }

    @Test func goldenReport() {
        let expected = """
            error[SB2070]: lines must be a number, not `four`
              --> samples/broken/dup.yaml:5:12
               |
             5 |     lines: four
               |            ^^^^ not a number
               |
              ::: samples/broken/dup.yaml:15:5
               |
            15 |     type: standard
               |     ---- provider `acme` has a number here

            warning[SB2020]: password of provider `beta` is written in plain text
             --> samples/broken/dup.yaml:6:15
              |
            6 |     password: "hunter2"
              |               ^^^^^^^^^ plaintext password
              = help: use a reference: password: { env: BETA_PASSWORD }

            error[SB2060]: caller_id `+7495x` is not a phone number
             --> samples/broken/dup.yaml:7:13
              |
            7 |     caller_id: +7495x
              |                ^^^^^^ not a phone number

            note[SB2030]: `yes` is read as the string "yes" here
             --> samples/broken/dup.yaml:9:17
              |
            8 |     calls:
              |     ----- in this mapping
            9 |       incoming: yes
              |                 ^^^
              = note: YAML 1.1 reads `yes` as true;
                      this field wants true or false

            error[SB2011]: provider name `acme` is defined twice
              --> samples/broken/dup.yaml:12:11
               |
            12 |   - name: acme
               |           ^^^^ defined again here
               |
              ::: samples/office.yaml:3:11
               |
             3 |   - name: acme
               |           ---- first defined here
               = note: names are unique across all manifest files
               = help: rename one of them

            error[SB2040]: server must be host[:port], not a folded block
              --> samples/broken/dup.yaml:13:13
               |
            13 |     server: >
               |             ^ this value

            error[SB2050]: provider `acme` is of type standard but has no login
              --> samples/broken/dup.yaml:15:19
               |
            15 |     type: standard
               |                   ^ expected `login` and `password` after this

            error[SB0001]: cannot read samples/missing.yaml: permission denied
             --> samples/missing.yaml:1:1

            warning[SB2080]: unknown key `lnies`
             --> samples/office.yaml:40:5: did you mean `lines`?

            3 files checked: 6 errors, 2 warnings

            """
        #expect(HumanRenderer(colors: false).render(Fixture.report) == expected)
    }

    @Test func theExampleOfTheBrief() {
        let report = DiagnosticReport(
            diagnostics: Fixture.diagnostics.filter { $0.code == Fixture.duplicateName },
            sources: Fixture.sources, fileCount: 2
        )
        #expect(HumanRenderer(colors: false, showsSummary: false).render(report) == """
            error[SB2011]: provider name `acme` is defined twice
              --> samples/broken/dup.yaml:12:11
               |
            12 |   - name: acme
               |           ^^^^ defined again here
               |
              ::: samples/office.yaml:3:11
               |
             3 |   - name: acme
               |           ---- first defined here
               = note: names are unique across all manifest files
               = help: rename one of them

            """)
    }

    @Test func twoLabelsOnOneLine() {
        let text = SourceText(file: "a.yaml", text: "calls: { incoming: true, incoming: false }\n")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB1004", title: "duplicate key"), "key `incoming` is repeated",
            at: Fixture.span("a.yaml", 1, 26, 34), label: "repeated here",
            related: [.init("first here", at: Fixture.span("a.yaml", 1, 10, 18))]
        )
        #expect(render([diagnostic], [text]) == """
            error[SB1004]: key `incoming` is repeated
             --> a.yaml:1:26
              |
            1 | calls: { incoming: true, incoming: false }
              |          --------        ^^^^^^^^ repeated here
              |          |
              |          first here

            """)
    }

    @Test func threeLabelsOnOneLineHangInOrder() {
        let text = SourceText(file: "a.yaml", text: "to: [a, b, c]")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2099", title: "test"), "three", at: Fixture.span("a.yaml", 1, 12, 13),
            label: "third",
            related: [
                .init("first", at: Fixture.span("a.yaml", 1, 6, 7)),
                .init("second", at: Fixture.span("a.yaml", 1, 9, 10)),
            ]
        )
        #expect(render([diagnostic], [text]) == """
            error[SB2099]: three
             --> a.yaml:1:12
              |
            1 | to: [a, b, c]
              |      -  -  ^ third
              |      |  |
              |      |  second
              |      |
              |      first

            """)
    }

    @Test func nearbyLinesShareASnippetWithContextOrAGap() {
        let text = SourceText(file: "a.yaml", text: "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n")
        let diagnostic = Diagnostic.warning(
            DiagnosticCode("SB2099", title: "test"), "spans", at: Fixture.span("a.yaml", 3, 1, 2),
            label: "here",
            related: [
                .init("one line between", at: Fixture.span("a.yaml", 1, 1, 2)),
                .init("two lines between", at: Fixture.span("a.yaml", 6, 1, 2)),
            ]
        )
        #expect(render([diagnostic], [text]) == """
            warning[SB2099]: spans
             --> a.yaml:3:1
              |
            1 | a: 1
              | - one line between
            2 | b: 2
            3 | c: 3
              | ^ here
            ...
            6 | f: 6
              | - two lines between

            """)
    }

    @Test func tabsAreSpacesAndTheCaretStaysUnderItsCharacter() {
        let text = SourceText(file: "t.yaml", text: "\tkey:\tvalue")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB1001", title: "tab"), "tab", at: Fixture.span("t.yaml", 1, 7, 12), label: "value"
        )
        #expect(render([diagnostic], [text]) == """
            error[SB1001]: tab
             --> t.yaml:1:7
              |
            1 |     key:    value
              |             ^^^^^ value

            """)
    }

    @Test func wideAndCombiningCharactersKeepTheCaretAligned() {
        let text = SourceText(file: "w.yaml", text: "名前: acme\ntitle: \"東京\"\ncafe\u{301}: x\n")
        let code = DiagnosticCode("SB2099", title: "test")
        let rendered = render([
            .error(code, "after wide", at: Fixture.span("w.yaml", 1, 5, 9), label: "a"),
            .error(code, "wide", at: Fixture.span("w.yaml", 2, 8, 12), label: "b"),
            .error(code, "after combining", at: Fixture.span("w.yaml", 3, 8, 9), label: "c"),
        ], [text])
        #expect(rendered == """
            error[SB2099]: after wide
             --> w.yaml:1:5
              |
            1 | 名前: acme
              |       ^^^^ a

            error[SB2099]: wide
             --> w.yaml:2:8
              |
            2 | title: "東京"
              |        ^^^^^^ b

            error[SB2099]: after combining
             --> w.yaml:3:8
              |
            3 | cafe\u{301}: x
              |       ^ c

            """)
    }

    @Test func unusualScalarsDoNotCrash() {
        let text = SourceText(file: "u.yaml", text: "k: 👍🏽 🇩🇪 \u{200D}\u{FE0F} \u{10FFFF} e\u{301}\u{302}\u{303}")
        for column in 0...20 {
            let rendered = render([
                .error(DiagnosticCode("SB2099", title: "test"), "x", at: Fixture.span("u.yaml", 1, column, column + 3), label: "l"),
            ], [text])
            #expect(rendered.contains("^"))
        }
    }

    @Test func controlCharactersInTheInputCannotReachTheTerminal() {
        let text = SourceText(file: "c.yaml", text: "name: \u{1B}[31mred\u{7}\u{202E}x")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2099", title: "test"), "bad name `\u{1B}[31mred`", at: Fixture.span("c.yaml", 1, 7, 15),
            label: "label \u{1B}[0m", notes: ["note \u{1B}]0;title\u{7}"]
        )
        let rendered = render([diagnostic], [text])
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(rendered == """
            error[SB2099]: bad name `\u{241B}[31mred`
             --> c.yaml:1:7
              |
            1 | name: \u{241B}[31mred\u{2407}\u{FFFD}x
              |       ^^^^^^^^ label \u{241B}[0m
              = note: note \u{241B}]0;title\u{2407}

            """)
    }

    @Test func emptySpansAndColumnsPastTheEndGetOneCaretAfterTheLine() {
        let text = SourceText(file: "e.yaml", text: "key:\n")
        let code = DiagnosticCode("SB1002", title: "test")
        #expect(render([
            .error(code, "end of stream", at: Fixture.span("e.yaml", 2, 1, 1)),
            .error(code, "past the end", at: Fixture.span("e.yaml", 1, 30, 31), label: "here"),
        ], [text]) == """
            error[SB1002]: past the end
             --> e.yaml:1:30
              |
            1 | key:
              |     ^ here

            error[SB1002]: end of stream
             --> e.yaml:2:1
              |
            2 |
              | ^

            """)
    }

    @Test func aMultiLineSpanIsUnderlinedToTheEndOfItsFirstLine() {
        let text = SourceText(file: "m.yaml", text: "server: \"sip.acme\n  .example\"\n")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2040", title: "test"), "multi", at: Fixture.span("m.yaml", 1, 9, 2, 12), label: "this"
        )
        #expect(render([diagnostic], [text]) == """
            error[SB2040]: multi
             --> m.yaml:1:9
              |
            1 | server: "sip.acme
              |         ^^^^^^^^^ this

            """)
    }

    @Test func missingSourcesPrintTheLocationAndLabelOnly() {
        let text = SourceText(file: "short.yaml", text: "a: 1\n")
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2099", title: "test"), "far", at: Fixture.span("short.yaml", 9, 1, 2),
            label: "nothing to quote",
            related: [
                .init("not loaded", at: Fixture.span("gone.yaml", 3, 1, 2)),
                .init("quotable", at: Fixture.span("short.yaml", 1, 4, 5)),
            ],
            help: "check the file"
        )
        #expect(render([diagnostic], [text]) == """
            error[SB2099]: far
             --> short.yaml:9:1: nothing to quote
             ::: gone.yaml:3:1: not loaded
             ::: short.yaml:1:4
              |
            1 | a: 1
              |    - quotable
              = help: check the file

            """)
    }

    @Test func multiLineMessagesAndEmptyNoteLines() {
        let diagnostic = Diagnostic.error(
            DiagnosticCode("SB2099", title: "test"), "first line\nsecond line", at: .wholeFile("x.yaml"),
            notes: ["a\n\nb"]
        )
        #expect(render([diagnostic], []) == """
            error[SB2099]: first line
            second line
             --> x.yaml:1:1
              = note: a

                      b

            """)
    }

    @Test func colorsOnlyWhenAsked() {
        let plain = HumanRenderer(colors: false).render(Fixture.report)
        #expect(!plain.contains("\u{1B}"))
        let colored = HumanRenderer(colors: true).render(Fixture.report)
        #expect(colored.contains("\u{1B}[1;31merror[SB2011]\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;33mwarning[SB2020]\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;36mnote[SB2030]\u{1B}[0m"))
        // Stripping the escapes gives the plain output back.
        #expect(colored.replacing(#/\x1B\[[0-9;]*m/#, with: "") == plain)
    }

    @Test func goldenColors() {
        let text = SourceText(file: "a.yaml", text: "name: x\n")
        let diagnostic = Diagnostic.warning(
            DiagnosticCode("SB2099", title: "test"), "short name", at: Fixture.span("a.yaml", 1, 7, 8),
            label: "here", related: [.init("key", at: Fixture.span("a.yaml", 1, 1, 5))], notes: ["n"], help: "h"
        )
        let esc = "\u{1B}"
        #expect(render([diagnostic], [text], colors: true) == """
            \(esc)[1;33mwarning[SB2099]\(esc)[0m\(esc)[1m: short name\(esc)[0m
             \(esc)[1;34m-->\(esc)[0m a.yaml:1:7
              \(esc)[1;34m|\(esc)[0m
            \(esc)[1;34m1 |\(esc)[0m name: x
              \(esc)[1;34m|\(esc)[0m \(esc)[1;34m----\(esc)[0m  \(esc)[1;33m^\(esc)[0m \(esc)[1;33mhere\(esc)[0m
              \(esc)[1;34m|\(esc)[0m \(esc)[1;34m|\(esc)[0m
              \(esc)[1;34m|\(esc)[0m \(esc)[1;34mkey\(esc)[0m
              \(esc)[1;34m=\(esc)[0m \(esc)[1;36mnote\(esc)[0m: n
              \(esc)[1;34m=\(esc)[0m \(esc)[1;36mhelp\(esc)[0m: h

            """)
    }

    @Test func emptyReport() {
        let report = DiagnosticReport(diagnostics: [], fileCount: 2)
        #expect(HumanRenderer(colors: false).render(report) == "2 files checked: 0 errors, 0 warnings\n")
        #expect(HumanRenderer(colors: false, showsSummary: false).render(report) == "")
    }

    @Test(arguments: [
        (true, [:], true),
        (false, [:], false),
        (true, ["TERM": "xterm-256color"], true),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": ""], false),
        (true, ["NO_COLOR": "0", "TERM": "xterm"], false),
        (true, ["TERM": "dumb"], false),
        (false, ["TERM": "xterm-256color"], false),
    ] as [(Bool, [String: String], Bool)])
    func shouldUseColors(isTTY: Bool, environment: [String: String], expected: Bool) {
        #expect(HumanRenderer.shouldUseColors(isTTY: isTTY, environment: environment) == expected)
    }
}
