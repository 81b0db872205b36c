import Diagnostics
import Testing
import YAMLSource

/// libyaml's scanner and parser errors become one SB1001 at libyaml's mark, in libyaml's words,
/// with help for the common mistakes; documents completed before the error are kept.
@Suite struct SyntaxErrorTests {
    @Test func tabIndentingAContinuationLine() throws {
        let result = read("a:\n  b: 1\n\tc: 2\n")
        #expect(result.codes == ["SB1001"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.message == "found a tab character that violates indentation while scanning a plain scalar")
        #expect(diagnostic.span == span(3, 1, 3, 2))
        #expect(diagnostic.help == "indent with spaces; YAML forbids tabs for indentation")
        #expect(result.documents.isEmpty)
    }

    @Test func tabIndentingAKey() throws {
        let result = read("a:\n\tb: 1\n")
        #expect(result.codes == ["SB1001"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "found character that cannot start any token while scanning for the next token")
        #expect(diagnostic.span.start == pos(2, 1))
        #expect(diagnostic.help == "indent with spaces; YAML forbids tabs for indentation")
    }

    @Test func badIndentation() throws {
        let result = read("a:\n  b: 1\n c: 2\n")
        #expect(result.codes == ["SB1001"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "did not find expected key while parsing a block mapping")
        #expect(diagnostic.span.start == pos(3, 2))
        #expect(diagnostic.help == "check the indentation: the keys of the mapping that starts at line 1, column 1 must all start in column 1")
        #expect(diagnostic.related == [Diagnostic.Related("the block mapping starts here", at: span(1, 1, 1, 2))])
    }

    @Test func unclosedDoubleQuote() throws {
        let result = read("a: 1\nb: \"unclosed\nc: 3\n")
        #expect(result.codes == ["SB1001"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "found unexpected end of stream while scanning a quoted scalar")
        #expect(diagnostic.span.start == pos(4, 1))
        #expect(diagnostic.help == "close the quoted scalar started at line 2, column 4")
        #expect(diagnostic.related.first?.span.start == pos(2, 4))
    }

    @Test func unclosedFlowSequence() throws {
        let result = read("a: [1, 2\nb: 3\n")
        #expect(result.codes == ["SB1001"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "did not find expected ',' or ']' while parsing a flow sequence")
        #expect(diagnostic.span.start == pos(2, 2))
        #expect(diagnostic.help == "close the flow sequence started at line 1, column 4 with `]`, or separate its items with `,`")
    }

    @Test func unclosedFlowMapping() throws {
        let result = read("a: {x: 1\n")
        #expect(result.codes == ["SB1001"])
        #expect(result.diagnostics.first?.help == "close the flow mapping started at line 1, column 4 with `}`, or separate its entries with `,`")
    }

    @Test func colonInsidePlainValue() throws {
        let result = read("a: b: c\n")
        #expect(result.codes == ["SB1001"])
        #expect(result.diagnostics.first?.message == "mapping values are not allowed in this context")
        #expect(result.diagnostics.first?.span.start == pos(1, 5))
        #expect(result.diagnostics.first?.help == "quote the value if it contains `: `, or check the indentation")
    }

    @Test func reservedIndicator() throws {
        let result = read("a: @x\n")
        #expect(result.codes == ["SB1001"])
        #expect(result.diagnostics.first?.span.start == pos(1, 4))
        #expect(result.diagnostics.first?.help == "`@` and `` ` `` are reserved in YAML: quote the value")
    }

    @Test func unknownEscape() throws {
        let result = read(#"a: "C:\q""# + "\n")
        #expect(result.codes == ["SB1001"])
        #expect(result.diagnostics.first?.message == "found unknown escape character while parsing a quoted scalar")
    }

    @Test func documentsBeforeTheErrorAreKept() throws {
        let result = read("a: 1\n---\nb: 2\n---\nc: [\n")
        #expect(result.codes == ["SB1001"])
        #expect(result.documents.count == 2)
        #expect(result.documents[1].root?["b"]?.text == "2")
        #expect(result.diagnostics.first?.span.start.line == 6)
    }

    @Test func problemsFoundBeforeTheErrorAreKept() throws {
        let result = read("a: 1\na: 2\nb: \"x\n")
        #expect(result.codes == ["SB1003", "SB1001"])
        #expect(result.documents.isEmpty)
    }
}
