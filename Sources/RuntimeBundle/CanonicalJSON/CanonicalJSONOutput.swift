/// A byte buffer that canonical JSON is written into, piece by piece, in the layout described on
/// `CanonicalJSONWriter`: two-space indentation, one member or element per line, `[]` and `{}`
/// for empty containers, strings escaped only where JSON requires it.
///
/// The bundle is written through this directly (see `CanonicalJSONWritable`), without building a
/// `JSONValue` tree first: building the tree, sorting every object's keys and freeing it again
/// cost about three times as much as writing the bytes. The writer of `JSONValue` trees uses it
/// too, so both paths share one implementation of the layout and of string escaping.
///
/// The caller is responsible for the order of members: canonical JSON sorts them by the UTF-8
/// bytes of their keys, and this buffer writes them in the order they are given.
///
/// Not copyable: it owns a scratch buffer, freed when it goes away.
struct CanonicalJSONOutput: ~Copyable {
    /// What has been flushed so far.
    private var bytes: [UInt8]
    /// Bytes written since the last flush. The pieces of a JSON document are a few bytes each:
    /// storing them through a pointer costs a few instructions a byte, where `Array.append`
    /// costs tens a call (uniqueness and capacity checks, a generic copy). Pending bytes move to
    /// `bytes` in one append when the scratch is full, and at the end.
    private let scratch: UnsafeMutableBufferPointer<UInt8>
    private var pending = 0
    /// How many containers are open: the indentation of the next member or element.
    private var depth = 0
    /// True right after `{` or `[`: the next member or element needs no comma before it, and a
    /// container that closes now is empty and written `{}` or `[]`.
    private var atContainerStart = false
    /// Where the bytes go as they are written, for a document streamed to a file: each window
    /// of a long list (see `member(_:_:parallelChunk:estimatedSize:)`) and the rest at the end.
    /// Nil keeps them all for `finish()`.
    private let drain: ((UnsafeRawBufferPointer) -> Void)?

    /// `capacity` is the expected size of the whole document, so the result is allocated once.
    init(reservingCapacity capacity: Int = 4096) {
        self.init(drain: nil, reservingCapacity: capacity)
    }

    /// An output that hands its bytes to `drain` in pieces as they are written, in order, so the
    /// document never has to be held whole; `capacity` is the expected size of a piece.
    init(draining drain: @escaping (UnsafeRawBufferPointer) -> Void, reservingCapacity capacity: Int) {
        self.init(drain: drain, reservingCapacity: capacity)
    }

    private init(drain: ((UnsafeRawBufferPointer) -> Void)?, reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
        scratch = .allocate(capacity: 16 * 1024)
        scratch.initialize(repeating: 0)
        self.drain = drain
    }

    /// An output for a stretch of a document that another output has opened: `depth` containers
    /// are open, and `atContainerStart` says whether the innermost one is still empty.
    private init(continuingAt depth: Int, atContainerStart: Bool, reservingCapacity capacity: Int) {
        self.init(reservingCapacity: capacity)
        self.depth = depth
        self.atContainerStart = atContainerStart
    }

    deinit {
        scratch.deallocate()
    }

    /// Ends the document with its final line break and hands the bytes over, leaving this
    /// buffer empty: the caller holds the only reference, so changing the bytes (filling in the
    /// digest) does not copy them.
    mutating func finish() -> [UInt8] {
        precondition(drain == nil, "a draining output ends with finishDraining()")
        put(UInt8(ascii: "\n"))
        return takeBytes()
    }

    /// Ends the document with its final line break and drains what is left.
    mutating func finishDraining() {
        put(UInt8(ascii: "\n"))
        drainBytes()
    }

