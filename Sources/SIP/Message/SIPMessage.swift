/// A SIP request or response (RFC 3261 §7): a start line, header fields in order, and a body.
///
/// A value type with no networking attached: ``SIPParser`` makes one from a UDP datagram,
/// ``SIPStreamFramer`` from a TCP byte stream, ``serialize()`` turns one back into bytes.
/// Header values are kept as received (unfolded); the typed views (`headers.vias`,
/// `headers.cseq`, …) parse them on demand.
public struct SIPMessage: Hashable, Sendable {
    /// Whether the message is a request or a response, with the fields of its first line.
    public enum StartLine: Hashable, Sendable {
        case request(SIPRequestLine)
        case response(SIPStatusLine)
    }

    public var startLine: StartLine
    public var headers: SIPHeaders
    /// The message body, exactly `Content-Length` bytes when parsed.
    public var body: [UInt8]

    public init(startLine: StartLine, headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
    }

    /// A request.
    public init(method: SIPMethod, uri: SIPAnyURI, headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []) {
        self.init(startLine: .request(SIPRequestLine(method: method, uri: uri)), headers: headers, body: body)
    }

    /// A response.
    public init(status: SIPResponseStatus, headers: SIPHeaders = SIPHeaders(), body: [UInt8] = []) {
        self.init(startLine: .response(SIPStatusLine(status: status)), headers: headers, body: body)
    }

    /// Whether this is a request.
    public var isRequest: Bool {
        if case .request = startLine { return true }
        return false
    }

    /// The request line, or `nil` for a response.
    public var requestLine: SIPRequestLine? {
        if case .request(let line) = startLine { return line }
        return nil
    }

    /// The status line, or `nil` for a request.
    public var statusLine: SIPStatusLine? {
        if case .response(let line) = startLine { return line }
        return nil
    }

    /// The method of a request, `nil` for a response (whose method is in `CSeq`).
    public var method: SIPMethod? { requestLine?.method }

    /// The Request-URI of a request.
    public var requestURI: SIPAnyURI? { requestLine?.uri }

    /// The status code of a response.
    public var statusCode: Int? { statusLine?.statusCode }

    /// The protocol version of the start line.
    public var version: SIPVersion {
        switch startLine {
        case .request(let line): line.version
        case .response(let line): line.version
        }
    }
}
