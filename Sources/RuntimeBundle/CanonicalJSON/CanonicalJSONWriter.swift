/// Prints a `JSONValue` in Switchboard's canonical form, so the same bundle is the same bytes on
/// every machine and toolchain (Foundation's encoder formatting is not part of any contract):
///
/// - UTF-8; object keys sorted by their UTF-8 bytes; two-space indentation, one member or element
///   per line, `"key": value`; `[]` and `{}` for empty containers; a final line break.
/// - Strings escape only `"`, `\` and control characters (as `\n`, `\t`, `\r`, `\b`, `\f` or
///   `\u00XX`); `/` and non-ASCII characters are written as they are.
/// - Numbers are integers in decimal. There are no floating-point values in a bundle.
///
/// The bundle file itself is not written through here but member by member (see
/// `CanonicalJSONOutput` and `BundleEncoding`); both share the same layout and escaping code.
public enum CanonicalJSONWriter {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output = CanonicalJSONOutput()
        write(value, into: &output)
        return output.finish()
    }

    private static func write(_ value: JSONValue, into output: inout CanonicalJSONOutput) {
        switch value {
        case .null:
            output.null()
        case .bool(let flag):
            output.bool(flag)
        case .integer(let number):
            output.integer(number)
        case .string(let text):
            output.string(text)
        case .array(let items):
            output.beginArray()
            for item in items {
                output.element()
                write(item, into: &output)
            }
            output.endArray()
        case .object(let members):
            output.beginObject()
            for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                output.key(member.key)
                write(member.value, into: &output)
            }
            output.endObject()
        }
    }
}
