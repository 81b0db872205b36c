import Diagnostics
import Foundation
import Testing
import YAMLSource
@testable import ManifestCompiler

/// A large file is cut between the entries of its top-level lists and its parts decoded in
/// parallel (`ManifestParts`, `PartsDecoding`); these tests hold that to reading the file whole.
@Suite struct ManifestPartsTests {
    /// Small enough that the test files below are cut into many parts.
    private let small = ManifestPartSizes(minimumFileBytes: 1, minimumPartBytes: 512)

    /// A clean manifest of `count` providers written in the ways a list entry can be: comments
    /// and blank lines between entries, multi-line plain and block scalars, a flow mapping over
    /// two lines, quoted text with `#` and `- `, nested lists; then extensions, rules and
    /// `defaults` after the providers, so that sections land in later parts.
    private func manifest(providers count: Int, listIndent: String = "  ") -> String {
        var text = "# A generated manifest\nversion: 1\nproviders:\n"
        let field = listIndent + "  "
        for index in 0..<count {
            if index % 9 == 4 { text += "\n\(listIndent)# provider \(index) follows\n" }
            text += "\(listIndent)- name: p\(index)\n"
            text += "\(field)server: sip\(index).example:\(5060 + index % 7)\n"
            text += "\(field)login: \"\(1000 + index)\"\n"
            switch index % 5 {
            case 0: text += "\(field)password: { env: P\(index)_PASSWORD }\n"
            case 1: text += "\(field)password: {\n\(field)  file: /run/secrets/p\(index) }\n"
            case 2: text += "\(field)password:\n\(field)  env: P\(index)_PASSWORD\n"
            case 3: text += "\(field)password: { env: P\(index)_PASSWORD }  # with a comment\n"
            default: text += "\(field)password: { env: \"P\(index)_PASSWORD\" }\n"
            }
            switch index % 4 {
            case 0: text += "\(field)title: Provider \(index)\n\(field)  continued on a second line\n"
            case 1: text += "\(field)title: >-\n\(field)  Folded title\n\(field)  - of provider \(index)\n"
            case 2: text += "\(field)title: \"Quoted # \(index) - not a list\"\n"
            default: break
            }
            if index % 6 == 5 { text += "\(field)lines: \(index % 30 + 1)\n" }
        }
        text += "extensions:\n"
        for index in 0..<(count / 10 + 2) {
            text += "  - number: \"\(100 + index)\"\n    password: { env: E\(index) }\n"
        }
        text += "inbound:\n  - name: main\n    to: { extensions: [\"100\"] }\n"
        text += "outbound:\n  - name: out\n    starts_with: [\"0\"]\n    routes:\n      - provider: p0\n"
        text += "defaults:\n  inbound_destination: { extensions: [\"101\"] }\n"
        return text
    }

    private func decodedWhole(_ text: String) -> DecodedFile {
        DecodedFile(ManifestInput(name: "big.yaml", text: text), reader: YAMLReader(), partSizes: .never)
    }

    private func decodedInParts(_ text: String) -> DecodedFile {
        DecodedFile(ManifestInput(name: "big.yaml", text: text), reader: YAMLReader(), partSizes: small)
    }

    @Test(arguments: ["  ", ""])
    func partsGiveTheManifestOfTheWholeFile(listIndent: String) throws {
        let text = manifest(providers: 300, listIndent: listIndent)
        let parts = try #require(ManifestParts.cut(Array(text.utf8), into: 8, sizes: small))
        #expect(parts.count == 8)
        let whole = decodedWhole(text)
        #expect(whole.readDiagnostics.isEmpty && whole.decodeDiagnostics.isEmpty, "\(whole.decodeDiagnostics)")
        let inParts = decodedInParts(text)
        #expect(inParts.readDiagnostics.isEmpty && inParts.decodeDiagnostics.isEmpty)
        #expect(whole.manifest.providers.count == 300)
        // Spans included: every object keeps the line and column it has in the file.
        #expect(dumped(inParts.manifest) == dumped(whole.manifest))
        // Both know the file has `defaults`, to be read again after another file's settings.
        #expect(inParts.inputWithSettings != nil && whole.inputWithSettings != nil)
        let settingsStart = try #require(text.range(of: "defaults:\n")).lowerBound
        let withoutSettings = String(text[..<settingsStart])
        #expect(decodedInParts(withoutSettings).inputWithSettings == nil)
        #expect(decodedWhole(withoutSettings).inputWithSettings == nil)
    }

