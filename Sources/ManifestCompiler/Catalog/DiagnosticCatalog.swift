import Diagnostics

/// Every diagnostic code with its long explanation, for `switchboard explain`.
///
/// The entries live in one file per family of codes (inputs, YAML, document shape, addresses,
/// provider types, dial plan, secrets, rules, provider conflicts); this type puts them together
/// in code order and finds them by id.
public enum DiagnosticCatalog {
    /// Every explanation, in code order.
    public static let all: [DiagnosticExplanation] = (
        inputExplanations + yamlExplanations + shapeExplanations + addressExplanations
            + providerTypeExplanations + dialPlanExplanations + secretExplanations + ruleExplanations
            + providerConflictExplanations
    ).sorted { $0.code < $1.code }

    private static let byID: [String: DiagnosticExplanation] = Dictionary(
        all.map { ($0.code.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The explanation for `query`: `SB2011`, `sb2011` or just `2011`; nil when no code has that id.
    public static func explanation(for query: String) -> DiagnosticExplanation? {
        normalizedID(query).flatMap { byID[$0] }
    }

    /// `sb2011` and ` 2011 ` → `SB2011`; nil when the text cannot be a code id at all.
    public static func normalizedID(_ query: String) -> String? {
        let trimmed = query.trimmingSpaces.uppercased()
        let digits = trimmed.hasPrefix("SB") ? trimmed.dropFirst(2) : Substring(trimmed)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return "SB" + digits
    }

    /// The code most likely meant by a query that names none: one typo away (a wrong, missing,
    /// extra or swapped digit) and numerically nearest among those, else the numerically nearest
    /// code; for text that is not a code id, the first code whose title contains it.
    public static func closestCode(to query: String) -> DiagnosticCode? {
        guard let id = normalizedID(query), let number = Int(id.dropFirst(2)) else {
            let words = query.trimmingSpaces.lowercased()
            guard !words.isEmpty else { return nil }
            return all.first { $0.code.title.lowercased().contains(words) }?.code
        }
        func numericDistance(_ code: DiagnosticCode) -> Int {
            abs((Int(code.id.dropFirst(2)) ?? 0) - number)
        }
        let typos = all.map(\.code).filter { Suggestions.editDistance(id, $0.id) <= 1 }
        let candidates = typos.isEmpty ? all.map(\.code) : typos
        return candidates.min { numericDistance($0) < numericDistance($1) }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
