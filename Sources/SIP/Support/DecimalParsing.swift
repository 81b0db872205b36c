/// Checked parsing of the decimal numbers in SIP (`1*DIGIT`): no sign, no spaces, and never an
/// arithmetic overflow, however many digits a peer sends.
enum DecimalParsing {
    /// The value of `bytes` if they are one or more digits and the value is at most `maximum`.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, maximum: Int) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte.isASCIIDigit else { return nil }
            // value <= maximum before this step, so value * 10 + 9 cannot overflow while
            // maximum < Int.max / 10, which every caller's bound is.
            value = value * 10 + Int(byte &- ASCII.zero)
            if value > maximum { return nil }
        }
        return value
    }

    /// The value of `bytes` if they are one or more digits, saturated at `cap`: for
    /// `delta-seconds`, where RFC 3261 §20.19 and §20.23 say a larger value means the largest.
    static func parseSaturating<Bytes: Collection<UInt8>>(_ bytes: Bytes, cap: Int) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte.isASCIIDigit else { return nil }
            if value <= cap {
                value = value * 10 + Int(byte &- ASCII.zero)
            }
        }
        return min(value, cap)
    }

    /// The decimal digits of `value`, appended to `buffer` without going through `String`.
    static func append(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(ASCII.hyphen) }
        var rest = value.magnitude
        if rest < 10 {
            buffer.append(ASCII.zero + UInt8(rest))
            return
        }
        let start = buffer.count
        while rest > 0 {
            buffer.append(ASCII.zero + UInt8(rest % 10))
            rest /= 10
        }
        buffer[start...].reverse()
    }
}
