/// One entry of a trunk's `trunk.allow`: a network of source addresses, optionally bound to one
/// source port, parsed from the text the bundle stores (`198.51.100.7`, `198.51.100.0/28`,
/// `198.51.100.7:5060`, `198.51.100.0/28:5060`, `2001:db8::1`, `2001:db8::/48`,
/// `[2001:db8::1]:5060`, `[2001:db8::/48]:5060`).
///
/// The rules are the compiler's (docs/manifest.md, Trunks): literal addresses only, a prefix
/// without leading zeros, no bits set beyond the prefix, no `/0`. The bundle was checked when it
/// was compiled; they are checked again here because this is where a wrong entry would let the
/// wrong sources in.
public struct TrunkAllowEntry: Hashable, Sendable {
    /// The network, host bits clear.
    public var network: TrunkAddress
    /// Leading bits that must match, out of 128 (an IPv4 `/28` is 124: 96 for `::ffff:0:0/96`).
    public var prefixLength: Int
    /// The only source port accepted; nil accepts any.
    public var port: Int?

    public init(network: TrunkAddress, prefixLength: Int, port: Int?) {
        self.network = network
        self.prefixLength = prefixLength
        self.port = port
    }

    /// Why an entry's text is not a source range.
    public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        case notAnAddress(String)
        case unclosedBracket
        case textAfterBracket(String)
        case invalidPort(String)
        case invalidPrefix(String, maximum: Int)
        case zeroPrefix
        case hostBitsSet(prefix: Int)

        public var description: String {
            switch self {
            case .notAnAddress(let text): "`\(text)` is not an IPv4 or IPv6 address"
            case .unclosedBracket: "the `[` is not closed"
            case .textAfterBracket(let text): "unexpected `\(text)` after `]`"
            case .invalidPort(let text): "the port `\(text)` is not between 1 and 65535"
            case .invalidPrefix(let text, let maximum): "the prefix length `/\(text)` is not between 1 and \(maximum)"
            case .zeroPrefix: "`/0` would accept calls from any address"
            case .hostBitsSet(let prefix): "the address has bits set beyond the /\(prefix) prefix"
            }
        }
    }

    /// Parses one entry of `trunk.allow`.
    public init(parsing text: String) throws(ParseError) {
        var body = Substring(text)
        var portText: Substring?
        if body.first == "[" {
            guard let close = body.firstIndex(of: "]") else { throw .unclosedBracket }
            let after = body[body.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .textAfterBracket(String(after)) }
                portText = after.dropFirst()
            }
            body = body[body.index(after: body.startIndex)..<close]
        } else if body.utf8.count(where: { $0 == UInt8(ascii: ":") }) == 1, let colon = body.firstIndex(of: ":") {
            // Exactly one colon: IPv4 with a port (an IPv6 address has at least two).
            portText = body[body.index(after: colon)...]
            body = body[..<colon]
        }
        let port = try portText.map { (text) throws(ParseError) -> Int in
            guard let value = Self.decimal(text), (1...65535).contains(value) else { throw .invalidPort(String(text)) }
            return value
        }

        let parts = body.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = TrunkAddress(parts[0]) else { throw .notAnAddress(String(parts[0])) }
        let width = parts[0].contains(":") ? 128 : 32
        var prefix = width
        if parts.count == 2 {
            guard let value = Self.decimal(parts[1]), value <= width else {
                throw .invalidPrefix(String(parts[1]), maximum: width)
            }
            guard value > 0 else { throw .zeroPrefix }
            prefix = value
        }
        let prefixLength = prefix + (128 - width)
        guard address.bits & ~TrunkAllowEntry.mask(prefixLength) == 0 else { throw .hostBitsSet(prefix: prefix) }
        self.init(network: address, prefixLength: prefixLength, port: port)
    }

    /// True when `address` is in the network and, for a port-bound entry, `port` is its port.
    public func matches(_ address: TrunkAddress, port: Int) -> Bool {
        address.bits & Self.mask(prefixLength) == network.bits && (self.port == nil || self.port == port)
    }

    /// The first `length` of 128 bits set.
    static func mask(_ length: Int) -> UInt128 {
        length == 0 ? 0 : ~UInt128(0) << (128 - length)
    }

    /// Decimal digits without a leading zero (`0` itself is fine), at most five of them.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5,
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              text == "0" || text.first != "0"
        else { return nil }
        return Int(text)
    }
}
