/// Turns a report into text for one audience: people at a terminal (`HumanRenderer`), editors
/// and problem matchers (`ShortRenderer`), or programs (`JSONRenderer`).
///
/// Renderers are pure: the same report always gives the same text, and they never print.
public protocol DiagnosticRenderer: Sendable {
    /// The whole output for the report, ending with a line break unless it is empty.
    func render(_ report: DiagnosticReport) -> String
}

/// How text from the input is made safe and measurable on a terminal.
enum TerminalText {
    /// Columns a tab of a quoted line takes (it is shown as that many spaces, as rustc does).
    static let tabWidth = 4

    /// What one scalar of quoted text shows as, and how many terminal columns that takes.
    ///
    /// Control characters become their visible Control Pictures (U+2400…), so input can never
    /// send escape sequences to the terminal; C1 controls and bidirectional overrides, which
    /// would reorder what the user sees, become U+FFFD.
    static func cell(_ scalar: Unicode.Scalar) -> (text: String, width: Int) {
        let value = scalar.value
        switch value {
        case 0x09:
            return (String(repeating: " ", count: tabWidth), tabWidth)
        case 0x00..<0x20:
            return (String(Unicode.Scalar(0x2400 + value)!), 1)
        case 0x7F:
            return ("\u{2421}", 1)
        case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return ("\u{FFFD}", 1)
        default:
            return (String(scalar), width(scalar))
        }
    }

    /// Terminal columns of a printable scalar: 0 for combining marks and invisible format
    /// characters, 2 for East Asian wide and fullwidth characters and emoji, else 1.
    /// An approximation of `wcwidth` good enough to keep carets under the right character.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Text for a terminal with every control character made visible (see `cell`),
    /// tabs included. Line breaks must have been handled before.
    static func sanitized<S: StringProtocol>(_ text: S) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result += " "
            } else {
                result += cell(scalar).text
            }
        }
        return result
    }

    /// The text split at every kind of line break (`\r\n` counts once).
    static func lines<S: StringProtocol>(_ text: S) -> [Substring] {
        SourceText(file: "", text: String(text)).lines
    }

    /// The text on one line: its lines trimmed and joined by single spaces (empty lines dropped),
    /// and every control character made visible.
    static func folded<S: StringProtocol>(_ text: S) -> String {
        let trimmedLines = lines(text)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        return sanitized(trimmedLines.joined(separator: " "))
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
