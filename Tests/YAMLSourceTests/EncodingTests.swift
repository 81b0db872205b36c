import Diagnostics
import Testing
import YAMLSource

/// Bytes that are not UTF-8 are located by line and column (libyaml gives only a byte offset);
/// a BOM and CRLF line ends do not shift positions.
@Suite struct EncodingTests {
    @Test func invalidUTF8InTheMiddleOfLine3() throws {
        let bytes = Array("a: 1\nb: 2\nname: \"Акме".utf8) + [0xFF] + Array("x\"\nd: 4\n".utf8)
        let result = read(bytes: bytes)
        #expect(result.codes == ["SB1002"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlEncoding)
        #expect(diagnostic.message == "invalid UTF-8: invalid leading UTF-8 octet 0xFF")
        // Column 12: `name: "` is 7 characters, `Акме` 4 more (8 bytes).
        #expect(diagnostic.span == span(3, 12, 3, 13))
        #expect(diagnostic.help == "save the file as UTF-8")
    }

    @Test func encodingErrorLeavesOnlyItself() throws {
        // libyaml decodes ahead in chunks: whether it reached document 2 before meeting the bad
        // byte depends on buffer sizes. The result must not: nothing but the one SB1002.
        var early = "a: 1\na: 2\n---\nb: 2\n---\n"
        var late = early
        late += (0..<5_000).map { "k\($0): v\n" }.joined()
        early += "x: "
        late += "x: "
        for text in [early, late] {
            let result = read(bytes: Array(text.utf8) + [0xFF, 0x0A])
            #expect(result.codes == ["SB1002"])
            #expect(result.documents.isEmpty)
        }
        let result = read(bytes: Array(late.utf8) + [0xFF])
        #expect(result.diagnostics.first?.span.start == pos(5_006, 4))
    }

    @Test func truncatedSequenceAtTheEnd() throws {
        let result = read(bytes: Array("a: 1\nb: ".utf8) + [0xC3])
        #expect(result.codes == ["SB1002"])
        #expect(result.diagnostics.first?.message == "invalid UTF-8: incomplete UTF-8 octet sequence")
        #expect(result.diagnostics.first?.span.start == pos(2, 4))
    }

    @Test func invalidContinuationByte() throws {
        let result = read(bytes: Array("a: x".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(result.codes == ["SB1002"])
        #expect(result.diagnostics.first?.message == "invalid UTF-8: invalid trailing UTF-8 octet 0x28")
        #expect(result.diagnostics.first?.span.start.line == 1)
    }

    @Test func controlCharacter() throws {
        let result = read(bytes: Array("a: 1\nb: x".utf8) + [0x01] + Array("y\n".utf8))
        #expect(result.codes == ["SB1002"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "control character U+0001 is not allowed in YAML")
        #expect(diagnostic.span.start == pos(2, 5))
    }

    @Test func byteOrderMarkIsAcceptedAndNotCounted() throws {
        let result = read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\nc: \"é\"\n".utf8))
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root?.mapping)
        #expect(root.entries.map(\.key.text) == ["a", "c"])
        #expect(root.entries[0].key.span == span(1, 1, 1, 2))
        #expect(root.entries[0].value.span == span(1, 4, 1, 5))
        #expect(root.entries[1].value.span == span(2, 4, 2, 7))
        #expect(root.entries[1].value.text == "é")
    }

    @Test func invalidUTF8AfterAByteOrderMark() throws {
        let result = read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xFF])
        #expect(result.codes == ["SB1002"])
        #expect(result.diagnostics.first?.span.start == pos(1, 4))
    }

    @Test func utf16IsRefused() throws {
        let result = read(bytes: [0xFF, 0xFE] + Array("a: 1".utf8).flatMap { [$0, 0] })
        #expect(result.codes == ["SB1002"])
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.first?.help == "save the file as UTF-8")
    }

    @Test func crlfLineEndsKeepLinesRight() throws {
        let result = read("a: 1\r\nb:\r\n  c: 2\r\nd: |\r\n  x\r\n  y\r\ne: \"p\r\n  q\"\r\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root["a"]?.span == span(1, 4, 1, 5))
        #expect(root["b"]?["c"]?.span == span(3, 6, 3, 7))
        #expect(root.mapping?.entry("d")?.key.span == span(4, 1, 4, 2))
        // Line breaks inside values are normalised to "\n".
        #expect(root["d"]?.text == "x\ny\n")
        #expect(root["e"]?.text == "p q")
        #expect(root["e"]?.span == span(7, 4, 8, 5))
    }

    @Test func crlfLinesCountedInEncodingErrors() throws {
        let result = read(bytes: Array("a: 1\r\nb: 2\r\nc: ".utf8) + [0xFE])
        #expect(result.diagnostics.first?.span.start == pos(3, 4))
    }

    @Test func nextLineCharacterEndsALineLikeInLibYAML() throws {
        // libyaml treats U+0085 (NEL) as a line break; the byte-offset conversion must agree.
        let result = read(bytes: Array("a: x\u{85}b: ".utf8) + [0xFF])
        #expect(result.diagnostics.first?.span.start == pos(2, 4))
    }
}
