import Diagnostics
import Testing
import YAMLSource

/// Keys must be scalars, and `<<` merge keys are refused; either way only that entry is lost.
@Suite struct KeyPolicyTests {
    @Test func flowSequenceAsKey() throws {
        let result = read("a: 1\n[x, y]: 2\nb: 3\n")
        #expect(result.codes == ["SB1004"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlNonScalarKey)
        #expect(diagnostic.message == "a mapping key must be a scalar, found a sequence used as a key")
        #expect(diagnostic.span == span(2, 1, 2, 7))
        #expect(result.root?.mapping?.entries.map(\.key.text) == ["a", "b"])
    }

    @Test func complexKeyWithQuestionMark() throws {
        let result = read("? {x: 1}\n: value\nb: 3\n")
        #expect(result.codes == ["SB1004"])
        #expect(result.diagnostics.first?.message == "a mapping key must be a scalar, found a mapping used as a key")
        #expect(result.diagnostics.first?.span.start == pos(1, 3))
        #expect(result.root?.mapping?.entries.map(\.key.text) == ["b"])
    }

    @Test func blockSequenceAsExplicitKey() throws {
        let result = read("? - a\n  - b\n: value\n")
        #expect(result.codes == ["SB1004"])
        #expect(result.root?.mapping?.entries.isEmpty == true)
    }

    @Test func explicitScalarKeyIsAnOrdinaryKey() throws {
        let result = read("? a\n: 1\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?["a"]?.text == "1")
    }

    @Test func mergeKeyRefused() throws {
        let result = read("""
        base: &base {host: h}
        acme:
          <<: *base
          port: 1
        """)
        #expect(result.codes == ["SB1006"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlMergeKey)
        #expect(diagnostic.message == "merge key `<<` is not supported")
        #expect(diagnostic.span == span(3, 3, 3, 5))
        #expect(diagnostic.help == "repeat the keys, or anchor the whole mapping and reuse it with an alias")
        #expect(diagnostic.notes.contains("YAML 1.2 dropped merge keys, and tools disagree on how they combine"))
        // The entry is dropped, nothing is merged, the rest stays.
        #expect(result.root?["acme"]?.mapping?.entries.map(\.key.text) == ["port"])
    }

    @Test func quotedLessThanLessThanIsAnOrdinaryKey() throws {
        let result = read("\"<<\": 1\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?["<<"]?.text == "1")
    }
}
