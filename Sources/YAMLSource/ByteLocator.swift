import Diagnostics

/// Converts between byte offsets and source positions the way libyaml counts them.
///
/// libyaml reports encoding errors with a byte offset only, and the syntax-error help needs the
/// character under a mark. Both must agree with libyaml's marks: columns count Unicode scalars,
/// a leading UTF-8 BOM is not counted, and LF, CR, CRLF, NEL (U+0085), LS (U+2028) and
/// PS (U+2029) each end a line. Only used on error paths, so a linear walk is fine.
enum ByteLocator {
    /// The 1-based position of the character that starts at (or contains) byte `offset`.
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var found = SourcePosition(line: 1, column: 1)
        walk(bytes) { index, position in
            found = position
            return index >= offset
        }
        return found
    }

    /// The byte offset of the character at `position`, nil when the file has no such character.
    static func offset(of position: SourcePosition, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var found: Int?
        walk(bytes) { index, current in
            if current == position, index < bytes.count { found = index }
            return found != nil || current > position
        }
        return found
    }

    /// Calls `visit` with the byte index and position of each character start, and once more at
    /// the end of the input, until `visit` returns true.
    private static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Int, SourcePosition) -> Bool
    ) {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        var column = 1
        let count = bytes.count
        func byte(_ at: Int) -> UInt8 { at < count ? bytes[at] : 0 }

        while index < count {
            let b = bytes[index]
            // Continuation bytes belong to the character already counted.
            if b & 0xC0 == 0x80 {
                index += 1
                continue
            }
            if visit(index, SourcePosition(line: line, column: column)) { return }
            var breakLength = 0
            if b == 0x0A {
                breakLength = 1
            } else if b == 0x0D {
                breakLength = byte(index + 1) == 0x0A ? 2 : 1
            } else if b == 0xC2, byte(index + 1) == 0x85 {
                breakLength = 2
            } else if b == 0xE2, byte(index + 1) == 0x80, byte(index + 2) == 0xA8 || byte(index + 2) == 0xA9 {
                breakLength = 3
            }
            if breakLength > 0 {
                index += breakLength
                line += 1
                column = 1
            } else {
                index += 1
                column += 1
            }
        }
        _ = visit(count, SourcePosition(line: line, column: column))
    }
}
