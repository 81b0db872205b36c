/// Parsing and canonical text of IP address literals, without the C library, so that the same
/// bytes give the same answer on every platform.
enum IPAddressText {
    /// Parses dotted-quad IPv4 (`1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`, each at most
    /// 255; RFC 3261 §25.1).
    static func parseIPv4(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var octets = [UInt8]()
        octets.reserveCapacity(4)
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte.isASCIIDigit {
                digits += 1
                guard digits <= 3 else { return nil }
                value = value * 10 + Int(byte - ASCII.zero)
            } else if byte == ASCII.dot {
                guard digits > 0, value <= 255, octets.count < 3 else { return nil }
                octets.append(UInt8(value))
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0, value <= 255, octets.count == 3 else { return nil }
        octets.append(UInt8(value))
        return octets
    }

    /// Parses an IPv6 address without brackets (RFC 4291 §2.2: hex groups, one `::`, an
    /// optional dotted IPv4 tail). Zone identifiers are not accepted.
    static func parseIPv6(_ bytes: ArraySlice<UInt8>) -> [UInt16]? {
        guard bytes.count >= 2, bytes.count <= 45 else { return nil }
        var head = [UInt16]()
        var tail = [UInt16]()
        var sawDoubleColon = false
        var index = bytes.startIndex
        let end = bytes.endIndex
        if bytes[index] == ASCII.colon {
            guard bytes[index + 1] == ASCII.colon else { return nil }
            sawDoubleColon = true
            index += 2
            if index == end { return [UInt16](repeating: 0, count: 8) }
        }
        while index < end {
            // One group: hex digits, or an IPv4 tail when a dot follows the digits.
            var groupEnd = index
            while groupEnd < end, bytes[groupEnd].hexDigitValue != nil { groupEnd += 1 }
            if groupEnd < end, bytes[groupEnd] == ASCII.dot {
                guard let ipv4 = parseIPv4(bytes[index..<end]) else { return nil }
                let groups = [UInt16(ipv4[0]) << 8 | UInt16(ipv4[1]), UInt16(ipv4[2]) << 8 | UInt16(ipv4[3])]
                if sawDoubleColon { tail += groups } else { head += groups }
                index = end
                break
            }
            let length = groupEnd - index
            guard length >= 1, length <= 4 else { return nil }
            var group: UInt16 = 0
            for byte in bytes[index..<groupEnd] {
                group = group << 4 | UInt16(byte.hexDigitValue ?? 0)
            }
            if sawDoubleColon { tail.append(group) } else { head.append(group) }
            index = groupEnd
            if index == end { break }
            guard bytes[index] == ASCII.colon else { return nil }
            index += 1
            if index < end, bytes[index] == ASCII.colon {
                guard !sawDoubleColon else { return nil }
                sawDoubleColon = true
                index += 1
                if index == end { break }
            } else if index == end {
                return nil  // a trailing single colon
            }
        }
        let total = head.count + tail.count
        if sawDoubleColon {
            guard total <= 7 else { return nil }
            return head + [UInt16](repeating: 0, count: 8 - total) + tail
        }
        return total == 8 ? head : nil
    }

    /// Whether a dotted quad that ``parseIPv4(_:)`` accepted writes an octet with a leading
    /// zero (`010`): only then does its canonical text differ from it.
    static func hasLeadingZero(ipv4 bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let startsOctet = index == bytes.startIndex || bytes[index - 1] == ASCII.dot
            if startsOctet, bytes[index] == ASCII.zero, index + 1 < bytes.endIndex, bytes[index + 1].isASCIIDigit {
                return true
            }
            index += 1
        }
        return false
    }

    /// Dotted decimal without leading zeros.
    static func text(ipv4 octets: [UInt8]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(15)
        for (index, octet) in octets.enumerated() {
            if index > 0 { bytes.append(ASCII.dot) }
            DecimalParsing.append(Int(octet), to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero
    /// groups (the first of equal runs) written as `::`.
    static func text(ipv6 groups: [UInt16]) -> String {
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                let length = index - runStart + 1
                if length > bestLength {
                    bestStart = runStart
                    bestLength = length
                }
            } else {
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var text = ""
        var index = 0
        while index < groups.count {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }
}
