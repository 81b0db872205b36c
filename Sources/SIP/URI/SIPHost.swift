/// The host of a SIP URI or Via sent-by: a host name, an IPv4 address, or an IPv6 reference
/// in brackets (RFC 3261 §25.1 `host`).
///
/// The text is kept as written for serialization; equality and hashing use the canonical form
/// (host names lower-cased, addresses in their shortest standard text), so `Example.COM`
/// equals `example.com` and `[2001:DB8:0::1]` equals `[2001:db8::1]`, as RFC 3261 §19.1.4
/// compares hosts.
public struct SIPHost: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case hostname
        case ipv4
        case ipv6
    }

    public let kind: Kind
    /// The host as written; an IPv6 reference includes its brackets.
    public let text: String
    /// Lower-case host name, dotted-quad IPv4 without leading zeros, or RFC 5952 IPv6 in
    /// brackets.
    public let canonical: String

    private init(kind: Kind, text: String, canonical: String) {
        self.kind = kind
        self.text = text
        self.canonical = canonical
    }

    /// Parses a host: a host name, an IPv4 address, or an IPv6 address in brackets. With
    /// `allowBareIPv6`, an IPv6 address without brackets is accepted too, as the Via
    /// `received` parameter writes it.
    public init?(_ text: String, allowBareIPv6: Bool = false) {
        guard let host = SIPHost.parse(Array(text.utf8)[...], allowBareIPv6: allowBareIPv6) else { return nil }
        self = host
    }

    public var description: String { text }

    /// Whether the host is an IP address rather than a name.
    public var isIPAddress: Bool { kind != .hostname }

    /// The address as the Via `received` parameter writes it: IPv6 without brackets
    /// (RFC 3261 §20.42); otherwise the canonical text.
    public var addressText: String {
        if kind == .ipv6 { return String(canonical.dropFirst().dropLast()) }
        return canonical
    }

    public static func == (lhs: SIPHost, rhs: SIPHost) -> Bool {
        lhs.canonical == rhs.canonical
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }

    /// Parses `host` from bytes (no surrounding whitespace).
    static func parse(_ bytes: ArraySlice<UInt8>, allowBareIPv6: Bool = false) -> SIPHost? {
        guard let first = bytes.first, bytes.count <= 255 else { return nil }
        if first == ASCII.leftBracket {
            guard bytes.count >= 4, bytes.last == ASCII.rightBracket,
                let groups = IPAddressText.parseIPv6(bytes.dropFirst().dropLast())
            else { return nil }
            return SIPHost(kind: .ipv6, text: bytes.string, canonical: "[" + IPAddressText.text(ipv6: groups) + "]")
        }
        // One pass to classify; most hosts are lower-case names or dotted quads.
        var hasColon = false
        var onlyDigitsAndDots = true
        var hasUppercase = false
        for byte in bytes {
            if byte == ASCII.colon { hasColon = true }
            if !byte.isASCIIDigit, byte != ASCII.dot { onlyDigitsAndDots = false }
            if (byte &- 0x41) < 26 { hasUppercase = true }
        }
        if hasColon {
            guard allowBareIPv6, let groups = IPAddressText.parseIPv6(bytes) else { return nil }
            return SIPHost(kind: .ipv6, text: bytes.string, canonical: "[" + IPAddressText.text(ipv6: groups) + "]")
        }
        if onlyDigitsAndDots {
            // Digits and dots can only be an IPv4 address (a top label starts with a letter).
            guard let octets = IPAddressText.parseIPv4(bytes) else { return nil }
            // Nearly every sender writes no leading zeros: then the text is its canonical form.
            let text = bytes.string
            let canonical = IPAddressText.hasLeadingZero(ipv4: bytes) ? IPAddressText.text(ipv4: octets) : text
            return SIPHost(kind: .ipv4, text: text, canonical: canonical)
        }
        guard isHostname(bytes) else { return nil }
        let text = bytes.string
        return SIPHost(kind: .hostname, text: text, canonical: hasUppercase ? text.asciiLowercased : text)
    }

    /// `hostname = *( domainlabel "." ) toplabel [ "." ]`: labels of letters, digits and
    /// hyphens (underscores tolerated), not starting or ending with a hyphen, at most 63 bytes.
    private static func isHostname(_ bytes: ArraySlice<UInt8>) -> Bool {
        var labelStart = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index <= end {
            if index == end || bytes[index] == ASCII.dot {
                let label = bytes[labelStart..<index]
                if label.isEmpty {
                    // Only a single trailing dot may leave an empty label.
                    return index == end && index > bytes.startIndex && labelStart != bytes.startIndex
                }
                guard label.count <= 63, label.first != ASCII.hyphen, label.last != ASCII.hyphen,
                    label.allSatisfy({ $0.is(.hostLabel) })
                else { return false }
                labelStart = index + 1
            }
            index += 1
        }
        return true
    }
}
