/// Caller IDs in E.164: `+`, a country code not starting with 0, at most 15 digits in all.
enum CallerID {
    static func isE164(_ text: String) -> Bool {
        guard text.first == "+" else { return false }
        let digits = text.dropFirst()
        return (2...15).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) && digits.first != "0"
    }

    /// A likely E.164 form of a number written another way, or nil when it cannot be told
    /// (a national number needs its country code, which only the user knows).
    static func suggestion(for text: String) -> String? {
        let compact = text.filter { !" -.()/".contains($0) }
        if compact != text, isE164(compact) { return compact }
        if compact.hasPrefix("00"), isE164("+" + compact.dropFirst(2)) { return "+" + compact.dropFirst(2) }
        return nil
    }
}
