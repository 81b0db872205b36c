/// Base64url without padding (RFC 4648 §5), the encoding of nonces: it needs no escaping inside
/// a quoted-string, a URI or a log line.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        let length = (bytes.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: length) { text in
            var written = 0
            func put(_ chunk: UInt32, _ shift: UInt32) {
                text[written] = alphabet[Int(chunk >> shift & 0x3F)]
                written += 1
            }
            var index = 0
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                put(chunk, 18)
                put(chunk, 12)
                put(chunk, 6)
                put(chunk, 0)
                index += 3
            }
            switch bytes.count - index {
            case 1:
                let chunk = UInt32(bytes[index]) << 16
                put(chunk, 18)
                put(chunk, 12)
            case 2:
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                put(chunk, 18)
                put(chunk, 12)
                put(chunk, 6)
            default:
                break
            }
            return written
        }
    }

    /// The bytes `text` encodes, or `nil` unless it is the canonical unpadded encoding of them
    /// (so that every byte string has exactly one accepted spelling).
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8(decode)
    }

    private static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if characters.count % 4 == 1 { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            let value = values[Int(character)]
            if value == 0xFF { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        // Leftover bits must be zero, or another string would decode to the same bytes.
        if accumulator != 0 { return nil }
        return bytes
    }
}
