import ArgumentParser
import ManifestCompiler
import Testing
@testable import SwitchboardCLI

/// `switchboard explain CODE` and `--list`, run in-process with a captured console.
@Suite struct ExplainCommandTests {
    private func explain(_ code: String) -> (status: Int32, output: String, errors: String) {
        let console = Console.capturing()
        let status = ExplainRunner().explain(code, console: console)
        return (status.rawValue, console.output, console.errors)
    }

    @Test func explainsACodeWithTheDiagnosticItsExampleProduces() {
        let result = explain("SB2011")
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output == """
            SB2011: name defined twice

            Two providers, extensions or rules of the same kind have the same name, in one
            file or across files (sections merge across all files of a manifest set). Rules
            refer to providers and extensions by name, so a repeated name would make them
            mean one object or the other depending on file order. Both places are shown: the
            repeat as the error, the first definition as a related place.

            Example that triggers it:

                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: acme
                    server: sip.citylink.example
                    login: "2125550100"
                    password: { env: CITYLINK_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }

            `switchboard check --format short` reports for it:

                example.yaml:6:11: error[SB2011]: provider name `acme` is defined twice

            Fixed:

                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: citylink
                    server: sip.citylink.example
                    login: "2125550100"
                    password: { env: CITYLINK_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }

            """)
    }

    @Test func acceptsLowerCaseAndTheBareNumber() {
        let expected = explain("SB2011").output
        #expect(explain("sb2011").output == expected)
        #expect(explain("2011").output == expected)
    }

    @Test func notesAreListedAndOtherDiagnosticsOfTheExampleShown() {
        let output = explain("SB2065").output
        #expect(output.contains("""
                example.yaml:16:11: error[SB2065]: outbound rule `mobile` has no route that can be used
                example.yaml:18:14: warning[SB2062]: outbound rule `mobile` routes through `backup`, which is disabled
            """))
        #expect(output.contains("\nNotes:\n\n  - the bad example also gets the warning `SB2062`"))
    }

    @Test func codesWithoutExamplesPrintSummaryAndNotes() {
        let result = explain("SB0001")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("SB0001: input cannot be read\n\n"))
        #expect(result.output.contains("""
            Example that triggers it:

                $ switchboard check --format short missing.yaml
                missing.yaml:1:1: error[SB0001]: no such file or folder: missing.yaml

            Notes:
            """))
        #expect(!result.output.contains("Fixed:"))
        let tooMany = explain("SB0002")
        #expect(tooMany.status == 0)
        #expect(!tooMany.output.contains("Example"))
        #expect(tooMany.output.contains("\nNotes:\n\n  - "))
    }

    /// Every explanation prints, and for every example the printed diagnostics include its code.
    @Test func everyCodeExplains() {
        for entry in DiagnosticCatalog.all {
            let result = explain(entry.code.id)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("\(entry.code.id): \(entry.code.title)\n"))
            if entry.badExample != nil {
                #expect(result.output.contains(": \(entry.severity.rawValue)[\(entry.code.id)]: "), "\(entry.code.id)")
            }
            for line in result.output.split(separator: "\n") where !line.hasPrefix("    ") {
                #expect(line.count <= ExplainRunner.width, "\(entry.code.id): \(line)")
            }
        }
    }

    @Test func controlCharactersOfAnExampleAreShownVisibly() {
        let output = explain("SB1002").output
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(output.contains("title: \"Acme \u{241B}[1mTelecom\""))
    }

    @Test func unknownCodeExitsTwoWithTheClosestCode() {
        let result = explain("SB9999")
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors == """
            switchboard: unknown diagnostic code `SB9999`; did you mean `SB2073` (generated inbound rule without a destination)?
            every code and its title: `switchboard explain --list`

            """)
        #expect(explain("sb2016").errors.hasPrefix("switchboard: unknown diagnostic code `SB2016`; did you mean `SB2014`"))
        let gibberish = explain("xyzzy")
        #expect(gibberish.status == 2)
        #expect(gibberish.errors.hasPrefix("switchboard: unknown diagnostic code `xyzzy`\n"))
    }

    @Test func listPrintsEveryCodeWithItsTitle() {
        let console = Console.capturing()
        #expect(ExplainRunner().list(console: console) == ExitStatus.success)
        let lines = console.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == DiagnosticCatalog.all.count)
        #expect(lines.first == "SB0001  error    input cannot be read")
        #expect(lines.contains("SB2011  error    name defined twice"))
        #expect(lines.contains("SB2023  warning  registration IP is not a public address"))
        #expect(lines.contains("SB0002  note     too many diagnostics in one file"))
        #expect(zip(lines, DiagnosticCatalog.all).allSatisfy { $0.hasPrefix($1.code.id + "  ") && $0.hasSuffix($1.code.title) })
    }

    @Test func commandLineParsing() throws {
        let parsed = try Switchboard.parseAsRoot(["explain", "sb2011"])
        #expect((parsed as? ExplainCommand)?.code == "sb2011")
        #expect((try Switchboard.parseAsRoot(["explain", "--list"]) as? ExplainCommand)?.list == true)
        #expect(throws: (any Error).self) { try Switchboard.parseAsRoot(["explain"]) }
        #expect(throws: (any Error).self) { try Switchboard.parseAsRoot(["explain", "SB2011", "--list"]) }
    }

    @Test func executableExitStatuses() throws {
        let explained = try runSwitchboard(["explain", "SB2011"])
        #expect(explained.status == 0)
        #expect(explained.output.hasPrefix("SB2011: name defined twice\n"))
        let unknown = try runSwitchboard(["explain", "SB9999"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("unknown diagnostic code `SB9999`; did you mean `SB2073`"))
        #expect(try runSwitchboard(["explain", "--list"]).status == 0)
        #expect(try runSwitchboard(["explain"]).status == 2)
    }
}
