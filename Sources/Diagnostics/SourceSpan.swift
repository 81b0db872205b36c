import Synchronization

/// A range of text in one source file: where a key, a value or a problem is.
///
/// `end` is exclusive: it is the position just after the last character, as in libyaml's
/// end marks and SARIF regions. A span whose `end` equals `start` marks a single point.
///
/// Every node of a YAML tree and every decoded value carries a span, so its size matters: it
/// stores the file as a 4-byte `SourceFileID` and the positions as 32-bit numbers (20 bytes, and
/// nothing to retain or release on a copy) instead of a `String` and four `Int`s (48 bytes and
/// a reference count). The public properties are unchanged.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    private var fileID: SourceFileID
    private var startLine: UInt32
    private var startColumn: UInt32
    private var endLine: UInt32
    private var endColumn: UInt32

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.init(file: SourceFileID(file), start: start, end: end)
    }

    /// For callers that make many spans in one file: the name is interned once, not per span.
    public init(file: SourceFileID, start: SourcePosition, end: SourcePosition) {
        let end = max(start, end)
        fileID = file
        startLine = Self.compact(start.line)
        startColumn = Self.compact(start.column)
        endLine = Self.compact(end.line)
        endColumn = Self.compact(end.column)
    }

    /// The file's path as the user named it (or `-` for standard input).
    public var file: String {
        get { fileID.name }
        set { fileID = SourceFileID(newValue) }
    }

    /// The file as its interned number: cheaper than `file` to compare, hash or look up by.
    public var fileIdentifier: SourceFileID { fileID }

    public var start: SourcePosition {
        get { SourcePosition(line: Int(startLine), column: Int(startColumn)) }
        set {
            startLine = Self.compact(newValue.line)
            startColumn = Self.compact(newValue.column)
        }
    }

    public var end: SourcePosition {
        get { SourcePosition(line: Int(endLine), column: Int(endColumn)) }
        set {
            endLine = Self.compact(newValue.line)
            endColumn = Self.compact(newValue.column)
        }
    }

    /// Lines and columns past 4,294,967,295 (a line of 4 GB) are clamped to that: positions are
    /// 1-based and never negative.
    private static func compact(_ value: Int) -> UInt32 {
        UInt32(clamping: value)
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
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}

/// The same coding as before the file name was interned: `{"file", "start", "end"}`.
extension SourceSpan: Codable {
    private enum CodingKeys: String, CodingKey { case file, start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file),
            start: try container.decode(SourcePosition.self, forKey: .start),
            end: try container.decode(SourcePosition.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// A source file's name, interned: a small number that stands for the name in every span.
///
/// Names are registered in one table for the whole process, so the same name always gets the
/// same number, and two spans are equal exactly when their names and positions are. Names are
/// compared as Swift strings, so two spellings that `==` calls equal (canonically equivalent
/// Unicode) share a number, and `name` gives the one registered first. The table only grows, by
/// one entry per distinct file name, which a run reads a bounded number of.
public struct SourceFileID: Hashable, Sendable {
    private let index: UInt32

    /// The number of `name`, registering it on first use.
    public init(_ name: String) {
        index = Self.table.withLock { $0.index(of: name) }
    }

    public var name: String {
        Self.table.withLock { $0.names[Int(index)] }
    }

    private struct Table {
        var names: [String] = []
        var indexes: [String: UInt32] = [:]

        mutating func index(of name: String) -> UInt32 {
            if let index = indexes[name] { return index }
            precondition(names.count < UInt32.max, "too many distinct source file names")
            let index = UInt32(names.count)
            names.append(name)
            indexes[name] = index
            return index
        }
    }

    private static let table = Mutex(Table())
}
