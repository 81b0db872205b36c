import Diagnostics
@testable import YAMLSource
import Testing

/// Large files are read with libyaml on a second thread (`EventPipeline`). These tests read the
/// same bytes both ways and expect the same documents and the same diagnostics in the same
/// order, on inputs that span many blocks of events and that end in each way a file can end.
@Suite struct EventPipelineTests {
    private static func expectSameReading(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let inLine = YAMLReader(limits: .default, pipelineThreshold: .max).read(bytes, file: testFile)
        let pipelined = YAMLReader(limits: .default, pipelineThreshold: 0).read(bytes, file: testFile)
        #expect(pipelined.documents == inLine.documents, sourceLocation: sourceLocation)
        #expect(pipelined.diagnostics == inLine.diagnostics, sourceLocation: sourceLocation)
    }

    /// Thousands of events: more than one block (`EventRing.blockSize`) and more than the ring holds.
    private static let manyEntries = (0..<3000).map { index in
        "  - { name: p\(index), server: \"sip\(index).example:5060\", lines: \(index % 9), tags: [a, b, \(index)] }\n"
    }.joined()

    @Test func bigDocumentReadsTheSame() {
        let text = "providers:\n" + Self.manyEntries
        Self.expectSameReading(Array(text.utf8))
        let pipelined = YAMLReader(limits: .default, pipelineThreshold: 0).read(Array(text.utf8), file: testFile)
        #expect(pipelined.diagnostics.isEmpty)
        #expect(pipelined.root?["providers"]?.sequence?.items.count == 3000)
    }

    @Test func syntaxErrorAfterManyBlocksReadsTheSame() {
        let text = "---\nfirst: document\n---\nproviders:\n" + Self.manyEntries + "  - [unclosed\nnext: 1\n"
        let reading = YAMLReader(limits: .default, pipelineThreshold: 0).read(Array(text.utf8), file: testFile)
        #expect(reading.codes == ["SB1001"])
        #expect(reading.documents.count == 1)
        Self.expectSameReading(Array(text.utf8))
    }

    @Test func encodingErrorReadsTheSame() {
        var bytes = Array(("providers:\n" + Self.manyEntries).utf8)
        bytes.insert(contentsOf: [0xC3, 0x28], at: bytes.count / 2)
        let reading = YAMLReader(limits: .default, pipelineThreshold: 0).read(bytes, file: testFile)
        #expect(reading.codes == ["SB1002"])
        Self.expectSameReading(bytes)
    }

    @Test func composerFindingsReadTheSame() {
        let text = """
            base: &base { a: 1, b: [x, y] }
            copy: *base
            unknown: *nowhere
            dup: 1
            dup: 2
            tagged: !!str 5
            deep: [[[[[[[[[[1]]]]]]]]]]
            ---
            ---
            second: *base
            ---

            """ + Self.manyEntries.replacingOccurrences(of: "  - ", with: "- ")
        Self.expectSameReading(Array(text.utf8))
    }

    @Test(arguments: ["", "# only a comment\n", "a", "[", "- 1\n- 2\n"])
    func tinyInputsReadTheSame(_ text: String) {
        Self.expectSameReading(Array(text.utf8))
    }
}
