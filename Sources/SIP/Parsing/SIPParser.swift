/// Parses one SIP message from one UDP datagram (RFC 3261 §7, §18.3).
///
/// A single pass over the bytes reads the start line and headers (see ``SIPParserLimits`` for
/// the bounds), then the mandatory headers are checked. On a datagram, Content-Length is
/// optional: when present it must not exceed the bytes after the header section, and bytes
/// beyond it are ignored; when absent the body is the rest of the datagram.
///
/// ```swift
/// switch SIPParser.parse(datagram) {
/// case .success(let message): handle(message)
/// case .failure(let error) where error.canBuildResponse: send(SIPResponseBuilder.errorResponse(for: error, source: peer))
/// case .failure: break  // drop silently
/// }
/// ```
public struct SIPParser: Sendable {
    public var limits: SIPParserLimits
    /// Whether a request without Max-Forwards is refused (`400 Missing Max-Forwards`).
    /// RFC 3261 §8.1.1.6 makes it mandatory for clients; accepting its absence costs a
    /// registrar nothing, so the default is to accept.
    public var requiresMaxForwards: Bool

    public init(limits: SIPParserLimits = .default, requiresMaxForwards: Bool = false) {
        self.limits = limits
        self.requiresMaxForwards = requiresMaxForwards
    }

    /// Parses a datagram with the default limits.
    public static func parse(_ datagram: [UInt8]) -> Result<SIPMessage, SIPParseError> {
        SIPParser().parse(datagram[...])
    }

    /// Parses a datagram with the default limits.
    public static func parse(_ datagram: ArraySlice<UInt8>) -> Result<SIPMessage, SIPParseError> {
        SIPParser().parse(datagram)
    }

    /// Parses a datagram.
    public func parse(_ datagram: [UInt8]) -> Result<SIPMessage, SIPParseError> {
        parse(datagram[...])
    }

    /// Parses a datagram in memory the caller owns (a NIO `ByteBuffer`'s readable bytes, say);
    /// the bytes are copied once.
    public func parse(_ datagram: UnsafeRawBufferPointer) -> Result<SIPMessage, SIPParseError> {
        parse(Array(datagram)[...])
    }

    /// Parses a datagram.
    public func parse(_ datagram: ArraySlice<UInt8>) -> Result<SIPMessage, SIPParseError> {
        parseWithTransactionHeaders(datagram).map(\.message)
    }

    /// Parses a datagram with the default limits, and hands out the transaction headers the
    /// validation parsed.
    public static func parseWithTransactionHeaders(
        _ datagram: [UInt8]
    ) -> Result<(message: SIPMessage, headers: SIPTransactionHeaders), SIPParseError> {
        SIPParser().parseWithTransactionHeaders(datagram[...])
    }

    /// Parses a datagram, and hands out the transaction headers the validation parsed.
    public func parseWithTransactionHeaders(
        _ datagram: ArraySlice<UInt8>
    ) -> Result<(message: SIPMessage, headers: SIPTransactionHeaders), SIPParseError> {
        guard datagram.count <= limits.maxMessageSize else { return .failure(SIPParseError(.messageTooLarge)) }
        let head: SIPMessageHead
        do {
            head = try SIPHeadParser(limits: limits).parse(datagram)
        } catch {
            return .failure(error)
        }
        let available = datagram.endIndex - head.bodyStart
        let bodyLength: Int
        switch head.contentLength {
        case .absent:
            bodyLength = available
        case .value(let length):
            guard length <= available else {
                return .failure(SIPParseError(.contentLengthMismatch, partialMessage: head.message(body: [])))
            }
            bodyLength = length
        case .malformed:
            return .failure(SIPParseError(.malformedHeader(.contentLength), partialMessage: head.message(body: [])))
        }
        let message = head.message(body: Array(datagram[head.bodyStart..<(head.bodyStart + bodyLength)]))
        let validator = SIPMessageValidator(requiresMaxForwards: requiresMaxForwards)
        switch validator.check(message, hasMalformedRequestURI: head.hasMalformedRequestURI) {
        case .valid(let headers):
            return .success((message, headers))
        case .invalid(let problem):
            return .failure(SIPParseError(problem, partialMessage: message))
        }
    }
}
