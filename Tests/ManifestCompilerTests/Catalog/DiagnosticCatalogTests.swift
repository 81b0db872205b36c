import Diagnostics
import Foundation
import Testing
@testable import ManifestCompiler

/// The catalogue behind `switchboard explain`: complete, and every example does what its entry says.
@Suite struct DiagnosticCatalogTests {
    /// Every code declared anywhere in `Sources/`, found by reading the source files, so a new code
    /// without an explanation fails this test instead of going unnoticed.
    static let declaredCodes: [String: Set<String>] = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        var found: [String: Set<String>] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Catalog/") } ?? []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let ids = text.matches(of: #/DiagnosticCode\(\s*"(SB[0-9]{4})"/#).map { String($0.output.1) }
            if !ids.isEmpty {
                found[String(file.path.dropFirst(sources.path.count + 1)), default: []].formUnion(ids)
            }
        }
        return found
    }()

    static let withExamples = DiagnosticCatalog.all.filter { $0.badExample != nil }.map(\.code.id)

    private static func entry(_ id: String) throws -> DiagnosticExplanation {
        try #require(DiagnosticCatalog.explanation(for: id))
    }

    private static func check(_ example: String) -> [Diagnostic] {
        ManifestChecker().check([ManifestInput(name: DiagnosticExplanation.exampleFileName, text: example)])
            .diagnostics.sorted()
    }

    // MARK: - Complete

    @Test func theThreeCodeFilesAreFound() {
        let files = Set(Self.declaredCodes.keys)
        #expect(files.isSuperset(of: [
            "Diagnostics/DiagnosticCode.swift", "YAMLSource/YAMLDiagnosticCodes.swift",
            "ManifestCompiler/Decoding/ManifestDiagnosticCodes.swift",
        ]))
        #expect(Self.declaredCodes["Diagnostics/DiagnosticCode.swift"] == ["SB0001", "SB0002"])
        #expect(Self.declaredCodes["YAMLSource/YAMLDiagnosticCodes.swift"]?.count == 10)
    }

    @Test func everyDeclaredCodeHasExactlyOneExplanation() {
        let declared = Self.declaredCodes.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let explained = DiagnosticCatalog.all.map(\.code.id)
        #expect(Set(explained) == declared)
        #expect(explained.count == Set(explained).count, "a code is explained twice")
        #expect(explained == explained.sorted())
    }

    @Test func onlyTheRunCodesGoWithoutExamples() {
        let without = DiagnosticCatalog.all.filter { $0.badExample == nil || $0.fixedExample == nil }.map(\.code.id)
        #expect(without == ["SB0001", "SB0002"])
        for entry in DiagnosticCatalog.all where without.contains(entry.code.id) {
            #expect(entry.badExample == nil && entry.fixedExample == nil)
        }
    }

    @Test func everySummaryIsOneParagraph() {
        for entry in DiagnosticCatalog.all {
            #expect(entry.summary.count > 150, "\(entry.code.id) summary is too short")
            #expect(!entry.summary.contains("\n"), "\(entry.code.id) summary is more than one line")
            #expect(!entry.summary.contains("  "), "\(entry.code.id) summary has a double space")
        }
    }

    // MARK: - Examples behave as stated

    @Test(arguments: withExamples)
    func badExampleProducesItsCode(_ id: String) throws {
        let entry = try Self.entry(id)
        let diagnostics = Self.check(try #require(entry.badExample))
        let own = diagnostics.filter { $0.code == entry.code }
        #expect(!own.isEmpty, "\(id): \(diagnostics.map { "\($0.code.id) \($0.message)" })")
        #expect(own.allSatisfy { $0.severity == entry.severity })
    }

    /// Any other code the bad example produces is named in the entry's notes, so the explanation
    /// says what the reader will see.
    @Test(arguments: withExamples)
    func badExampleProducesNoUnexplainedOtherCode(_ id: String) throws {
        let entry = try Self.entry(id)
        let others = Set(Self.check(try #require(entry.badExample)).map(\.code.id)).subtracting([id])
        let notes = entry.notes.joined(separator: " ")
        for other in others.sorted() {
            #expect(notes.contains("`\(other)`"), "\(id): the bad example also produces \(other), which the notes do not mention")
        }
    }

    @Test(arguments: withExamples)
    func fixedExampleIsClean(_ id: String) throws {
        let entry = try Self.entry(id)
        let diagnostics = Self.check(try #require(entry.fixedExample))
        #expect(!diagnostics.contains { $0.code == entry.code })
        #expect(!diagnostics.contains { $0.severity == .error })
        // Warnings are avoided too: a fixed example is a manifest to copy.
        #expect(diagnostics.isEmpty, "\(id): \(diagnostics.map { "\($0.code.id) \($0.message)" })")
    }

    @Test func runCodeNotesMatchWhatTheRunReports() throws {
        // SB0001: the command line of the entry, and what it prints.
        let command = try #require(try Self.entry("SB0001").commandExample).split(separator: "\n")
        #expect(command.first == "$ switchboard check --format short missing.yaml")
        let missing = ManifestFileFinder().find(["missing.yaml"]).problems
        #expect(missing.map { ShortRenderer().render($0) } == command.dropFirst().map(String.init))
        #expect(missing.first?.severity == (try Self.entry("SB0001")).severity)
        #expect(DiagnosticCatalog.all.filter { $0.commandExample != nil }.map(\.code.id) == ["SB0001"])

        // SB0002: any file with more problems than the limit.
        let manyProblems = "providers:\n" + (1...51).map { "  - { name: p\($0), server: sip.example, enabled: yes }\n" }.joined()
        let result = ManifestChecker().check([ManifestInput(name: "many.yaml", text: manyProblems)])
        let report = DiagnosticReport(diagnostics: result.diagnostics, sources: result.sources, fileCount: 1)
        let note = try #require(report.diagnostics.first { $0.code == .tooManyDiagnostics })
        #expect(note.severity == (try Self.entry("SB0002")).severity)
    }

    // MARK: - Lookup

    @Test func lookupAcceptsTheCodeInAnyCaseOrJustItsNumber() {
        for query in ["SB2011", "sb2011", "Sb2011", "2011", " SB2011\n"] {
            #expect(DiagnosticCatalog.explanation(for: query)?.code == .duplicateName, "\(query)")
        }
        #expect(DiagnosticCatalog.explanation(for: "0001")?.code == .unreadableInput)
        for query in ["SB9999", "SB", "", "SB20111", "duplicate", "SB-2011", "211"] {
            #expect(DiagnosticCatalog.explanation(for: query) == nil, "\(query)")
        }
    }

    @Test func closestCodeForAnUnknownQuery() {
        #expect(DiagnosticCatalog.closestCode(to: "SB9999")?.id == "SB2073")
        #expect(DiagnosticCatalog.closestCode(to: "SB2016")?.id == "SB2014")
        #expect(DiagnosticCatalog.closestCode(to: "SB2110")?.id == "SB2010")
        #expect(DiagnosticCatalog.closestCode(to: "2074")?.id == "SB2073")
        #expect(DiagnosticCatalog.closestCode(to: "SB0003")?.id == "SB0002")
        #expect(DiagnosticCatalog.closestCode(to: "alias")?.id == "SB1005")
        #expect(DiagnosticCatalog.closestCode(to: "nothing like it") == nil)
    }
}
