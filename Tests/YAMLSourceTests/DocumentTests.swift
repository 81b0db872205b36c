import Testing
import YAMLSource

/// One YAMLDocument per document of the file; nothing at all for a file without content.
@Suite struct DocumentTests {
    @Test func severalDocuments() throws {
        let result = read("a: 1\n---\nb: 2\n--- [x]\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 3)
        #expect(result.documents[0].root?["a"]?.text == "1")
        #expect(result.documents[1].root?["b"]?.text == "2")
        #expect(result.documents[1].root?["b"]?.span == span(3, 4, 3, 5))
        #expect(result.documents[2].root?[0]?.text == "x")
        #expect(result.documents[1].span.start == pos(2, 1))
    }

    @Test func emptyFile() throws {
        let result = read(bytes: [])
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: ["# only a comment\n", "   \n\n", "\n", "# a\n# b", "\u{FEFF}"])
    func fileWithoutContent(_ text: String) throws {
        let result = read(text)
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func bareDocumentStartHasNoRoot() throws {
        let result = read("---\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 1)
        #expect(result.documents[0].root == nil)
    }

    @Test func explicitNullOrEmptyStringIsARoot() throws {
        #expect(read("--- ~\n").root?.text == "~")
        #expect(read("--- ''\n").root?.scalar?.style == .singleQuoted)
        #expect(read("plain text\n").root?.text == "plain text")
    }

    @Test func emptyDocumentsBetweenOthers() throws {
        let result = read("---\n---\na: 1\n...\n---\n")
        #expect(result.documents.map { $0.root == nil } == [true, false, true])
    }
}
