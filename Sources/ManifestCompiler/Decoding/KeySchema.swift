/// The keys one kind of mapping accepts, and the words people write instead of them.
struct KeySchema: Sendable {
    /// In the order messages list them.
    let keys: [String]
    /// Common wrong names for a key, e.g. `username` for `login`, suggested when no key is close.
    let synonyms: [String: String]

    init(_ keys: [String], synonyms: [String: String] = [:]) {
        self.keys = keys
        self.synonyms = synonyms
    }

    /// Asked of every key of every mapping read. A schema has at most a few dozen short keys,
    /// so comparing lengths and then texts beats hashing each key (which a `Set` would).
    func accepts(_ key: String) -> Bool {
        let length = key.utf8.count
        return keys.contains { $0.utf8.count == length && $0 == key }
    }

    func suggestion(for unknown: String) -> String? {
        Suggestions.closest(to: unknown, among: keys) ?? synonyms[unknown.lowercased()]
    }
}
