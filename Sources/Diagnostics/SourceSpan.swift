/// A range of text in one source file: where a key, a value or a problem is.
///
/// `end` is exclusive: it is the position just after the last character, as in libyaml's
/// end marks and SARIF regions. A span whose `end` equals `start` marks a single point.
public struct SourceSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as the user named it (or `-` for standard input).
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// A span that covers the whole of a file without pointing at any line, for problems
    /// with the file as such (it cannot be read, it is empty).
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
    }

    /// `file:line:col`, the form editors and terminals turn into a link.
    public var description: String {
        "\(file):\(start.line):\(start.column)"
    }
}

extension SourceSpan: Comparable {
    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
