/// The start line and header fields of a message as read from the wire, before the body is
/// known and before any header is interpreted. Shared by the datagram parser and the stream
/// framer, which differ only in how they find the body.
struct SIPMessageHead {
    var startLine: SIPMessage.StartLine
    var headers: SIPHeaders
    /// Whether the Request-URI was not a well-formed URI (kept as text in `startLine` so that
    /// a `400` can still be built).
    var hasMalformedRequestURI: Bool
    /// The offset just after the empty line that ends the header section.
    var bodyStart: Int

    /// The value of Content-Length as the framing sees it.
    enum ContentLength: Equatable {
        case absent
        case value(Int)
        case malformed
    }

    /// Content-Length, from every Content-Length line (they must agree). Values too large for
    /// any message saturate, so that they compare as "more than there is" rather than being
    /// called malformed.
    var contentLength: ContentLength {
        var result = ContentLength.absent
        for field in headers.fields where field.name == .contentLength {
            guard let value = DecimalParsing.parseSaturating(field.value.utf8, cap: Int(Int32.max)) else {
                return .malformed
            }
            if case .value(let previous) = result, previous != value { return .malformed }
            result = .value(value)
        }
        return result
    }

    /// The message with `body`, as it stands.
    func message(body: [UInt8]) -> SIPMessage {
        SIPMessage(startLine: startLine, headers: headers, body: body)
    }
}
