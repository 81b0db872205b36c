import SIP

/// A request being answered, with the parts every response needs parsed once: the top Via
/// (also the transaction key), To (also the address of record), Call-ID and CSeq. They come from
/// the parser's validation when it handed them out, else they are parsed here.
struct IncomingRequest {
    let message: SIPMessage
    let source: PacketSource
    let topVia: SIPVia?
    let to: SIPAddress?
    let callID: String?
    let cseq: SIPCSeq?

    init(_ message: SIPMessage, from source: PacketSource, headers: SIPTransactionHeaders?) {
        self.message = message
        self.source = source
        if let headers {
            topVia = headers.topVia
            to = headers.to
            callID = headers.callID
            cseq = headers.cseq
        } else {
            topVia = try? message.headers.topVia
            to = try? message.headers.to
            callID = try? message.headers.callID
            cseq = try? message.headers.cseq
        }
    }

    /// A response to this request with `status`, or nil when it has no readable Via, From, To,
    /// Call-ID or CSeq (which the parser has already checked for any parsed request).
    func reply(_ status: SIPResponseStatus, toTag: String) -> SIPMessage? {
        try? SIPResponseBuilder(request: message, source: source.peerAddress, topVia: topVia, to: to, callID: callID, cseq: cseq)
            .response(status, toTag: toTag)
    }
}

extension PacketSource {
    /// The source as the address a response's top Via is corrected with.
    var peerAddress: SIPPeerAddress? {
        SIPPeerAddress(ipAddress: host, port: port)
    }
}
