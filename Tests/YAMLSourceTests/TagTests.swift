import Diagnostics
import Testing
import YAMLSource

/// Only tags that change nothing are accepted; the others are reported and the node kept untyped.
@Suite struct TagTests {
    @Test func noOpCoreTagsAreAccepted() throws {
        let result = read("""
        a: !!str 0123
        b: !!map {x: 1}
        c: !!seq [1]
        d: ! text
        e: !<tag:yaml.org,2002:str> 5
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.root?["a"]?.text == "0123")
        #expect(result.root?["b"]?["x"]?.text == "1")
        #expect(result.root?["c"]?[0]?.text == "1")
        #expect(result.root?["d"]?.text == "text")
        #expect(result.root?["e"]?.text == "5")
    }

    @Test(arguments: [
        ("!!int 5", "!!int"), ("!!bool yes", "!!bool"), ("!custom x", "!custom"),
        ("!!binary aGk=", "!!binary"), ("!!float 1", "!!float"),
    ])
    func refusedOnScalars(_ value: String, _ tag: String) throws {
        let result = read("a: \(value)\nb: 1\n")
        #expect(result.codes == ["SB1007"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlTag)
        #expect(diagnostic.message == "tag `\(tag)` is not supported")
        #expect(diagnostic.span.start == pos(1, 4))
        // The node is kept, untyped.
        let scalar = try #require(result.root?["a"]?.scalar)
        #expect(scalar.text == String(value.split(separator: " ")[1]))
        #expect(result.root?["b"]?.text == "1")
    }

    @Test func coreTagOnTheWrongKindIsRefused() throws {
        let result = read("a: !!seq {x: 1}\nb: !!map [1]\nc: !!map x\n")
        #expect(result.codes == ["SB1007", "SB1007", "SB1007"])
        #expect(result.diagnostics.map(\.message) == [
            "tag `!!seq` is not supported", "tag `!!map` is not supported", "tag `!!map` is not supported",
        ])
        #expect(result.root?["a"]?["x"]?.text == "1")
    }

    @Test func customTagOnCollection() throws {
        let result = read("a: !provider\n  name: x\n")
        #expect(result.codes == ["SB1007"])
        #expect(result.diagnostics.first?.message == "tag `!provider` is not supported")
        #expect(result.root?["a"]?["name"]?.text == "x")
    }

    @Test func tagResolvedThroughATagDirectiveIsShownAsAURI() throws {
        let result = read("%TAG !e! tag:example.com,2000:\n---\n!e!foo x\n")
        #expect(result.codes == ["SB1007"])
        #expect(result.diagnostics.first?.message == "tag `!<tag:example.com,2000:foo>` is not supported")
    }
}
