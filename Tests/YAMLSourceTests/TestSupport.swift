import Diagnostics
import YAMLSource

/// The file name every test reads under.
let testFile = "test.yaml"

/// Reads `text` (UTF-8) as one file.
func read(_ text: String, limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(Array(text.utf8), file: testFile)
}

/// Reads raw bytes as one file.
func read(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLReadResult {
    YAMLReader(limits: limits).read(bytes, file: testFile)
}

func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

/// A span in the test file from (l1, c1) to (l2, c2), end exclusive.
func span(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> SourceSpan {
    SourceSpan(file: testFile, start: pos(l1, c1), end: pos(l2, c2))
}

extension YAMLReadResult {
    /// The root of the only document.
    var root: YAMLNode? { documents.count == 1 ? documents[0].root : nil }
    var codes: [String] { diagnostics.map(\.code.id) }
}

extension YAMLNode {
    var mapping: YAMLMapping? { if case .mapping(let m) = self { m } else { nil } }
    var sequence: YAMLSequence? { if case .sequence(let s) = self { s } else { nil } }
    var scalar: YAMLScalar? { if case .scalar(let s) = self { s } else { nil } }
    /// The value under `key` when this is a mapping.
    subscript(key: String) -> YAMLNode? { mapping?.entry(key)?.value }
    /// The item at `index` when this is a sequence.
    subscript(index: Int) -> YAMLNode? {
        guard let items = sequence?.items, items.indices.contains(index) else { return nil }
        return items[index]
    }
    var text: String? { scalar?.text }
}
