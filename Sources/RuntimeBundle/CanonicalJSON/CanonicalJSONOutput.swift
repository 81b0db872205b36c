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
struct CanonicalJSONOutput {
    private(set) var bytes: [UInt8]
    /// How many containers are open: the indentation of the next member or element.
    private var depth = 0
    /// True right after `{` or `[`: the next member or element needs no comma before it, and a
    /// container that closes now is empty and written `{}` or `[]`.
    private var atContainerStart = false

    init(reservingCapacity capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw bytes that are already in final form (the bundle's digest line).
    mutating func appendRaw(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Replaces bytes already written, keeping the length (used to fill in the digest).
    mutating func overwrite(at offset: Int, with raw: [UInt8]) {
        bytes.replaceSubrange(offset..<offset + raw.count, with: raw)
    }

    /// Ends the document with its final line break and hands the bytes over without a copy.
    consuming func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    // MARK: - Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        atContainerStart = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !atContainerStart { newline() }
        bytes.append(bracket)
        // The container just closed was a value of its parent, so the parent is not empty.
        atContainerStart = false
    }

    /// Starts the next element of an array: a comma after the previous one, a line break and
    /// the indentation.
    mutating func element() {
        if !atContainerStart { bytes.append(UInt8(ascii: ",")) }
        atContainerStart = false
        newline()
    }

    /// Starts a member of an object: `"key": `. Keys of the bundle are fixed ASCII names that
    /// need no escaping.
    mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        appendColon()
    }

    /// Starts a member whose key may need escaping (used for objects of unknown shape).
    mutating func key(_ key: String) {
        element()
        string(key)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    private mutating func appendColon() {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Two spaces per open container, copied from a prepared run of spaces rather than appended
    /// one at a time.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        var remaining = depth * 2
        while remaining > 0 {
            let chunk = min(remaining, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<chunk])
            remaining -= chunk
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    // MARK: - Scalars

    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    mutating func bool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    /// Decimal digits. `String(number)` of a bundle's numbers fits Swift's inline small-string
    /// storage, so this allocates nothing.
    mutating func integer(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// A JSON string. Runs of bytes that need no escape are copied in one go; only `"`, `\` and
    /// control characters are escaped (`/` and non-ASCII text are written as they are).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil {
            // A bridged string without contiguous UTF-8: copy it once.
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: byte)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
        case 0x0A: bytes.append(contentsOf: "\\n".utf8)
        case 0x0D: bytes.append(contentsOf: "\\r".utf8)
        case 0x09: bytes.append(contentsOf: "\\t".utf8)
        case 0x08: bytes.append(contentsOf: "\\b".utf8)
        case 0x0C: bytes.append(contentsOf: "\\f".utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
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
}

/// A bundle type that writes its canonical JSON straight into a `CanonicalJSONOutput`.
///
/// Each implementation sits next to the type's `jsonValue` and must write the same members,
/// **in the order of their keys' UTF-8 bytes** (`caller_id` before `calls`, `registration` before
/// `registration_ip`). `CanonicalJSONOutputTests` checks both forms give identical bytes.
protocol CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput)
}