    @Test func partsAreTheFileCutBetweenEntries() throws {
        let text = manifest(providers: 120)
        let bytes = Array(text.utf8)
        let parts = try #require(ManifestParts.cut(bytes, into: 5, sizes: small))
        #expect(parts.count == 5)
        #expect(parts[0].lineOffset == 0)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var rejoined = parts[0].bytes
        for part in parts.dropFirst() {
            let partLines = String(decoding: part.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            // A line naming the list, then the file from an entry's line on, at its own number.
            #expect(partLines[0] == "providers:")
            #expect(partLines[1].hasPrefix("  - name: "))
            #expect(lines[part.lineOffset + 1] == partLines[1])
            rejoined += part.bytes.drop(while: { $0 != UInt8(ascii: "\n") }).dropFirst()
        }
        #expect(rejoined == bytes)
    }

    @Test func smallFilesAndFewPartsAreReadWhole() {
        let bytes = Array(manifest(providers: 40).utf8)
        #expect(ManifestParts.cut(bytes, into: 4) == nil)  // far below the default sizes
        #expect(ManifestParts.cut(bytes, into: 1, sizes: small) == nil)
        #expect(ManifestParts.cut(bytes, into: 4, sizes: .never) == nil)
    }

    /// Shapes the line scan cannot vouch for: the file is read whole.
    @Test(arguments: [
        ("an alias", "  - name: p5\n", "  - name: p5\n    title: *a\n"),
        ("CRLF line ends", "  - name: p5\n", "  - name: p5\r\n"),
        ("a document marker", "extensions:\n", "---\nextensions:\n"),
        ("a directive", "# A generated manifest\n", "%YAML 1.2\n---\n"),
        ("a top-level key twice", "extensions:\n", "providers:\n  - name: q\nextensions:\n"),
        ("a top-level flow mapping", "version: 1\n", "{ version: 1 }\n"),
        ("a quoted top-level key", "version: 1\n", "\"version\": 1\n"),
        ("a top-level list", "# A generated manifest\n", "- a\n"),
        ("a tab", "  - name: p5\n", "\t- name: p5\n"),
        ("content left of the list", "  - name: p5\n", " - name: p5\n"),
        ("a Unicode line separator", "  - name: p5\n", "  - name: p5\u{2028}\n"),
        ("a Unicode next line", "  - name: p5\n", "  - name: p5\u{85}\n"),
    ])
    func shapesTheScanCannotVouchForAreReadWhole(shape: String, find: String, replacement: String) throws {
        let text = manifest(providers: 60)
        let range = try #require(text.range(of: find))
        let changed = text.replacingCharacters(in: range, with: replacement)
        #expect(ManifestParts.cut(Array(text.utf8), into: 4, sizes: small) != nil)
        #expect(ManifestParts.cut(Array(changed.utf8), into: 4, sizes: small) == nil, "\(shape)")
    }

    @Test func otherTextBeyondASCIIIsCut() {
        // `é` ends in A9 and `–` starts like the line separator: neither is a line break.
        let text = manifest(providers: 60).replacingOccurrences(of: "Provider ", with: "Fournisseur é – ")
        #expect(ManifestParts.cut(Array(text.utf8), into: 4, sizes: small) != nil)
    }

    @Test func aByteOrderMarkIsReadWhole() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(manifest(providers: 60).utf8)
        #expect(ManifestParts.cut(bytes, into: 4, sizes: small) == nil)
    }

    @Test func aBlockScalarOfATopLevelKeyIsNotCut() throws {
        // Its lines look like list entries, but the value starts on the key's line.
        let notes = "notes: |\n" + String(repeating: "  - not an entry\n", count: 200)
        let parts = try #require(ManifestParts.cut(Array((notes + manifest(providers: 60)).utf8), into: 4, sizes: small))
        #expect(parts.dropFirst().allSatisfy { $0.bytes.starts(with: Array("providers:\n".utf8)) })
    }

    /// A problem anywhere, in any part, sends the file back to being read whole: the diagnostics
    /// are the whole file's, in its order and wording, and so is what could be decoded.
    @Test(arguments: [
        ("an unknown key late in the file", 250, "    colour: blue"),
        ("a bad value early", 3, "    lines: many"),
        ("a YAML error in the middle", 150, "    title: [unclosed"),
    ])
    func aFileWithAProblemIsReadWhole(problem: String, provider: Int, line: String) throws {
        var lines = manifest(providers: 300).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entry = try #require(lines.firstIndex(of: "  - name: p\(provider)"))
        lines.insert(line, at: entry + 1)
        let text = lines.joined(separator: "\n")
        let whole = decodedWhole(text)
        #expect(!(whole.readDiagnostics + whole.decodeDiagnostics).isEmpty, "\(problem)")
        expectSameDecoding(decodedInParts(text), whole)
    }

    /// A line that looks like a list entry inside a multi-line quoted scalar or flow collection
    /// can be chosen as a cut; the part before it then ends inside the value, and the file is
    /// read whole. Every provider has one here, so some cut lands on one.
    @Test(arguments: [
        "    title: \"first line\n  - name: inside the quote\n      still quoted\"",
        "    password: { env: X,\n  - name: inside }",
    ])
    func entryLinesInsideValuesGiveTheWholeFilesResult(value: String) throws {
        let text = manifest(providers: 200).replacingOccurrences(of: "  - name: p", with: "  - name: x\n" + value + "\n    lines: 1\n  - name: p")
        #expect(ManifestParts.cut(Array(text.utf8), into: 8, sizes: small) != nil)
        expectSameDecoding(decodedInParts(text), decodedWhole(text))
    }

    private func expectSameDecoding(_ inParts: DecodedFile, _ whole: DecodedFile, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(inParts.readDiagnostics == whole.readDiagnostics, sourceLocation: sourceLocation)
        #expect(inParts.decodeDiagnostics == whole.decodeDiagnostics, sourceLocation: sourceLocation)
        #expect(dumped(inParts.manifest) == dumped(whole.manifest), sourceLocation: sourceLocation)
    }
}
