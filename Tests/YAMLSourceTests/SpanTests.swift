import Diagnostics
import Testing
import YAMLSource

/// Every key and value carries where it was written; libyaml's 0-based marks become 1-based.
@Suite struct SpanTests {
    let yaml = """
    name: acme
    server:
      host: sip.acme.example
      port: 5060
    codecs: [alaw, ulaw]
    lines:
      - 4
      - "x"
    """

    @Test func keysAndScalarValues() throws {
        let result = read(yaml)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root?.mapping)
        let name = try #require(root.entry("name"))
        #expect(name.key.span == span(1, 1, 1, 5))
        #expect(name.value.span == span(1, 7, 1, 11))
        #expect(root.entries.map(\.key.text) == ["name", "server", "codecs", "lines"])
    }

    @Test func nestedBlockMapping() throws {
        let root = try #require(read(yaml).root)
        let server = try #require(root["server"]?.mapping)
        // A block mapping spans from its first key to the end of its last value.
        #expect(server.span == span(3, 3, 4, 13))
        let host = try #require(server.entry("host"))
        #expect(host.key.span == span(3, 3, 3, 7))
        #expect(host.value.span == span(3, 9, 3, 25))
        #expect(server.entry("port")?.value.span == span(4, 9, 4, 13))
        #expect(server.entry("port")?.value.text == "5060")
    }

    @Test func flowSequenceSpansItsBrackets() throws {
        let root = try #require(read(yaml).root)
        let codecs = try #require(root["codecs"]?.sequence)
        #expect(codecs.span == span(5, 9, 5, 21))
        #expect(codecs.items.map(\.span) == [span(5, 10, 5, 14), span(5, 16, 5, 20)])
    }

    @Test func blockSequenceEndsAtItsLastItem() throws {
        let root = try #require(read(yaml + "\n\n# trailing comment\n").root)
        let lines = try #require(root["lines"]?.sequence)
        #expect(lines.span == span(7, 3, 8, 8))
        #expect(lines.items[1].span == span(8, 5, 8, 8))
        #expect(lines.items[1].text == "x")
        // The root mapping ends where its last value ends, not at the trailing comment.
        #expect(root.span == span(1, 1, 8, 8))
    }

    @Test func flowMappingAndNestedFlowNodes() throws {
        let root = try #require(read("calls: {incoming: true, outgoing: [a, {b: c}]}\n").root)
        let calls = try #require(root["calls"]?.mapping)
        #expect(calls.span == span(1, 8, 1, 47))
        let outgoing = try #require(calls.entry("outgoing"))
        #expect(outgoing.key.span == span(1, 25, 1, 33))
        #expect(outgoing.value.span == span(1, 35, 1, 46))
        let inner = try #require(outgoing.value[1]?.mapping)
        #expect(inner.span == span(1, 39, 1, 45))
        #expect(inner.entry("b")?.value.span == span(1, 43, 1, 44))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(read("title: \"Акме Телеком\"\nnext: ü\n").root)
        #expect(root["title"]?.span == span(1, 8, 1, 22))
        #expect(root["title"]?.text == "Акме Телеком")
        #expect(root["next"]?.span == span(2, 7, 2, 8))
    }

    @Test func emptyValueIsAPointAfterTheColon() throws {
        let root = try #require(read("proxy:\nlines: 2\n").root)
        let proxy = try #require(root["proxy"]?.scalar)
        #expect(proxy.isNull)
        #expect(proxy.span == span(1, 7, 1, 7))
    }

    @Test func multiLineScalarsSpanTheirLines() throws {
        let root = try #require(read("a: first\n  second\nb: |\n  x\n  y\nc: 1\n").root)
        #expect(root["a"]?.text == "first second")
        #expect(root["a"]?.span == span(1, 4, 2, 9))
        #expect(root["b"]?.text == "x\ny\n")
        // A block scalar ends after its last line break.
        #expect(root["b"]?.span == span(3, 4, 6, 1))
    }

    @Test func documentSpan() throws {
        let result = read("---\na: 1\n...\n")
        #expect(result.documents.count == 1)
        #expect(result.documents[0].span == span(1, 1, 3, 4))
    }

    @Test func spansCarryTheFileName() throws {
        let result = YAMLReader().read(Array("a: [b]\n".utf8), file: "providers/acme.yaml")
        let root = try #require(result.root)
        #expect(root.span.file == "providers/acme.yaml")
        #expect(root["a"]?[0]?.span.file == "providers/acme.yaml")
    }
}
