extension SIPURI {
    /// The user part in canonical spelling: escapes of characters allowed as themselves
    /// decoded, the rest kept escaped with upper-case hex (`%61lice` → `alice`, `a%40b` stays
    /// `a%40b`). User parts compare case-sensitively, so case is otherwise kept.
    public var canonicalUser: String? {
        guard var user else { return nil }
        // A user part without escapes, of characters it allows as themselves (an extension
        // number, a login), is already canonical.
        let isCanonical = user.withUTF8 { bytes in bytes.allSatisfy { $0.is([.unreserved, .userUnreserved]) } }
        return isCanonical ? user : URIEscaping.canonical(Array(user.utf8)[...], unescaped: [.unreserved, .userUnreserved])
    }

    /// `text` as a user part: characters a user part allows as themselves kept, every other
    /// byte (and `%`) escaped, so a login such as `user@corp` or `a b` makes a valid URI.
    public static func escapedUser(_ text: String) -> String {
        URIEscaping.escape(text.utf8, unescaped: [.unreserved, .userUnreserved])
    }

    /// The address-of-record key a registrar stores bindings under (RFC 3261 §10.3 step 5):
    /// `sip:user@host` with the scheme kept, the user in canonical spelling, the host in
    /// canonical (lower-case) form, and no password, port, parameters or headers.
    /// `sip:%61lice@Example.COM:5060;transport=tcp` gives `sip:alice@example.com`.
    public var addressOfRecord: String {
        var text = scheme.rawValue + ":"
        if let canonicalUser { text += canonicalUser + "@" }
        text += host.canonical
        return text
    }

    /// RFC 3261 §19.1.4 equality: same scheme; user and password equal case-sensitively after
    /// unescaping; host equal case-insensitively (addresses by value); ports equal (absent is
    /// not 5060); the `user`, `ttl`, `method`, `maddr` and `transport` parameters equal when
    /// either has them (absent is not the default); other parameters equal when both have them; headers all equal. Parameter and
    /// header values compare case-insensitively after unescaping.
    public func isEquivalent(to other: SIPURI) -> Bool {
        guard scheme == other.scheme,
            user.map(Self.unescaped) == other.user.map(Self.unescaped),
            password.map(Self.unescaped) == other.password.map(Self.unescaped),
            host == other.host,
            port == other.port
        else { return false }

        let mustMatch = ["user", "ttl", "method", "maddr", "transport"]
        for name in mustMatch where parameters.contains(name) || other.parameters.contains(name) {
            guard Self.parameterValuesMatch(parameters.first(named: name), other.parameters.first(named: name)) else {
                return false
            }
        }
        for parameter in parameters {
            guard let counterpart = other.parameters.first(named: parameter.name) else { continue }
            guard Self.parameterValuesMatch(parameter, counterpart) else { return false }
        }

        guard headers.count == other.headers.count else { return false }
        for header in headers {
            guard let counterpart = other.headers.first(named: header.name),
                Self.parameterValuesMatch(header, counterpart)
            else { return false }
        }
        return true
    }

    private static func unescaped(_ text: String) -> [UInt8] {
        URIEscaping.decode(Array(text.utf8)[...])
    }

    private static func parameterValuesMatch(_ lhs: SIPParameter?, _ rhs: SIPParameter?) -> Bool {
        guard let lhs, let rhs else { return false }
        let left = lhs.value.map { unescaped($0).map(\.asciiLowercased) }
        let right = rhs.value.map { unescaped($0).map(\.asciiLowercased) }
        return left == right
    }
}
