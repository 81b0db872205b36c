import SIP

/// A request being answered, with the parts every response needs parsed once: the top Via
/// (also the transaction key) and To (also the address of record), and the peer address the
/// response's top Via is corrected with (RFC 3581).
struct IncomingRequest {
    let message: SIPMessage
    let source: PacketSource
    let topVia: SIPVia?
    let to: SIPAddress?

    init(_ message: SIPMessage, from source: PacketSource, topVia: SIPVia?) {
        self.message = message
        self.source = source
        self.topVia = topVia
        self.to = try? message.headers.to
    }

    /// A response to this request with `status`, or nil when it has no readable Via, From, To,
    /// Call-ID or CSeq (which the parser has already checked for any parsed request).
    func reply(_ status: SIPResponseStatus, toTag: String) -> SIPMessage? {
        try? SIPResponseBuilder(request: message, source: source.peerAddress, topVia: topVia, to: to).response(status, toTag: toTag)
    }
}

extension PacketSource {
    /// The source as the address a response's top Via is corrected with.
    var peerAddress: SIPPeerAddress? {
        SIPPeerAddress(ipAddress: host, port: port)
    }
}
