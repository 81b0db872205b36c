/// The keys one kind of mapping accepts, and the words people write instead of them.
struct KeySchema: Sendable {
    /// In the order messages list them.
    let keys: [String]
    /// Common wrong names for a key, e.g. `username` for `login`, suggested when no key is close.
    let synonyms: [String: String]
    /// The keys again, for the check of every key of every mapping read.
    private let keySet: Set<String>

    init(_ keys: [String], synonyms: [String: String] = [:]) {
        self.keys = keys
        self.synonyms = synonyms
        self.keySet = Set(keys)
    }

    func accepts(_ key: String) -> Bool {
        keySet.contains(key)
    }

    func suggestion(for unknown: String) -> String? {
        Suggestions.closest(to: unknown, among: keys) ?? synonyms[unknown.lowercased()]
    }
}
