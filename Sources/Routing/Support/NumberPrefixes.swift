/// The prefix test every rule makes: a number matches a list of prefixes when the list is empty
/// (no condition) or the number starts with one of them.
///
/// Numbers and prefixes are compared as written, byte by byte: `+4930…` and `004930…` are
/// different numbers to a rule, as they are in the manifest.
enum NumberPrefixes {
    static func match(_ number: String, _ prefixes: [String]) -> Bool {
        prefixes.isEmpty || prefixes.contains { number.utf8.starts(with: $0.utf8) }
    }

    /// For an optional number (an anonymous caller): a missing number meets only an empty list.
    static func match(_ number: String?, _ prefixes: [String]) -> Bool {
        guard let number else { return prefixes.isEmpty }
        return match(number, prefixes)
    }
}
