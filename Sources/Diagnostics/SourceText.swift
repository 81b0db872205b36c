import Synchronization

/// The text of one input file, split into lines, so renderers can quote the line a
/// diagnostic points at.
///
/// Only a file with a diagnostic is ever quoted, so the text is split when its lines are first
/// asked for, not when the file is read: on a clean run of a large manifest, building the line
/// table cost about as much as decoding the YAML, and its memory stayed alive to the end. Until
/// then a text made from bytes keeps just the bytes (the input's own array, not a copy).
public struct SourceText: Sendable {
    public let file: String
    private let content: Content

    /// The lines without their line breaks. There is always one more line than there are line
    /// breaks: `""` is one empty line and `"a\n"` is `["a", ""]`, so a position just after the
    /// last line break (where libyaml reports the end of the stream) still has a line to quote.
    public var lines: [Substring] { content.lines }

    /// Splits as libyaml counts lines (see `init(file:text:)`). Invalid UTF-8 is repaired with
    /// U+FFFD so a bad byte never hides the rest of the line.
    public init(file: String, bytes: [UInt8]) {
        self.file = file
        content = Content(.bytes(bytes))
    }

    /// Splits the text into lines the way libyaml counts them, so that a line number from a
    /// libyaml mark finds its line here: on `\n`, `\r\n` and lone `\r`, and also on the YAML 1.1
    /// breaks that libyaml still honours, NEL (U+0085), LS (U+2028) and PS (U+2029).
    /// A byte order mark at the start is dropped, as libyaml drops it before counting columns.
    public init(file: String, text: String) {
        self.file = file
        content = Content(.text(text))
    }

    /// The text of a 1-based line, without its line break; nil past the end.
    public func line(_ number: Int) -> Substring? {
        let lines = self.lines
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// The source and, once asked for, its lines. A class so that copies of a `SourceText`
    /// share one line table; the lock makes the first split safe from any thread.
    private final class Content: Sendable {
        enum Source {
            case bytes([UInt8])
            case text(String)
        }

        private let state: Mutex<(source: Source?, lines: [Substring]?)>

        init(_ source: Source) {
            state = Mutex((source, nil))
        }

        var lines: [Substring] {
            state.withLock { state in
                if let lines = state.lines { return lines }
                let text: String = switch state.source {
                case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
                case .text(let text): text
                case nil: ""
                }
                let lines = SourceText.split(text)
                // The lines keep the text alive; the bytes are no longer needed.
                state = (nil, lines)
                return lines
            }
        }
    }

    private static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        if lineStart < scalars.endIndex, scalars[lineStart] == "\u{FEFF}" {
            lineStart = scalars.index(after: lineStart)
        }
        var index = lineStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if SourceText.isLineBreak(scalar) {
                lines.append(Substring(scalars[lineStart..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                lineStart = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(Substring(scalars[lineStart..<scalars.endIndex]))
        return lines
    }

    /// The scalars that end a line for libyaml.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}

/// The sources of one run, by file name.
public struct SourceStore: Sendable {
    private var texts: [String: SourceText] = [:]

    public init() {}

    /// A store holding these texts; a later text of the same file replaces an earlier one.
    public init(_ texts: [SourceText]) {
        for text in texts { add(text) }
    }

    public mutating func add(_ text: SourceText) {
        texts[text.file] = text
    }

    /// Room for `count` texts, so that adding a repository's files grows the store once.
    public mutating func reserveCapacity(_ count: Int) {
        texts.reserveCapacity(count)
    }

    public subscript(file: String) -> SourceText? { texts[file] }
}
