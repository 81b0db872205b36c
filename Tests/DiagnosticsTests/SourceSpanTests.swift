import Diagnostics
import Foundation
import Testing

/// `SourceSpan` stores its file as an interned number and its positions as 32-bit values; these
/// tests hold it to the behaviour of the plain `String` and `Int` fields it replaced.
@Suite struct SourceSpanTests {
    private func span(_ file: String, _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(file: file, start: SourcePosition(line: line, column: column), end: SourcePosition(line: endLine, column: endColumn))
    }

    @Test func propertiesReadBackWhatWasGiven() {
        let name = "folder/file-\(UUID().uuidString).yaml"
        let value = span(name, 3, 7, 4, 1)
        #expect(value.file == name)
        #expect(value.start == SourcePosition(line: 3, column: 7))
        #expect(value.end == SourcePosition(line: 4, column: 1))
        #expect(value.description == "\(name):3:7")
    }

    @Test func endIsNeverBeforeStart() {
        #expect(span("a.yaml", 5, 5, 2, 1).end == SourcePosition(line: 5, column: 5))
    }

    @Test func sameFileAndPositionsAreEqualWhereverTheNameCameFrom() {
        let built = "same" + String(".yaml")
        let first = span("same.yaml", 1, 1, 1, 2)
        let second = span(built, 1, 1, 1, 2)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first.fileIdentifier == SourceFileID(built))
        #expect(first != span("other.yaml", 1, 1, 1, 2))
        #expect(first != span("same.yaml", 1, 1, 1, 3))
    }

    @Test func orderIsByFileNameThenPosition() {
        // Registered in the opposite order of their names: the order must not follow the numbers.
        let late = span("zz-\(UUID().uuidString).yaml", 1, 1, 1, 1)
        let early = span("aa-\(UUID().uuidString).yaml", 9, 9, 9, 9)
        #expect(early < late)
        #expect(span("a.yaml", 1, 5, 1, 6) < span("a.yaml", 2, 1, 2, 2))
        #expect(span("a.yaml", 1, 5, 1, 6) < span("a.yaml", 1, 5, 1, 7))
        #expect([late, early].sorted() == [early, late])
    }

    @Test func settersChangeOnlyTheirPart() {
        var value = span("a.yaml", 1, 2, 3, 4)
        value.file = "b.yaml"
        value.start = SourcePosition(line: 2, column: 2)
        value.end = SourcePosition(line: 9, column: 9)
        #expect(value == span("b.yaml", 2, 2, 9, 9))
    }

    @Test func positionsBeyond32BitsAreClamped() {
        let value = span("a.yaml", Int(UInt32.max) + 10, 1, Int(UInt32.max) + 10, 2)
        #expect(value.start.line == Int(UInt32.max))
    }

    @Test func codableFormIsUnchanged() throws {
        let value = span("dir/a.yaml", 2, 3, 2, 8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(text == #"{"end":{"column":8,"line":2},"file":"dir/a.yaml","start":{"column":3,"line":2}}"#)
        #expect(try JSONDecoder().decode(SourceSpan.self, from: Data(text.utf8)) == value)
    }

    @Test func internsConcurrently() async {
        let names = (0..<200).map { "concurrent-\($0 % 20).yaml" }
        let spans = await withTaskGroup(of: SourceSpan.self) { group in
            for name in names { group.addTask { SourceSpan.wholeFile(name) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(spans.map(\.file)) == Set(names))
        #expect(Set(spans).count == 20)
    }
}
