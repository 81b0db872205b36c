import Diagnostics

/// A mapping or sequence that is still open while the composer reads its children.
///
/// A struct kept on the composer's stack and changed in place there (`stack[top].content…`), so
/// children are appended to arrays that only the frame holds, without a copy. (Popping a frame,
/// changing it and pushing it back would copy its child array on every append; a class avoided
/// that but cost an allocation per collection and a dynamic exclusivity check on every access.)
struct CollectionFrame {
    let isMapping: Bool
    /// Block collections end where their last child ends; libyaml's end mark for them points at
    /// the next token, which may be lines further down after comments.
    let isBlock: Bool
    let start: SourcePosition
    /// The name of the anchor on this collection, registered when it closes.
    let anchor: String?
    var content: Content

    init(isMapping: Bool, isBlock: Bool, start: SourcePosition, startEnd: SourcePosition, anchor: String?) {
        self.isMapping = isMapping
        self.isBlock = isBlock
        self.start = start
        self.anchor = anchor
        self.content = Content(lastEnd: startEnd)
    }

    /// The children read so far and the bookkeeping for the next one.
    struct Content {
        var items: [YAMLNode] = []
        var entries: [YAMLMapping.Entry] = []
        /// End of the latest child, for the span of a block collection.
        var lastEnd: SourcePosition
        /// Nodes of the expanded subtree, this one included (aliases count their whole target).
        var nodeCount = 1
        /// Deepest collection nesting among the children (a scalar child is 0).
        var childHeight = 0
        // Mapping state: libyaml sends key, value, key, value …
        var expectingKey = true
        var pendingKey: YAMLScalar?
        /// Key text → entry index, built only once a mapping grows large; small ones scan linearly.
        var keyIndex: [String: Int]?
        static let indexThreshold = 12
        static let initialEntryCapacity = 4

        /// Counts a child in. Sequence items and mapping values are stored here (a value whose
        /// key was refused is dropped); returns true when the child is a mapping key, which the
        /// composer must check and then `accept` or leave refused.
        mutating func place(
            _ node: YAMLNode, isMapping: Bool, nodeCount: Int, height: Int, end: SourcePosition
        ) -> Bool {
            let (sum, overflow) = self.nodeCount.addingReportingOverflow(nodeCount)
            self.nodeCount = overflow ? Int.max : sum
            if height > childHeight { childHeight = height }
            lastEnd = end
            guard isMapping else {
                items.append(node)
                return false
            }
            if expectingKey {
                expectingKey = false
                return true
            }
            expectingKey = true
            if let key = pendingKey {
                pendingKey = nil
                keyIndex?[key.text] = entries.count
                // Room for a few entries at once: growing from one by doubling made four
                // allocations (and three copies) for a mapping of eight keys, such as a provider.
                if entries.isEmpty { entries.reserveCapacity(Self.initialEntryCapacity) }
                entries.append(YAMLMapping.Entry(key: key, value: node))
            }
            return false
        }

        /// The key already entered with this text, if any.
        mutating func existingKey(_ text: String) -> YAMLScalar? {
            if keyIndex == nil {
                if entries.count < Self.indexThreshold {
                    // By position, lengths first: `first(where:)` copied every entry it passed.
                    let length = text.utf8.count
                    for position in entries.indices
                    where entries[position].key.text.utf8.count == length && entries[position].key.text == text {
                        return entries[position].key
                    }
                    return nil
                }
                var index: [String: Int] = [:]
                index.reserveCapacity(entries.count * 2)
                for (position, entry) in entries.enumerated() { index[entry.key.text] = position }
                keyIndex = index
            }
            return keyIndex?[text].map { entries[$0].key }
        }
    }
}
