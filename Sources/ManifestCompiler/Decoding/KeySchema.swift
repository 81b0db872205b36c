/// The keys one kind of mapping accepts, and the words people write instead of them.
struct KeySchema: Sendable {
    let keys: [String]
    /// Common wrong names for a key, e.g. `username` for `login`, suggested when no key is close.
    let synonyms: [String: String]

    init(_ keys: [String], synonyms: [String: String] = [:]) {
        self.keys = keys
        self.synonyms = synonyms
    }

    func suggestion(for unknown: String) -> String? {
        Suggestions.closest(to: unknown, among: keys) ?? synonyms[unknown.lowercased()]
    }
}
