import Diagnostics
import Testing
import YAMLSource

/// Anchors and aliases work, within a budget, and the broken cases are reported.
@Suite struct AliasTests {
    @Test func aliasReusesTheAnchoredNodeWithItsSpans() throws {
        let result = read("""
        defaults: &calls {incoming: true, outgoing: false}
        acme:
          calls: *calls
        name: &n acme
        title: *n
        """)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        let original = try #require(root["defaults"])
        let reused = try #require(root["acme"]?["calls"])
        #expect(reused == original)
        // The reused node keeps the spans of the original.
        #expect(reused.span == span(1, 11, 1, 51))
        #expect(reused["outgoing"]?.span == span(1, 45, 1, 50))
        #expect(root["title"]?.text == "acme")
        #expect(root["title"]?.span == span(4, 7, 4, 14))
    }

    @Test func aliasAsKey() throws {
        let result = read("k: &k name\n*k : value\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?["name"]?.text == "value")
    }

    @Test func anchorCanBeRedefined() throws {
        let result = read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?["b"]?.text == "1")
        #expect(result.root?["d"]?.text == "2")
    }

    @Test func billionLaughsFailsWithSB1005() throws {
        var yaml = "l0: &l0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(aliases)]\n"
        }
        let result = read(yaml)
        #expect(result.codes == ["SB1005"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlAliasBudget)
        // l1–l4 add 123,440 nodes; in l5 each `*l4` adds 111,111, and the 8th tips the budget.
        #expect(diagnostic.span.start.line == 6)
        #expect(diagnostic.message.hasPrefix("alias `*l4` expands past the limit of 1000000 nodes"))
        // The document is still there, without the expansions past the budget.
        #expect(result.root?["l0"]?.sequence?.items.count == 10)
    }

    @Test func budgetCountsEveryNodeOfTheReusedSubtree() throws {
        let limits = YAMLLimits(maxDepth: 256, maxAliasExpansion: 7)
        // `a` is 4 nodes (sequence + 3 items): one alias fits, the second would make 8.
        let result = read("a: &a [1, 2, 3]\nb: *a\nc: *a\nd: *a\n", limits: limits)
        #expect(result.codes == ["SB1005"])
        #expect(result.diagnostics.first?.span == span(3, 4, 3, 6))
        #expect(result.root?["b"]?.sequence?.items.count == 3)
        // Past the budget an alias is "no value", and reported only once.
        #expect(result.root?["c"]?.scalar?.isNull == true)
        #expect(result.root?["d"]?.scalar?.isNull == true)
    }

    @Test func recursiveAlias() throws {
        let result = read("a: &a\n  b: *a\nc: 1\n")
        #expect(result.codes == ["SB1010"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlRecursiveAlias)
        #expect(diagnostic.span == span(2, 6, 2, 8))
        #expect(diagnostic.related.first?.span.start == pos(1, 4))
        #expect(result.root?["a"]?["b"]?.scalar?.isNull == true)
        #expect(result.root?["c"]?.text == "1")
    }

    @Test func recursiveAliasInFlowSequence() throws {
        let result = read("&s [1, *s]\n")
        #expect(result.codes == ["SB1010"])
        #expect(result.root?.sequence?.items.count == 2)
    }

    @Test func unknownAlias() throws {
        let result = read("a: *nowhere\nb: 2\n")
        #expect(result.codes == ["SB1008"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "alias `*nowhere` refers to an unknown anchor")
        #expect(diagnostic.span == span(1, 4, 1, 12))
        #expect(result.root?["b"]?.text == "2")
    }

    @Test func aliasBeforeItsAnchorIsUnknown() throws {
        let result = read("a: *later\nb: &later 1\n")
        #expect(result.codes == ["SB1008"])
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let result = read("a: &x 1\n---\nb: *x\n")
        #expect(result.codes == ["SB1008"])
        #expect(result.diagnostics.first?.notes.first?.contains("anchors do not carry across") == true)
        #expect(result.documents.count == 2)
    }
}
