import RuntimeBundle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address, parsed strictly.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    /// Sixteen bytes in network order.
    case v6([UInt8])

    /// Why a text is not an IP address, phrased for a diagnostic.
    public enum ParseError: Error, Equatable, Sendable {
        case notAnAddress
        case leadingZero(octet: String)
        case octetOutOfRange(octet: String)
        case wrongOctetCount(Int)
        case zoneIndex
        case invalidIPv6
    }

    /// Parses a dotted-quad IPv4 address: exactly four decimal octets 0–255 without leading
    /// zeros (which some parsers read as octal, so `010.0.0.1` would mean 8.0.0.1).
    ///
    /// Read on UTF-8 bytes (see `ASCII`): only ASCII digits and dots can make an address, and any
    /// other byte makes some part fail, just as any other `Character` would.
    public static func parseIPv4(_ text: some StringProtocol) -> Result<IPAddress, ParseError> {
        ASCII.withBytes(of: text, parseIPv4)
    }

    private static func parseIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<IPAddress, ParseError> {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(ASCII.isDigit) }) else {
            return .failure(.notAnAddress)
        }
        guard parts.count == 4 else { return .failure(.wrongOctetCount(parts.count)) }
        var value: UInt32 = 0
        for part in parts {
            func octetText() -> String { String(decoding: part, as: UTF8.self) }
            if part.count > 1, part.first == UInt8(ascii: "0") { return .failure(.leadingZero(octet: octetText())) }
            guard part.count <= 3 else { return .failure(.octetOutOfRange(octet: octetText())) }
            let octet = part.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
            guard octet <= 255 else { return .failure(.octetOutOfRange(octet: octetText())) }
            value = value << 8 | octet
        }
        return .success(.v4(value))
    }

    /// Parses an IPv6 address in any RFC 4291 text form, without brackets. Zone indexes
    /// (`%eth0`) are refused: they name an interface of one machine, not an address.
    ///
    /// The characters are checked on UTF-8 bytes (see `ASCII`); `inet_pton` reads a copy on the
    /// stack, so a valid address costs no allocation but its own 16 bytes.
    public static func parseIPv6(_ text: some StringProtocol) -> Result<IPAddress, ParseError> {
        ASCII.withBytes(of: text, parseIPv6)
    }

    private static func parseIPv6(_ utf8: UnsafeBufferPointer<UInt8>) -> Result<IPAddress, ParseError> {
        if utf8.contains(UInt8(ascii: "%")) { return .failure(.zoneIndex) }
        guard utf8.contains(UInt8(ascii: ":")),
              utf8.allSatisfy({ ASCII.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
        else {
            return .failure(.notAnAddress)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        let ok = withUnsafeTemporaryAllocation(of: CChar.self, capacity: utf8.count + 1) { cString in
            var end = 0
            for byte in utf8 {
                cString[end] = CChar(bitPattern: byte)
                end += 1
            }
            cString[end] = 0
            return bytes.withUnsafeMutableBytes { inet_pton(AF_INET6, cString.baseAddress, $0.baseAddress) }
        }
        guard ok == 1 else { return .failure(.invalidIPv6) }
        return .success(.v6(bytes))
    }

    /// Parses either family: IPv6 if the text contains a colon, IPv4 otherwise.
    public static func parse(_ text: some StringProtocol) -> Result<IPAddress, ParseError> {
        ASCII.withBytes(of: text) { $0.contains(UInt8(ascii: ":")) ? parseIPv6($0) : parseIPv4($0) }
    }

    /// Canonical text: dotted quad, or RFC 5952 compressed IPv6.
    ///
    /// Written without intermediate arrays (the bundle spells out every literal address; mapping
    /// and joining four strings cost about 6,000 instructions an address).
    public var description: String {
        switch self {
        case .v4(let value):
            // Byte by byte: interpolating four numbers cost hundreds of instructions each.
            return DecimalText.string(capacity: 4 * DecimalText.maxLength) { text in
                Self.writeDotted(value, into: text, at: 0)
            }
        case .v6(let bytes):
            // The form glibc's `inet_ntop` writes, which this replaced (it formats each group
            // with `sprintf`, about 4,000 instructions an address): `IPAddressTextTests` holds
            // the two to the same text.
            return DecimalText.string(capacity: 64) { text in Self.writeIPv6(bytes, into: text) }
        }
    }

    /// A dotted quad at `offset`; the offset after it.
    private static func writeDotted(_ value: UInt32, into text: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var end = offset
        for shift in stride(from: 24, through: 0, by: -8) {
            if shift < 24 {
                text[end] = UInt8(ascii: ".")
                end += 1
            }
            end = DecimalText.write(Int((value >> UInt32(shift)) & 0xFF), into: text, at: end)
        }
        return end
    }

    /// RFC 5952: lowercase hexadecimal groups without leading zeros, the longest run of two or
    /// more zero groups (the first of equal runs) as `::`, and an IPv4-mapped or -compatible
    /// address with its last 32 bits dotted, as `inet_ntop` writes them.
    private static func writeIPv6(_ bytes: [UInt8], into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var best = (start: -1, length: 0), current = (start: -1, length: 0)
        for index in 0..<8 {
            if groups[index] == 0 {
                current = current.start < 0 ? (index, 1) : (current.start, current.length + 1)
                if current.length > best.length { best = current }
            } else {
                current = (-1, 0)
            }
        }
        if best.length < 2 { best = (-1, 0) }
        var end = 0
        func put(_ byte: UInt8) {
            text[end] = byte
            end += 1
        }
        for index in 0..<8 {
            if best.start >= 0, index >= best.start, index < best.start + best.length {
                if index == best.start { put(UInt8(ascii: ":")) }
                continue
            }
            if index > 0 { put(UInt8(ascii: ":")) }
            if index == 6, best.start == 0, best.length == 6 || (best.length == 5 && groups[5] == 0xFFFF) {
                let last = UInt32(groups[6]) << 16 | UInt32(groups[7])
                end = writeDotted(last, into: text, at: end)
                return end
            }
            let group = groups[index]
            var started = false
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((group >> UInt16(shift)) & 0xF)
                guard started || digit != 0 || shift == 0 else { continue }
                started = true
                put(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
        if best.start >= 0, best.start + best.length == 8 { put(UInt8(ascii: ":")) }
        return end
    }

    /// The address as the host part of a URI or `host:port`: IPv6 in brackets.
    public var uriHost: String {
        if case .v6 = self { return "[\(description)]" }
        return description
    }

    /// The number of bits: 32 or 128.
    public var bitWidth: Int {
        if case .v4 = self { return 32 }
        return 128
    }

    /// The address's bits as bytes in network order.
    public var bytes: [UInt8] {
        switch self {
        case .v4(let value): [24, 16, 8, 0].map { UInt8((value >> UInt32($0)) & 0xFF) }
        case .v6(let bytes): bytes
        }
    }
}
