import Diagnostics

/// Names of providers and rules: lowercase slugs, because they become identities in the bundle,
/// in logs and in the status view, where `Acme` and `acme ` must not be two things.
struct NameRules {
    static let maxLength = 63

    let sink: DiagnosticSink

    func check(_ name: Located<String>, kind: String) -> Located<String>? {
        if Self.isSlug(name.value) { return name }
        let slug = Self.slug(from: name.value)
        sink.emit(.error(
            .invalidName, "\(kind) name `\(name.value)` is not a lowercase slug", at: name.span,
            label: "use a-z, 0-9 and single `-`, starting with a letter, at most \(Self.maxLength) characters",
            notes: kind == "provider" ? ["the display name belongs in `title`"] : [],
            help: slug.map { "write `name: \($0)`" }))
        return nil
    }

    /// Checked on UTF-8 bytes (see `ASCII`): a slug is ASCII, so its bytes are its characters.
    static func isSlug(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, ASCII.isLowercaseLetter(first), utf8.count <= maxLength,
              utf8.last != UInt8(ascii: "-"),
              utf8.allSatisfy({ ASCII.isLowercaseLetter($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") })
        else { return false }
        return !ASCII.containsPair(UInt8(ascii: "-"), in: utf8)
    }

    /// `Acme Telecom` → `acme-telecom`, or nil when nothing usable is left.
    static func slug(from text: String) -> String? {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        while let first = result.first, first.isNumber { result.removeFirst() }
        result = String(result.drop { $0 == "-" }.prefix(maxLength))
        return isSlug(result) ? result : nil
    }
}
