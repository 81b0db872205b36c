/// The longest text each field accepts, in UTF-8 bytes. A value read from a hostile or broken file
/// (a megabyte pasted into a `title`) is refused here with its length, before any check quotes it
/// in a message or it reaches the bundle and, from there, SIP headers and logs.
///
/// The limits are far above any real value and low enough that every message quoting a value
/// stays readable. docs/security.md lists them.
enum TextLimits {
    /// Fields with a limit of their own; every other scalar gets `defaultBytes`.
    static let bytesByField: [String: Int] = [
        "title": 256,
        "display_name": 128,
        "login": 256,
        "password": 256,
        "env": 255,
        "file": 4096,
    ]

    /// For every other scalar: names (63 bytes as slugs), host names (253), numbers, prefixes and
    /// choices all have shorter rules of their own, checked after this one.
    static let defaultBytes = 1024

    /// The lowest limit of any field: a value this short fits every field, so the check can skip
    /// looking its field up (it runs on every scalar of a manifest).
    static let lowestLimit = bytesByField.values.reduce(defaultBytes, min)

    /// Keys and values quoted in a message are cut to this many characters.
    static let quotedCharacters = 64

    /// The limit of `field`: its last component, so `server.host` is limited as `host`.
    static func maxBytes(_ field: String) -> Int {
        guard let dot = field.utf8.lastIndex(of: UInt8(ascii: ".")) else { return bytesByField[field] ?? defaultBytes }
        return bytesByField[String(field[field.index(after: dot)...])] ?? defaultBytes
    }

    /// `text` for a message: as it is when short, else its start and how long it is, so that a
    /// megabyte-long key or value never becomes a megabyte-long message.
    static func quoted(_ text: String) -> String {
        guard text.utf8.count > quotedCharacters, text.count > quotedCharacters else { return "`\(text)`" }
        return "`\(text.prefix(quotedCharacters))…` (\(text.utf8.count) bytes)"
    }
}
