/// The `host[:port]` shorthand of a server or proxy, and the parts people paste in from SIP
/// URIs that do not belong there.
struct AddressShorthand: Equatable {
    var host: Substring
    var port: Substring?
    /// Parts removed because they do not belong in an address, each with a note for the user.
    var removed: [String] = []
    /// A transport implied by a removed part (`sips:`, `;transport=tcp`).
    var impliedTransport: Substring?

    /// Splits `text` into host and port, after taking off a URI scheme, a user part,
    /// parameters, headers and a path, each recorded in `removed`.
    init(_ text: Substring) {
        // Nearly every address is plain ASCII with nothing to take off: split those on their
        // UTF-8 bytes. Walking `Character`s (grapheme breaking, string comparison per `==`)
        // cost about 60,000 instructions per address.
        if let plain = Self.plainASCII(text) {
            self = plain
        } else {
            self.init(general: text)
        }
    }

    private init(host: Substring, port: Substring?) {
        self.host = host
        self.port = port
    }

    /// The full rules, for any text: `Character` by `Character`, so an address with non-ASCII
    /// text is cut only at whole characters.
    init(general text: Substring) {
        var rest = text
        if let colon = rest.firstIndex(of: ":"), ["sip", "sips", "tel"].contains(rest[..<colon].lowercased()) {
            let scheme = rest[..<colon].lowercased()
            removed.append("the `\(scheme):` scheme (this is an address, not a URI)")
            if scheme == "sips" { impliedTransport = "tls" }
            rest = rest[rest.index(after: colon)...]
        }
        if let at = rest.lastIndex(of: "@") {
            removed.append("the user part `\(rest[..<at])@` (put the user name in `login`)")
            rest = rest[rest.index(after: at)...]
        }
        if let semicolon = rest.firstIndex(of: ";") {
            let parameters = rest[semicolon...]
            removed.append("the parameters `\(parameters)`")
            if let range = parameters.range(of: ";transport=") {
                impliedTransport = parameters[range.upperBound...].prefix { $0 != ";" }
            }
            rest = rest[..<semicolon]
        }
        if let mark = rest.firstIndex(where: { $0 == "?" || $0 == "/" }) {
            removed.append("the `\(rest[mark...])` part (an address has no path or headers)")
            rest = rest[..<mark]
        }
        if rest.first == "[", let close = rest.firstIndex(of: "]") {
            host = rest[...close]
            let after = rest[rest.index(after: close)...]
            port = after.first == ":" ? after.dropFirst() : (after.isEmpty ? nil : after)
        } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
            port = rest[rest.index(after: colon)...]
        } else {
            host = rest
            port = nil
        }
    }

    /// The common case in one pass over the bytes: printable ASCII without `@`, `;`, `?` or `/`
    /// and without a `sip:`/`sips:`/`tel:` scheme, so nothing is removed. Nil for anything else,
    /// which `init(general:)` handles. For such text every byte is a whole `Character`, so the
    /// split is the one `init(general:)` would make (`AddressParsingTests` compares the two).
    private static func plainASCII(_ text: Substring) -> AddressShorthand? {
        guard let split = ASCII.withBytes(of: text, plainSplit) else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> Substring.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return AddressShorthand(host: text[..<index(split.hostEnd)], port: split.portStart.map { text[index($0)...] })
    }

    /// Where the host ends and the port starts, as byte offsets; nil when the text is not plain.
    private static func plainSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> (hostEnd: Int, portStart: Int?)? {
        var colons = 0
        var firstColon: Int?
        var firstClose: Int?
        for offset in bytes.indices {
            switch bytes[offset] {
            case UInt8(ascii: ":"):
                colons += 1
                if firstColon == nil { firstColon = offset }
            case UInt8(ascii: "]"):
                if firstClose == nil { firstClose = offset }
            case UInt8(ascii: "@"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "/"):
                return nil
            case 0x21...0x7E:
                break
            default:
                return nil  // white space, control characters, non-ASCII text
            }
        }
        if let firstColon, ASCII.isURIScheme(UnsafeBufferPointer(rebasing: bytes[..<firstColon])) { return nil }

        if bytes.first == UInt8(ascii: "["), let firstClose {
            // `[v6]`, `[v6]:port`, or `[v6]` followed by something that is taken as the port.
            let afterClose = firstClose + 1
            if afterClose == bytes.count { return (afterClose, nil) }
            return (afterClose, bytes[afterClose] == UInt8(ascii: ":") ? afterClose + 1 : afterClose)
        }
        if colons == 1, let firstColon { return (firstColon, firstColon + 1) }
        return (bytes.count, nil)
    }
}
