import Diagnostics
import Testing
import YAMLSource

/// Nesting past `maxDepth` is reported once and skipped without recursion.
@Suite struct DepthTests {
    @Test func tenThousandNestedFlowSequences() throws {
        let depth = 10_000
        let result = read(String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        #expect(result.codes == ["SB1009"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlTooDeep)
        #expect(diagnostic.message == "collections nest deeper than 256 levels")
        #expect(diagnostic.span.start == pos(1, 257))

        // The tree holds 256 levels; the skipped part stands in as one empty sequence.
        var node = try #require(result.root)
        var levels = 1
        while let child = node.sequence?.items.first {
            node = child
            levels += 1
        }
        #expect(levels == 257)
        #expect(node.sequence?.items.isEmpty == true)
        #expect(node.span == span(1, 257, 1, 2 * depth - 255))
    }

    @Test func unclosedDeepInputReportsDepthAndSyntax() throws {
        let result = read(String(repeating: "[", count: 10_000))
        #expect(result.codes == ["SB1009", "SB1001"])
        #expect(result.documents.isEmpty)
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
