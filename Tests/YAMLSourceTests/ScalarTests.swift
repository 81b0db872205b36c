import Testing
import YAMLSource

/// Scalars come back exactly as written: text, style, never a type.
@Suite struct ScalarTests {
    @Test func allFiveStyles() throws {
        let root = try #require(read("""
        plain: a b
        single: 'it''s'
        double: "tab\\there"
        literal: |
          one
          two
        folded: >
          one
          two
        """).root)
        #expect(root["plain"]?.scalar?.style == .plain)
        #expect(root["plain"]?.text == "a b")
        #expect(root["single"]?.scalar?.style == .singleQuoted)
        #expect(root["single"]?.text == "it's")
        #expect(root["double"]?.scalar?.style == .doubleQuoted)
        #expect(root["double"]?.text == "tab\there")
        #expect(root["literal"]?.scalar?.style == .literal)
        #expect(root["literal"]?.text == "one\ntwo\n")
        #expect(root["folded"]?.scalar?.style == .folded)
        // Clip chomping keeps a final line break only if there is one: this text ends without.
        #expect(root["folded"]?.text == "one two")
    }

    @Test(arguments: ["no", "yes", "off", "0123", "1:20", "+74951234567", "1e3", "~", "null", "0x1F", ".inf", "-.NaN", "2024-01-01", "0o17", "1_000"])
    func noImplicitTyping(_ value: String) throws {
        let result = read("value: \(value)\n")
        #expect(result.diagnostics.isEmpty)
        let scalar = try #require(result.root?["value"]?.scalar)
        #expect(scalar.text == value)
        #expect(scalar.style == .plain)
    }

    @Test func quotedLooksLikeANumberButIsMarkedQuoted() throws {
        let scalar = try #require(read("login: \"74951234567\"\n").root?["login"]?.scalar)
        #expect(scalar.text == "74951234567")
        #expect(scalar.style == .doubleQuoted)
    }

    @Test func nulCharacterInsideAValueIsKept() throws {
        let scalar = try #require(read("a: \"x\\0y\"\n").root?["a"]?.scalar)
        #expect(Array(scalar.text.utf8) == [0x78, 0x00, 0x79])
    }

    @Test func escapesAreResolved() throws {
        let root = try #require(read(#"a: "\u00e9\x41\n""# + "\n").root)
        #expect(root["a"]?.text == "éA\n")
    }

    @Test func keysKeepTheirStyleToo() throws {
        let entry = try #require(read("\"quoted key\": 1\n").root?.mapping?.entries.first)
        #expect(entry.key.text == "quoted key")
        #expect(entry.key.style == .doubleQuoted)
    }
}
