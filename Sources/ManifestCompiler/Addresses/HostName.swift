/// Host names per RFC 1123 §2.1 and RFC 1035 §2.3.4, and strict host parsing.
enum HostName {
    /// Why a text is not a usable host.
    enum Problem: Error, Equatable {
        case empty
        case tooLong(Int)
        case emptyLabel
        case labelTooLong(String)
        case invalidCharacter(Character, label: String)
        case hyphenAtEdge(String)
        case trailingDot
        case invalidIPv4(IPAddress.ParseError)
        case invalidIPv6

        var message: String {
            switch self {
            case .empty: "the host is empty"
            case .tooLong(let length): "a host name has at most 253 characters, this one \(length)"
            case .emptyLabel: "a host name cannot have two dots in a row or start with a dot"
            case .labelTooLong(let label): "the label `\(label)` is longer than 63 characters"
            case .invalidCharacter(let character, let label):
                "`\(character)` is not allowed in a host name (label `\(label)`); use letters, digits and `-`"
            case .hyphenAtEdge(let label): "the label `\(label)` starts or ends with `-`"
            case .trailingDot: "write the host name without the trailing dot"
            case .invalidIPv4(let reason):
                switch reason {
                case .leadingZero(let octet):
                    "the octet `\(octet)` has a leading zero, which some software reads as octal"
                case .octetOutOfRange(let octet): "the octet `\(octet)` is not between 0 and 255"
                case .wrongOctetCount(let count): "an IPv4 address has 4 octets, this one \(count)"
                default: "not a valid IPv4 address"
                }
            case .invalidIPv6: "not a valid IPv6 address"
            }
        }
    }

    /// Parses a host: IPv6 (with or without brackets), strict IPv4 when every label is numeric,
    /// else a DNS name, lowercased.
    static func parse(_ text: Substring) -> Result<Host, Problem> {
        // Printable ASCII (every real host) is checked on its bytes; see `ASCII` for why.
        let isPrintableASCII = ASCII.withBytes(of: text) { $0.allSatisfy(ASCII.isPrintable) }
        return isPrintableASCII ? parseASCII(text) : parseGeneral(text)
    }

    /// The same rules as `parseGeneral`, on bytes. In printable ASCII every byte is a whole
    /// `Character`, so lengths, labels and the reported character are the same
    /// (`AddressParsingTests` compares the two).
    static func parseASCII(_ text: Substring) -> Result<Host, Problem> {
        ASCII.withBytes(of: text) { bytes in
            guard let first = bytes.first, let last = bytes.last else { return .failure(.empty) }
            if first == UInt8(ascii: "["), last == UInt8(ascii: "]") { return parseIPv6(text.dropFirst().dropLast()) }
            if bytes.contains(UInt8(ascii: ":")) { return parseIPv6(text) }
            if bytes.allSatisfy({ ASCII.isDigit($0) || $0 == UInt8(ascii: ".") }) { return parseIPv4(text) }
            if last == UInt8(ascii: ".") { return .failure(.trailingDot) }
            if bytes.count > 253 { return .failure(.tooLong(bytes.count)) }
            var labelStart = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ".") {
                if let problem = labelProblem(UnsafeBufferPointer(rebasing: bytes[labelStart..<end])) {
                    return .failure(problem)
                }
                labelStart = end + 1
            }
            guard bytes.contains(where: ASCII.isUppercaseLetter) else { return .success(.name(String(text))) }
            return .success(.name(String(decoding: bytes.lazy.map(ASCII.lowercased), as: UTF8.self)))
        }
    }

    /// What is wrong with one label of a DNS name, in the order `parseGeneral` checks it.
    private static func labelProblem(_ label: UnsafeBufferPointer<UInt8>) -> Problem? {
        guard let first = label.first, let last = label.last else { return .emptyLabel }
        func labelText() -> String { String(decoding: label, as: UTF8.self) }
        if label.count > 63 { return .labelTooLong(labelText()) }
        if let bad = label.first(where: { !(ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-")) }) {
            return .invalidCharacter(Character(Unicode.Scalar(bad)), label: labelText())
        }
        if first == UInt8(ascii: "-") || last == UInt8(ascii: "-") { return .hyphenAtEdge(labelText()) }
        return nil
    }

    /// The rules for any text, `Character` by `Character`.
    static func parseGeneral(_ text: Substring) -> Result<Host, Problem> {
        if text.isEmpty { return .failure(.empty) }
        if text.first == "[", text.last == "]" { return parseIPv6(text.dropFirst().dropLast()) }
        if text.contains(":" as Character) { return parseIPv6(text) }
        if text.allSatisfy({ $0.isASCIIDigit || $0 == "." }) { return parseIPv4(text) }
        if text.hasSuffix(".") { return .failure(.trailingDot) }
        if text.count > 253 { return .failure(.tooLong(text.count)) }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return .failure(.emptyLabel) }
            if label.count > 63 { return .failure(.labelTooLong(String(label))) }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                return .failure(.invalidCharacter(bad, label: String(label)))
            }
            if label.first == "-" || label.last == "-" { return .failure(.hyphenAtEdge(String(label))) }
        }
        return .success(.name(text.lowercased()))
    }

    private static func parseIPv4(_ text: Substring) -> Result<Host, Problem> {
        switch IPAddress.parseIPv4(text) {
        case .success(let address): .success(.ip(address))
        case .failure(let reason): .failure(.invalidIPv4(reason))
        }
    }

    private static func parseIPv6(_ text: Substring) -> Result<Host, Problem> {
        switch IPAddress.parseIPv6(text) {
        case .success(let address): .success(.ip(address))
        case .failure: .failure(.invalidIPv6)
        }
    }
}
