/// The headers that identify a message's transaction and that every response copies (RFC 3261
/// §8.2.6.2, §17.2.3), as the validator parsed them: the top Via, To, Call-ID and CSeq.
///
/// ``SIPParser/parseWithTransactionHeaders(_:)`` hands them out with the message so that a
/// server builds its transaction key, its response and its decisions from them without parsing
/// the same header text again.
public struct SIPTransactionHeaders: Hashable, Sendable {
    public var topVia: SIPVia
    public var to: SIPAddress
    public var callID: String
    public var cseq: SIPCSeq

    public init(topVia: SIPVia, to: SIPAddress, callID: String, cseq: SIPCSeq) {
        self.topVia = topVia
        self.to = to
        self.callID = callID
        self.cseq = cseq
    }
}
