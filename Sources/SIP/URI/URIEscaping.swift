/// `%XX` escapes in URI components (RFC 3261 §19.1.2, §25.1 `escaped`).
enum URIEscaping {
    /// Whether `bytes` consist of `allowed` bytes and well-formed `%XX` escapes.
    static func isValid(_ bytes: ArraySlice<UInt8>, allowed: CharacterClass) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard bytes.endIndex - index >= 3, bytes[index + 1].hexDigitValue != nil,
                    bytes[index + 2].hexDigitValue != nil
                else { return false }
                index += 3
            } else {
                guard byte.is(allowed) else { return false }
                index += 1
            }
        }
        return true
    }

    /// The bytes with every well-formed escape decoded (malformed ones kept as written).
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent, bytes.endIndex - index >= 3,
                let high = bytes[index + 1].hexDigitValue, let low = bytes[index + 2].hexDigitValue
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// The canonical spelling of a component: escapes of bytes that `unescaped` allows as
    /// themselves are decoded, every other escape is kept with upper-case hex. Two spellings of
    /// the same component give the same canonical text, and the result is still a valid
    /// component (an escaped `@` stays escaped).
    static func canonical(_ bytes: ArraySlice<UInt8>, unescaped: CharacterClass) -> String {
        escape(decode(bytes), unescaped: unescaped)
    }

    /// `bytes` with every byte that `unescaped` does not allow written as `%XX` (upper-case hex);
    /// a `%` in the input is escaped too, so any text becomes a valid component.
    static func escape(_ bytes: some Sequence<UInt8>, unescaped: CharacterClass) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var result = [UInt8]()
        for byte in bytes {
            if byte.is(unescaped) {
                result.append(byte)
            } else {
                result.append(ASCII.percent)
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
