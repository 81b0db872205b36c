/// Why a message could not be accepted, with what a server needs to answer it.
///
/// ``kind`` says what was wrong; ``status`` is the response to send (`400` with a specific
/// reason phrase such as `Missing Call-ID`, `505` for another SIP version, `513` for an
/// oversized message). When the start line and header fields could be read, ``partialMessage``
/// holds them, and ``canBuildResponse`` says whether they suffice for a response: a request
/// other than ACK whose top Via, From, To, Call-ID and CSeq are readable (RFC 3261 §8.2.6).
/// Otherwise the message must be dropped silently.
public struct SIPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Nothing but CR/LF: a keep-alive, to be ignored.
        case emptyMessage
        /// More than ``SIPParserLimits/maxMessageSize`` bytes.
        case messageTooLarge
        /// A line longer than ``SIPParserLimits/maxLineLength``.
        case lineTooLong
        /// More than ``SIPParserLimits/maxHeaderCount`` header fields.
        case tooManyHeaders
        /// A header value (unfolded) longer than ``SIPParserLimits/maxHeaderValueLength``.
        case headerValueTooLong(SIPHeaderName)
        /// The header section does not end with an empty line.
        case incompleteHeaders
        /// NUL, another control character, or a CR not followed by LF in the header section.
        case invalidCharacter
        /// A header value or reason phrase that is not UTF-8.
        case invalidUTF8
        /// The first line is neither a request line nor a status line.
        case malformedStartLine
        /// A well-formed version other than SIP/2.0.
        case unsupportedVersion(SIPVersion)
        /// A Request-URI that is not a well-formed URI.
        case malformedRequestURI
        /// A header line with no colon.
        case headerWithoutColon
        /// A header line whose name is empty or not a token, or a continuation line with no
        /// header before it.
        case invalidHeaderName
        /// A mandatory header is absent.
        case missingHeader(SIPHeaderName)
        /// A header that may appear once appears more often.
        case duplicateHeader(SIPHeaderName)
        /// A header value that does not match its grammar.
        case malformedHeader(SIPHeaderName)
        /// The CSeq method differs from the request method (RFC 3261 §8.1.1.5).
        case cseqMethodMismatch
        /// Content-Length promises more bytes than there are.
        case contentLengthMismatch
        /// A stream message without Content-Length (RFC 3261 §18.3 makes it mandatory there).
        case missingContentLength
        /// A response was asked for something that is not a request.
        case notARequest
    }

    public var kind: Kind
    /// The start line and header fields, when they could be read; the body is empty unless
    /// it was read too.
    public var partialMessage: SIPMessage?

    public init(_ kind: Kind, partialMessage: SIPMessage? = nil) {
        self.kind = kind
        self.partialMessage = partialMessage
    }

    /// The response status a server sends for this error.
    public var status: SIPResponseStatus {
        switch kind {
        case .messageTooLarge:
            SIPResponseStatus(code: 513, reasonPhrase: "Message Too Large")
        case .unsupportedVersion:
            SIPResponseStatus(code: 505, reasonPhrase: "Version Not Supported")
        default:
            SIPResponseStatus(code: 400, reasonPhrase: reasonPhrase)
        }
    }

    /// A short, specific phrase for a `400 Bad Request` or a log line.
    public var reasonPhrase: String {
        switch kind {
        case .emptyMessage: "Empty message"
        case .messageTooLarge: "Message Too Large"
        case .lineTooLong: "Line too long"
        case .tooManyHeaders: "Too many headers"
        case .headerValueTooLong(let name): "\(name.name) too long"
        case .incompleteHeaders: "Incomplete header section"
        case .invalidCharacter: "Invalid character in header"
        case .invalidUTF8: "Invalid UTF-8 in header"
        case .malformedStartLine: "Malformed start line"
        case .unsupportedVersion: "Version Not Supported"
        case .malformedRequestURI: "Malformed Request-URI"
        case .headerWithoutColon: "Header without colon"
        case .invalidHeaderName: "Invalid header name"
        case .missingHeader(let name): "Missing \(name.name)"
        case .duplicateHeader(let name): "Duplicate \(name.name)"
        case .malformedHeader(let name): "Malformed \(name.name)"
        case .cseqMethodMismatch: "CSeq method mismatch"
        case .contentLengthMismatch: "Content-Length mismatch"
        case .missingContentLength: "Missing Content-Length"
        case .notARequest: "Not a request"
        }
    }

    /// Whether ``partialMessage`` is a request that can be answered: not an ACK, with a
    /// readable top Via, From, To, Call-ID and CSeq.
    public var canBuildResponse: Bool {
        guard let message = partialMessage, let method = message.method, method != .ack else { return false }
        do {
            _ = try message.headers.topVia
            _ = try message.headers.from
            _ = try message.headers.to
            _ = try message.headers.callID
            _ = try message.headers.cseq
            return true
        } catch {
            return false
        }
    }

    public var description: String {
        "\(status.code) \(reasonPhrase)"
    }
}
