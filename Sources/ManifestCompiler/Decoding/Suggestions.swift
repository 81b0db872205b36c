/// "Did you mean …?" for misspelled keys and enum values.
enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a likely typo: same text
    /// ignoring case and `-`/`_`, or an edit distance of at most a third of its length.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let folded = fold(word)
        if let exact = candidates.first(where: { fold($0) == folded }) { return exact }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let limit = max(1, max(folded.count, candidate.count) / 3)
            // The distance is at least the difference in length: a word far longer than every
            // candidate (a megabyte-long key) costs no table of its length times theirs.
            guard abs(folded.unicodeScalars.count - candidate.unicodeScalars.count) <= limit else { continue }
            let distance = editDistance(folded, fold(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `Registration-IP` and `registrationIp` both fold to `registrationip`.
    private static func fold(_ word: String) -> String {
        String(word.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbours, the usual typos.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
