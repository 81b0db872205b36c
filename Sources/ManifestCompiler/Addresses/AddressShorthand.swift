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
}
