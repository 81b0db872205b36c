import RuntimeBundle
import Testing

@Suite struct CanonicalJSONWriterTests {
    @Test func layoutIsFixed() {
        let value = JSONValue.object([
            "b": .array([.integer(1), .string("x")]),
            "a": .object([:]),
            "c": .array([]),
            "d": .object(["z": .null, "y": .bool(true), "x": .bool(false)]),
        ])
        let expected = """
            {
              "a": {},
              "b": [
                1,
                "x"
              ],
              "c": [],
              "d": {
                "x": false,
                "y": true,
                "z": null
              }
            }

            """
        #expect(String(decoding: CanonicalJSONWriter.bytes(value), as: UTF8.self) == expected)
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let text = "a\"b\\c\n\t\r\u{8}\u{C}\u{1}/é😀"
        let written = String(decoding: CanonicalJSONWriter.bytes(.string(text)), as: UTF8.self)
        #expect(written == "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001/é😀\"\n")
    }

    @Test func keysSortByUTF8Bytes() {
        let written = String(decoding: CanonicalJSONWriter.bytes(.object(["é": .null, "z": .null, "Z": .null, "a_b": .null])), as: UTF8.self)
        #expect(written == "{\n  \"Z\": null,\n  \"a_b\": null,\n  \"z\": null,\n  \"é\": null\n}\n")
    }
}
