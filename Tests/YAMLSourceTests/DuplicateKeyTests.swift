import Diagnostics
import Testing
import YAMLSource

/// A repeated key is reported at the repeat, points back at the first, and loses nothing else.
@Suite struct DuplicateKeyTests {
    @Test func reportedWithBothSpansAndFirstKept() throws {
        let result = read("""
        name: first
        lines: 2
        name: second
        enabled: true
        """)
        #expect(result.codes == ["SB1003"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlDuplicateKey)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "duplicate key `name` in this mapping")
        #expect(diagnostic.span == span(3, 1, 3, 5))
        #expect(diagnostic.related == [Diagnostic.Related("first defined here", at: span(1, 1, 1, 5))])

        let root = try #require(result.root?.mapping)
        // First entry kept, the repeat dropped, later keys still read.
        #expect(root.entries.map(\.key.text) == ["name", "lines", "enabled"])
        #expect(root.entry("name")?.value.text == "first")
        #expect(root.entry("enabled")?.value.text == "true")
    }

    @Test func quotingDoesNotMakeADifferentKey() throws {
        let result = read("a: 1\n\"a\": 2\n")
        #expect(result.codes == ["SB1003"])
        #expect(result.root?["a"]?.text == "1")
    }

    @Test func duplicatesAtSeveralDepths() throws {
        let result = read("""
        providers:
          - name: a
            calls: {incoming: true, incoming: false}
            name: b
          - name: c
        providers: []
        extensions: [{number: "1", number: "2"}]
        """)
        #expect(result.codes == ["SB1003", "SB1003", "SB1003", "SB1003"])
        #expect(result.diagnostics.map(\.span.start) == [pos(3, 29), pos(4, 5), pos(6, 1), pos(7, 28)])
        #expect(result.diagnostics.map { $0.related.first?.span.start } == [pos(3, 13), pos(2, 5), pos(1, 1), pos(7, 15)])

        let root = try #require(result.root)
        let providers = try #require(root["providers"]?.sequence)
        #expect(providers.items.count == 2)
        #expect(providers.items[0]["name"]?.text == "a")
        #expect(providers.items[0]["calls"]?["incoming"]?.text == "true")
        #expect(providers.items[0]["calls"]?.mapping?.entries.count == 1)
        #expect(providers.items[1]["name"]?.text == "c")
        #expect(root["extensions"]?[0]?["number"]?.text == "1")
    }

    @Test func duplicateWhoseValueIsACollectionIsDroppedWhole() throws {
        let result = read("a: {x: 1}\na:\n  y: 2\n  y: 3\nb: 4\n")
        // The dropped value is still checked: its own duplicate is reported too.
        #expect(result.codes == ["SB1003", "SB1003"])
        #expect(result.root?["a"]?["x"]?.text == "1")
        #expect(result.root?["b"]?.text == "4")
    }

    @Test func manyKeysUseTheIndexAndStillFindTheDuplicate() throws {
        var yaml = (0..<100).map { "k\($0): \($0)\n" }.joined()
        yaml += "k42: again\nlast: 1\n"
        let result = read(yaml)
        #expect(result.codes == ["SB1003"])
        #expect(result.diagnostics.first?.related.first?.span == span(43, 1, 43, 4))
        #expect(result.root?["k42"]?.text == "42")
        #expect(result.root?.mapping?.entries.count == 101)
    }
}
