/// One `auth-param` of a challenge or credentials (RFC 3261 §25.1, RFC 7235 §2.1): a name and
/// a value given as a token or a quoted string.
public struct SIPAuthParameter: Hashable, Sendable {
    /// The name as written; names compare case-insensitively.
    public var name: String
    /// The value with quotes and quoted-pair escapes removed.
    public var value: String
    /// Whether the value was a quoted string. Digest cares: `qop="auth"` in a challenge, but
    /// `qop=auth` in credentials (RFC 3261 §25.1, RFC 2617).
    public var isQuoted: Bool

    public init(name: String, value: String, isQuoted: Bool) {
        self.name = name
        self.value = value
        self.isQuoted = isQuoted
    }

    /// `name=value` or `name="value"`, escaping as needed.
    public var description: String {
        name + "=" + (isQuoted ? value.sipQuoted : value)
    }

    /// Parses a comma-separated auth-param list, `auth-param *( COMMA auth-param )` with
    /// `auth-param = token EQUAL ( token / quoted-string )`, as in `Authentication-Info` and
    /// after the scheme of a challenge or credentials. Empty list elements are skipped; a name
    /// given twice is an error (RFC 7235 §2.2). `nil` if malformed.
    public static func parseList(_ text: String) -> [SIPAuthParameter]? {
        var scanner = ByteScanner(text)
        return parseList(&scanner)
    }

    static func parseList(_ scanner: inout ByteScanner) -> [SIPAuthParameter]? {
        var parameters = [SIPAuthParameter]()
        parameters.reserveCapacity(10)  // Digest credentials have nine or ten; growing one by one reallocated four times
        while true {
            scanner.skipWhitespace()
            while scanner.consume(ASCII.comma) { scanner.skipWhitespace() }
            if scanner.isAtEnd { return parameters }
            guard let name = scanner.scanToken(), scanner.consumeSeparator(ASCII.equals) else { return nil }
            let parameter: SIPAuthParameter
            if scanner.peek() == ASCII.quote {
                guard let quoted = scanner.scanQuotedString() else { return nil }
                parameter = SIPAuthParameter(
                    name: name.string, value: String(decoding: quoted.content, as: UTF8.self), isQuoted: true)
            } else {
                guard let token = scanner.scanToken() else { return nil }
                parameter = SIPAuthParameter(name: name.string, value: token.string, isQuoted: false)
            }
            guard !parameters.contains(where: { $0.name.equalsIgnoringASCIICase(parameter.name) }) else { return nil }
            parameters.append(parameter)
            scanner.skipWhitespace()
            guard scanner.isAtEnd || scanner.peek() == ASCII.comma else { return nil }
        }
    }
}

/// The value of `WWW-Authenticate`, `Proxy-Authenticate` (a challenge), `Authorization` or
/// `Proxy-Authorization` (credentials): a scheme and its parameters (RFC 3261 §20.7, §20.27,
/// §20.28, §20.44; RFC 7235).
///
/// Only the syntax is handled here; computing and checking Digest responses is the
/// authentication layer's job.
public struct SIPAuthHeaderValue: Hashable, Sendable, CustomStringConvertible {
    /// `Digest`, as written; schemes compare case-insensitively.
    public var scheme: String
    public var parameters: [SIPAuthParameter]
    /// The `token68` form some schemes use instead of parameters (`Bearer abc…=`).
    public var token68: String?

    public init(scheme: String, parameters: [SIPAuthParameter] = [], token68: String? = nil) {
        self.scheme = scheme
        self.parameters = parameters
        self.token68 = token68
    }

    /// Parses `scheme LWS auth-param *( COMMA auth-param )`, or `scheme LWS token68`, or a bare
    /// scheme; `nil` if malformed.
    public init?(_ text: String) {
        var scanner = ByteScanner(text)
        scanner.skipWhitespace()
        guard let scheme = scanner.scanToken() else { return nil }
        self.scheme = scheme.string
        self.token68 = nil
        guard scanner.skipWhitespace() else {
            guard scanner.isAtEnd else { return nil }
            self.parameters = []
            return
        }
        let start = scanner.position
        if let parameters = SIPAuthParameter.parseList(&scanner) {
            self.parameters = parameters
            return
        }
        scanner.position = start
        let token = scanner.scan { $0.is(.alphanumeric) || "-._~+/".utf8.contains($0) }
        let padding = scanner.scan { $0 == ASCII.equals }
        scanner.skipWhitespace()
        guard !token.isEmpty, scanner.isAtEnd else { return nil }
        self.parameters = []
        self.token68 = token.string + padding.string
    }

    /// Whether the scheme is `Digest`.
    public var isDigest: Bool { scheme.equalsIgnoringASCIICase("Digest") }

    /// The value of the parameter named `name` (case-insensitive).
    public subscript(name: String) -> String? {
        parameters.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// The parameters by lower-cased name, values unquoted: the form the Digest layer reads
    /// (`DigestAuthorization(parameters:)`). Names are unique, since a repeated name fails
    /// parsing.
    public var parametersByName: [String: String] {
        var result = [String: String](minimumCapacity: parameters.count)
        for parameter in parameters {
            result[parameter.name.asciiLowercased] = parameter.value
        }
        return result
    }

    public var description: String {
        if let token68 { return scheme + " " + token68 }
        if parameters.isEmpty { return scheme }
        return scheme + " " + parameters.map(\.description).joined(separator: ", ")
    }
}
