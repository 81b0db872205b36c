/// Builds responses to a request as RFC 3261 §8.2.6 prescribes, so that the client can match
/// them to its transaction.
///
/// The response copies every Via (in order), From, To, Call-ID and CSeq, adds a tag to To if
/// it has none and one is given, and carries `Content-Length: 0`; the caller adds Contact,
/// Expires, WWW-Authenticate and the like, and a body if any. When the source address is
/// known, the top Via gets what RFC 3261 §18.2.1 and RFC 3581 §4 ask for, so the response
/// finds its way back through NAT: `received=<source address>` when the sent-by host differs
/// from it, and when the client asked with a bare `rport`, `rport=<source port>` (and then
/// `received` always, as RFC 3581 requires).
public struct SIPResponseBuilder: Sendable {
    /// The request being answered.
    public let request: SIPMessage
    /// Where the request came from, if known.
    public let source: SIPPeerAddress?
    /// The request's top Via, To, Call-ID and CSeq, when the caller has parsed them already (a
    /// registrar does, for the transaction key and the address of record), so they are not
    /// parsed again.
    private let parsedTopVia: SIPVia?
    private let parsedTo: SIPAddress?
    private let parsedCallID: String?
    private let parsedCSeq: SIPCSeq?

    public init(
        request: SIPMessage, source: SIPPeerAddress? = nil, topVia: SIPVia? = nil, to: SIPAddress? = nil,
        callID: String? = nil, cseq: SIPCSeq? = nil
    ) {
        self.request = request
        self.source = source
        self.parsedTopVia = topVia
        self.parsedTo = to
        self.parsedCallID = callID
        self.parsedCSeq = cseq
    }

    /// A response with `status`. `toTag` is added to To when To has no tag (a UAS must tag
    /// every response except 100 Trying, RFC 3261 §8.2.6.2); it should be a token.
    ///
    /// The header lines are copied verbatim (RFC 3261 §8.2.6.2: the response must carry the same
    /// values), except the top Via line when RFC 3581 asks for `received`/`rport` on it.
    ///
    /// Throws when the request is not a request or lacks a readable top Via, From, To,
    /// Call-ID or CSeq.
    public func response(_ status: SIPResponseStatus, toTag: String? = nil) throws(SIPParseError) -> SIPMessage {
        guard request.isRequest else { throw SIPParseError(.notARequest) }
        let requestHeaders = request.headers
        var topVia: SIPVia
        if let parsedTopVia { topVia = parsedTopVia } else { topVia = try requestHeaders.topVia }
        let from = try requestHeaders.single(.from)
        let toValue = try requestHeaders.single(.to)
        guard let to = parsedTo ?? SIPAddress(toValue) else { throw SIPParseError(.malformedHeader(.to)) }
        let callID: String
        if let parsedCallID { callID = parsedCallID } else { callID = try requestHeaders.callID }
        let cseq = try requestHeaders.single(.cseq)
        guard parsedCSeq != nil || SIPCSeq(cseq) != nil else { throw SIPParseError(.malformedHeader(.cseq)) }

        let rewritesTopVia = source.map { applyRFC3581(to: &topVia, source: $0) } ?? false

        var headers = SIPHeaders()
        headers.reserveCapacity(requestHeaders.count(name: .via) + 8)
        var isTopViaLine = true
        for field in requestHeaders where field.name == .via {
            if isTopViaLine && rewritesTopVia {
                // The top line may hold several comma-joined values; only the first changes.
                var elements = HeaderValueSplitter.elements(of: field.value).map(\.string)
                if elements.isEmpty { elements = [""] }
                elements[0] = topVia.description
                headers.add(name: .via, value: elements.joined(separator: ", "))
            } else {
                headers.add(name: .via, value: field.value)
            }
            isTopViaLine = false
        }
        headers.add(name: .from, value: from)
        if let toTag, to.tag == nil {
            headers.add(name: .to, value: toValue + ";tag=" + toTag)
        } else {
            headers.add(name: .to, value: toValue)
        }
        headers.add(name: .callID, value: callID)
        headers.add(name: .cseq, value: cseq)
        headers.add(name: .contentLength, value: "0")
        return SIPMessage(status: status, headers: headers)
    }

    /// The response to a request that failed to parse or validate (`400 Missing Call-ID`,
    /// `505 Version Not Supported`, …), or `nil` when it cannot be answered
    /// (``SIPParseError/canBuildResponse`` is false).
    public static func errorResponse(
        for error: SIPParseError, source: SIPPeerAddress? = nil, toTag: String? = nil
    ) -> SIPMessage? {
        guard error.canBuildResponse, let request = error.partialMessage else { return nil }
        return try? SIPResponseBuilder(request: request, source: source).response(error.status, toTag: toTag)
    }

    /// RFC 3261 §18.2.1 and RFC 3581 §4 on the top Via; whether it changed anything.
    private func applyRFC3581(to via: inout SIPVia, source: SIPPeerAddress) -> Bool {
        let rportRequested = via.rport == .requested
        if rportRequested {
            via.rport = .port(source.port)
        }
        if rportRequested || via.host != source.host {
            via.received = source.host
            return true
        }
        return false
    }
}
