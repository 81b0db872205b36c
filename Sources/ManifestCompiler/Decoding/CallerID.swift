import Diagnostics

/// Caller IDs in E.164: `+`, a country code not starting with 0, at most 15 digits in all.
enum CallerID {
    /// Checked on UTF-8 bytes (see `ASCII`): `+` and digits are ASCII, so bytes are characters.
    static func isE164(_ text: String) -> Bool {
        guard text.utf8.first == UInt8(ascii: "+") else { return false }
        let digits = text.utf8.dropFirst()
        return (2...15).contains(digits.count) && digits.allSatisfy(ASCII.isDigit) && digits.first != UInt8(ascii: "0")
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

/// Reports a caller ID that is not E.164, with the fixed number where it can be told.
struct CallerIDCheck {
    let sink: DiagnosticSink

    func check(_ callerID: Located<String>) -> Located<String>? {
        guard !CallerID.isE164(callerID.value) else { return callerID }
        let suggestion = CallerID.suggestion(for: callerID.value)
        sink.emit(.error(
            .invalidCallerID, "`caller_id` must be an E.164 number, found `\(callerID.value)`", at: callerID.span,
            label: "expected `+`, the country code and the number, 15 digits at most",
            notes: ["providers reject or rewrite caller IDs in national format, so the called party sees a wrong number"],
            help: suggestion.map { "write `caller_id: \"\($0)\"`" }
                ?? "write the number with `+` and its country code, e.g. `+74951234567` for 8 495 123-45-67"))
        return nil
    }
}
