/// A strict UTF-8 check for header values and reason phrases (RFC 3261 `TEXT-UTF8`), written
/// out here because the standard library's validating initialiser is not available on every
/// deployment target this package supports.
enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8: no stray continuation bytes, no overlong forms,
    /// no surrogates, nothing above U+10FFFF, no sequence cut off at the end.
    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return false
            }
            guard end - index >= length, secondRange.contains(bytes[index + 1]) else { return false }
            var continuation = index + 2
            while continuation < index + length {
                guard (0x80...0xBF).contains(bytes[continuation]) else { return false }
                continuation += 1
            }
            index += length
        }
        return true
    }
}