    /// Hands everything written so far to `drain`, if there is one, and forgets it.
    private mutating func drainBytes() {
        guard let drain else { return }
        flush()
        bytes.withUnsafeBytes(drain)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Everything written so far (flushed), leaving this buffer empty.
    private mutating func takeBytes() -> [UInt8] {
        flush()
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }

    // MARK: - Raw bytes

    private mutating func put(_ byte: UInt8) {
        if pending == scratch.count { flush() }
        scratch[pending] = byte
        pending += 1
    }

    private mutating func put(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, run.count > 0 else { return }
        if run.count > scratch.count - pending {
            flush()
            // Longer than the whole scratch: straight into the result.
            if run.count > scratch.count { return bytes.append(contentsOf: run) }
        }
        (scratch.baseAddress! + pending).update(from: source, count: run.count)
        pending += run.count
    }

    private mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    private mutating func flush() {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<pending]))
        pending = 0
    }

    /// Bytes that are already in final form (the gap for the bundle's digest).
    mutating func appendRaw(_ raw: some Sequence<UInt8>) {
        for byte in raw { put(byte) }
    }

    // MARK: - Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        put(bracket)
        depth += 1
        atContainerStart = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !atContainerStart { newline() }
        put(bracket)
        // The container just closed was a value of its parent, so the parent is not empty.
        atContainerStart = false
    }

    /// Starts the next element of an array: a comma after the previous one, a line break and
    /// the indentation.
    mutating func element() {
        if !atContainerStart { put(UInt8(ascii: ",")) }
        atContainerStart = false
        newline()
    }

    /// Starts a member of an object: `"key": `. Keys of the bundle are fixed ASCII names that
    /// need no escaping.
    mutating func key(_ key: StaticString) {
        element()
        put(UInt8(ascii: "\""))
        put(key)
        put("\": ")
    }

    /// Starts a member whose key may need escaping (used for objects of unknown shape).
    mutating func key(_ key: String) {
        element()
        string(key)
        put(": ")
    }

    /// A line break and two spaces per open container, copied in one run from `Self.indentation`
    /// (a byte at a time was a sixth of the encoding's instructions).
    private mutating func newline() {
        let length = 1 + depth * 2
        guard length <= Self.indentation.count else {
            put(UInt8(ascii: "\n"))
            for _ in 0..<depth * 2 { put(UInt8(ascii: " ")) }
            return
        }
        Self.indentation.withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[..<length])) }
    }

    /// A line break and the spaces of the deepest indentation the bundle has, and then some.
    private static let indentation: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 2 * 16)

    // MARK: - Scalars

    mutating func null() { put("null") }

    mutating func bool(_ flag: Bool) { put(flag ? "true" : "false") }

    /// Decimal digits, written into the scratch buffer in place.
    mutating func integer(_ number: Int) {
        if scratch.count - pending < DecimalText.maxLength { flush() }
        pending = DecimalText.write(number, into: scratch, at: pending)
    }

    /// A JSON string. Runs of bytes that need no escape are copied in one go; only `"`, `\` and
    /// control characters are escaped (`/` and non-ASCII text are written as they are).
    mutating func string(_ text: String) {
        put(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { putEscaped($0) }
        if done == nil {
            // A bridged string without contiguous UTF-8: copy it once.
            Array(text.utf8).withUnsafeBufferPointer { putEscaped($0) }
        }
        put(UInt8(ascii: "\""))
    }

    private mutating func putEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            putEscape(for: byte)
            runStart = index + 1
        }
        put(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private mutating func putEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): put("\\\"")
        case UInt8(ascii: "\\"): put("\\\\")
        case 0x0A: put("\\n")
        case 0x0D: put("\\r")
        case 0x09: put("\\t")
        case 0x08: put("\\b")
        case 0x0C: put("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            put("\\u00")
            hex.withUTF8Buffer { digits in
                put(digits[Int(byte >> 4)])
                put(digits[Int(byte & 0x0F)])
            }
        }
    }

    // MARK: - Members

    /// A string member; absent when `value` is nil (the bundle writes no `null`s).
    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// An integer member; absent when `value` is nil.
    mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A list of strings (possibly empty: `[]`).
    mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    /// A nested value; absent when nil.
    mutating func member(_ name: StaticString, _ value: (some CanonicalJSONWritable)?) {
        guard let value else { return }
        key(name)
        value.writeCanonical(to: &self)
    }

    /// A list of nested values (possibly empty: `[]`).
    mutating func member(_ name: StaticString, _ values: [some CanonicalJSONWritable]) {
        key(name)
        beginArray()
        for value in values {
            element()
            value.writeCanonical(to: &self)
        }
        endArray()
    }

    /// A list of nested values, the same bytes as `member(_:_:)`, written on all cores when it is
    /// long: each chunk of at least `parallelChunk` elements (`ParallelChunks`) is written into
    /// an output of its own that starts where this one stands (same depth, and "first element"
    /// only for the list's first chunk), and the chunks' bytes are appended here in order.
    ///
    /// The list goes in windows of a few chunks per core, each window's chunks appended and freed
    /// before the next is written, so the chunks add a megabyte or so to the memory peak rather
    /// than the size of the list. `estimatedSize` guesses the bytes of one element, so a chunk's
    /// buffer is allocated once.
    mutating func member<Value: CanonicalJSONWritable>(
        _ name: StaticString, _ values: [Value], parallelChunk: Int, estimatedSize: Int
    ) {
        guard values.count / 2 >= parallelChunk, ParallelChunks.coreCount > 1 else {
            return member(name, values)
        }
        key(name)
        beginArray()
        let depth = depth
        let window = parallelChunk * ParallelChunks.coreCount * ParallelChunks.chunksPerCore
        var windowStart = 0
        while windowStart < values.count {
            let start = windowStart
            let count = min(window, values.count - start)
            var chunks = ParallelChunks.map(count: count, minimumChunk: parallelChunk) { range in
                var chunk = CanonicalJSONOutput(
                    continuingAt: depth, atContainerStart: start + range.lowerBound == 0,
                    reservingCapacity: estimatedSize * range.count)
                for position in range {
                    chunk.element()
                    values[start + position].writeCanonical(to: &chunk)
                }
                return chunk.takeBytes()
            }
            flush()
            for index in chunks.indices {
                bytes.append(contentsOf: chunks[index])
                chunks[index] = []
            }
            drainBytes()
            windowStart += count
        }
        // The list has elements, so it closes on a line of its own.
        atContainerStart = false
        endArray()
    }
}

/// A bundle type that writes its canonical JSON straight into a `CanonicalJSONOutput`.
///
/// Each implementation sits next to the type's `jsonValue` and must write the same members,
/// **in the order of their keys' UTF-8 bytes** (`caller_id` before `calls`, `registration` before
/// `registration_ip`). `CanonicalJSONOutputTests` checks both forms give identical bytes.
protocol CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput)
}
