/// The first line of a request: `Method SP Request-URI SP SIP-Version` (RFC 3261 §7.1).
public struct SIPRequestLine: Hashable, Sendable {
    public var method: SIPMethod
    public var uri: SIPAnyURI
    public var version: SIPVersion

    public init(method: SIPMethod, uri: SIPAnyURI, version: SIPVersion = .sip2_0) {
        self.method = method
        self.uri = uri
        self.version = version
    }
}

/// The first line of a response: `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.2).
public struct SIPStatusLine: Hashable, Sendable {
    public var version: SIPVersion
    /// 100...699.
    public var statusCode: Int
    /// May be empty.
    public var reasonPhrase: String

    public init(version: SIPVersion = .sip2_0, statusCode: Int, reasonPhrase: String) {
        self.version = version
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
    }

    public init(version: SIPVersion = .sip2_0, status: SIPResponseStatus) {
        self.init(version: version, statusCode: status.code, reasonPhrase: status.reasonPhrase)
    }
}
