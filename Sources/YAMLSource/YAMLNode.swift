import Diagnostics

/// How a scalar was written. The decoder uses it to tell `"true"` (a string) from `true`
/// where that matters, and renderers use it to quote values back the way the user wrote them.
public enum ScalarStyle: String, Hashable, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar exactly as written: its text is never typed here. `no`, `0123`, `1:20`, `1e3` and
/// `~` stay the strings they are; the decoder types them by the field they fill.
public struct YAMLScalar: Hashable, Sendable {
    /// The scalar's content after YAML's quoting and folding rules (escapes resolved), never typed.
    public var text: String
    public var style: ScalarStyle
    public var span: SourceSpan

    public init(text: String, style: ScalarStyle, span: SourceSpan) {
        self.text = text
        self.style = style
        self.span = span
    }

    /// True for a plain empty value, `~` and `null` — what YAML means by "no value".
    ///
    /// Asked of every value the decoder reads, so the length decides first which words to compare.
    /// (No text of another length is canonically equivalent to these ASCII words, so `==` would
    /// give the same answer.)
    public var isNull: Bool {
        guard style == .plain else { return false }
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}

/// A mapping in source order. Keys are scalars (the reader refuses others) and unique (the
/// reader reports a repeated key and keeps the first).
public struct YAMLMapping: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: YAMLScalar
        public var value: YAMLNode

        public init(key: YAMLScalar, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]
    public var span: SourceSpan

    public init(entries: [Entry], span: SourceSpan) {
        self.entries = entries
        self.span = span
    }

    /// The entry with this key, if any.
    ///
    /// Asked of every field of every object decoded, so it compares lengths before texts and
    /// reads the keys in place: `first(where:)` copied each entry it passed (a retain and a
    /// release of its key and value) and compared unequal texts in full.
    public func entry(_ key: String) -> Entry? {
        let length = key.utf8.count
        for position in entries.indices
        where entries[position].key.text.utf8.count == length && entries[position].key.text == key {
            return entries[position]
        }
        return nil
    }
}

public struct YAMLSequence: Hashable, Sendable {
    public var items: [YAMLNode]
    public var span: SourceSpan

    public init(items: [YAMLNode], span: SourceSpan) {
        self.items = items
        self.span = span
    }
}

/// A node of the document tree. Every node carries the span it was written at; a node reached
/// through an alias carries the span of its anchored original.
///
/// Not `indirect`: the children of a collection already live in an array, so the enum needs no
/// box of its own, and a box per node was one allocation (and one free) for each of the
/// hundreds of thousands of nodes of a large manifest.
public enum YAMLNode: Hashable, Sendable {
    case scalar(YAMLScalar)
    case mapping(YAMLMapping)
    case sequence(YAMLSequence)

    public var span: SourceSpan {
        switch self {
        case .scalar(let scalar): scalar.span
        case .mapping(let mapping): mapping.span
        case .sequence(let sequence): sequence.span
        }
    }

    /// "a mapping", "a sequence", "a string" — for messages like "expected a mapping, found a string".
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "no value" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        }
    }
}

/// One YAML document of a file (a file may hold several, separated by `---`).
public struct YAMLDocument: Hashable, Sendable {
    /// Nil for a document with no content (an empty file, a bare `---`).
    public var root: YAMLNode?
    public var span: SourceSpan

    public init(root: YAMLNode?, span: SourceSpan) {
        self.root = root
        self.span = span
    }
}
