/// A position in a source file.
///
/// Lines and columns are 1-based. Columns count Unicode scalars, as libyaml does,
/// so a position points at the same character whatever the byte width of the text before it.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
