import Diagnostics
import Testing
import YAMLSource

/// Nesting past `maxDepth` is reported once and skipped without recursion.
@Suite struct DepthTests {
    @Test func tenThousandNestedFlowSequencesStopTheFileAtTheFlowLimit() throws {
        let depth = 10_000
        let result = read("a: 1\n---\nb: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        #expect(result.codes == ["SB1009"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlTooDeep)
        #expect(diagnostic.message == "flow collections (`[`, `{`) nest deeper than 64 levels")
        #expect(diagnostic.span.start == pos(3, 68))
        // The document before is kept; the unfinished one is dropped, as after a syntax error.
        #expect(result.documents.count == 1)
        #expect(result.root?["a"]?.text == "1")
    }

    @Test func tenThousandNestedFlowMappings() throws {
        let result = read(String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000))
        #expect(result.codes == ["SB1009"])
        #expect(result.diagnostics.first?.span.start == pos(1, 4 * 64 + 1))
        #expect(result.documents.isEmpty)
    }

    /// The flow limit counts from the outermost flow collection, whatever the block nesting
    /// around it; the general limit counts every level.
    @Test func flowDepthCountsOnlyFlowLevels() throws {
        let limits = YAMLLimits(maxDepth: 10, maxAliasExpansion: 100, maxFlowDepth: 2)
        #expect(read("a:\n  b:\n    - [[1], [2]]\n    - {c: [3]}\n", limits: limits).diagnostics.isEmpty)
        let result = read("a:\n  b:\n    - [[[1]]]\nc: 1\n", limits: limits)
        #expect(result.codes == ["SB1009"])
        #expect(result.diagnostics.first?.span.start == pos(3, 9))
        #expect(result.documents.isEmpty)
    }

    @Test func unclosedDeepInputStopsAtTheFlowLimit() throws {
        let result = read(String(repeating: "[", count: 10_000))
        #expect(result.codes == ["SB1009"])
        #expect(result.documents.isEmpty)
    }

    /// Block nesting past the general limit is skipped, and the file is read to its end.
    @Test func tenThousandNestedBlockSequences() throws {
        let result = read(String(repeating: "- ", count: 10_000) + "x\n")
        #expect(result.codes == ["SB1009"])
        #expect(result.diagnostics.first?.message == "collections nest deeper than 256 levels")
        var node = try #require(result.root)
        var levels = 1
        while let child = node.sequence?.items.first {
            node = child
            levels += 1
        }
        #expect(levels == 257)
        #expect(node.sequence?.items.isEmpty == true)
    }

    @Test func deepBlockMappings() throws {
        var yaml = ""
        for level in 0..<300 {
            yaml += String(repeating: " ", count: level) + "k:\n"
        }
        let result = read(yaml)
        #expect(result.codes == ["SB1009"])
        #expect(result.diagnostics.first?.span.start == pos(257, 257))
    }

    @Test func exactlyAtTheLimitIsFine() throws {
        let limits = YAMLLimits(maxDepth: 3, maxAliasExpansion: 100)
        #expect(read("[[[1]]]", limits: limits).diagnostics.isEmpty)
        #expect(read("[[[[1]]]]", limits: limits).codes == ["SB1009"])
    }

    @Test func aliasThatWouldNestTooDeep() throws {
        let limits = YAMLLimits(maxDepth: 3, maxAliasExpansion: 100)
        let result = read("a: &a [[1]]\nb: [*a]\n", limits: limits)
        #expect(result.codes == ["SB1009"])
        #expect(result.diagnostics.first?.span == span(2, 5, 2, 7))
        #expect(result.root?["b"]?[0]?.scalar?.isNull == true)
    }

    @Test func aliasToAnchorInsideSkippedContentIsNotReportedAgain() throws {
        let limits = YAMLLimits(maxDepth: 2, maxAliasExpansion: 100)
        let result = read("a: [[&x [1]], &y [2]]\nb: *x\nc: *y\n", limits: limits)
        #expect(result.codes == ["SB1009"])
        #expect(result.root?["b"]?.scalar?.isNull == true)
        // `&y` names a skipped collection itself: its aliases are stand-ins too, reported once above.
        #expect(result.root?["c"]?.scalar?.isNull == true)
        #expect(result.root?["a"]?.sequence?.items.count == 2)
    }

    @Test func reportedOncePerFile() throws {
        let limits = YAMLLimits(maxDepth: 1, maxAliasExpansion: 100)
        let result = read("a: [1]\nb: [2]\nc: {x: 1}\n", limits: limits)
        #expect(result.codes == ["SB1009"])
        #expect(result.root?["c"]?.mapping?.entries.isEmpty == true)
    }
}
