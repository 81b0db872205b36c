#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The line scan behind `ManifestParts`: every line where an entry of a top-level block list
/// starts, or nil when the file has a shape the scan does not vouch for.
enum ListEntryScan {
    struct Entry {
        /// Where the entry's line starts.
        let offset: Int
        /// Its line number, 1-based.
        let line: Int
        /// The bytes of its list's key, with the colon (`providers:`).
        let key: Range<Int>
    }

    /// The top-level key whose value is being scanned.
    private struct Section {
        let key: Range<Int>
        /// Nil until the first content line below the key says whether the value is a block list.
        var listIndent: Int?
        /// The value is not a block list (a mapping, a scalar, or written on the key's line).
        var isOther: Bool
    }

    static func entries(_ bytes: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        guard let base = bytes.baseAddress, !hasUncertainBytes(bytes) else { return nil }
        var entries: [Entry] = []
        var keys: Set<[UInt8]> = []
        var section: Section?
        var line = 1
        var start = 0
        while start < bytes.count {
            let end = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            defer {
                line += 1
                start = end + 1
            }
            var first = start
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            // Blank lines and comments say nothing about the structure.
            if first == end || bytes[first] == UInt8(ascii: "#") { continue }
            let indent = first - start
            let isEntry = bytes[first] == UInt8(ascii: "-") && (first + 1 == end || bytes[first + 1] == UInt8(ascii: " "))
            if indent == 0, !isEntry {
                guard let next = topLevelKey(bytes, from: start, to: end), keys.insert(Array(bytes[next.key])).inserted else { return nil }
                section = next
                continue
            }
            // Content below a key (or a list at the key's own indentation, which YAML allows).
            guard var current = section else { return nil }
            if current.isOther {
                // Anything at the top level's indentation that is not a key: a shape not scanned.
                if indent == 0 { return nil }
                continue
            }
            guard let listIndent = current.listIndent else {
                if isEntry {
                    current.listIndent = indent
                } else {
                    current.isOther = true
                }
                section = current
                continue
            }
            if indent < listIndent { return nil }
            if indent == listIndent {
                guard isEntry else { return nil }
                entries.append(Entry(offset: start, line: line, key: current.key))
            }
        }
        return entries
    }

    /// A line `key:` at the start of the file's top level, with nothing or a comment after the
    /// colon (then the value may be a block list), or a value on the same line (then it is not).
    private static func topLevelKey(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Section? {
        var position = start
        guard isKeyStart(bytes[position]) else { return nil }
        while position < end, isKeyCharacter(bytes[position]) { position += 1 }
        guard position < end, bytes[position] == UInt8(ascii: ":") else { return nil }
        let key = start..<(position + 1)
        position += 1
        guard position == end || bytes[position] == UInt8(ascii: " ") else { return nil }
        while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
        let valueFollows = position < end && bytes[position] != UInt8(ascii: "#")
        return Section(key: key, listIndent: nil, isOther: valueFollows)
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// Bytes that could make the scan's lines or structure differ from libyaml's: `\r`, the
    /// Unicode line breaks, a byte order mark, and `*`, which may be an alias to an anchor in
    /// another part.
    private static func hasUncertainBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        for byte in [UInt8(ascii: "\r"), UInt8(ascii: "*")] where memchr(base, Int32(byte), bytes.count) != nil {
            return true
        }
        return contains([0xC2, 0x85], in: bytes) || contains([0xE2, 0x80, 0xA8], in: bytes) || contains([0xE2, 0x80, 0xA9], in: bytes)
    }

    /// Whether `sequence` occurs in `bytes`: its first byte found with `memchr`, the rest compared.
    /// (NEL is C2 85, LS E2 80 A8 and PS E2 80 A9: line breaks to libyaml, which other text that
    /// starts with the same bytes, such as `–` or `’`, is not.)
    private static func contains(_ sequence: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let lead = sequence.first else { return false }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, Int32(lead), bytes.count - start) {
            let offset = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if bytes[offset...].starts(with: sequence) { return true }
            start = offset + 1
        }
        return false
    }
}
