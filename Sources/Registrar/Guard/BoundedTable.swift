/// A dictionary that holds at most `capacity` entries: inserting one more evicts the entry
/// inserted longest ago. The guard's tables are filled by whoever sends packets, so their memory
/// must have a ceiling whatever the number of sources an attacker has.
///
/// Insertion order is a FIFO of keys with a generation each, so a key removed and inserted
/// again is not evicted by its stale place in the queue; eviction pops the front, never scans.
struct BoundedTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var entries: [Key: (value: Value, generation: UInt64)] = [:]
    private var order: [(key: Key, generation: UInt64)] = []
    private var head = 0
    private var nextGeneration: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a table holds at least one entry")
        self.capacity = capacity
    }

    var count: Int { entries.count }

    subscript(key: Key) -> Value? {
        entries[key]?.value
    }

    /// Changes the entry of `key` in place, inserting `make()` first when there is none.
    mutating func update<Result>(_ key: Key, orInsert make: () -> Value, _ body: (inout Value) -> Result) -> Result {
        if entries[key] == nil { insert(key, make()) }
        return body(&entries[key]!.value)
    }

    mutating func removeValue(forKey key: Key) {
        entries[key] = nil
    }

    /// Removes every entry for which `shouldRemove` is true (a scan: for the once-a-second sweep).
    mutating func removeAll(where shouldRemove: (Key, Value) -> Bool) {
        // Collected first, so a sweep that removes nothing copies nothing.
        let doomed = entries.compactMap { shouldRemove($0.key, $0.value.value) ? $0.key : nil }
        for key in doomed { entries[key] = nil }
    }

    /// Every entry, in no particular order.
    var all: [(key: Key, value: Value)] { entries.map { ($0.key, $0.value.value) } }

    private mutating func insert(_ key: Key, _ value: Value) {
        while entries.count >= capacity, head < order.count {
            let oldest = order[head]
            head += 1
            if entries[oldest.key]?.generation == oldest.generation { entries[oldest.key] = nil }
        }
        entries[key] = (value, nextGeneration)
        order.append((key, nextGeneration))
        nextGeneration += 1
        // Drop the popped front (and stale places) once it is most of the queue.
        if head > 64, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        if order.count - head > 2 * capacity + 64 { compact() }
    }

    /// Rebuilds the queue from live entries only, when removals left it full of stale places.
    private mutating func compact() {
        order = order[head...].filter { entries[$0.key]?.generation == $0.generation }
        head = 0
    }
}
