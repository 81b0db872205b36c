/// The checks that make a readable message an acceptable one (RFC 3261 §8.1.1, §8.2, §16.3):
/// version SIP/2.0, a well-formed Request-URI, and the mandatory headers present once each and
/// well-formed: Via, From, To, Call-ID, CSeq (whose method must match a request's), and
/// Max-Forwards when present or required.
///
/// The first problem found is reported; the order puts the headers a response needs first, so
/// that a message missing, say, Max-Forwards is still answerable.
struct SIPMessageValidator {
    /// Whether a request without Max-Forwards is refused. RFC 3261 §8.1.1.6 says a UAC MUST
    /// send it, but a registrar loses nothing by accepting a request without it, and some
    /// devices omit it; off by default.
    var requiresMaxForwards: Bool

    func validate(_ message: SIPMessage, hasMalformedRequestURI: Bool) -> SIPParseError.Kind? {
        if case .invalid(let problem) = check(message, hasMalformedRequestURI: hasMalformedRequestURI) { return problem }
        return nil
    }

    enum Outcome {
        case valid(SIPTransactionHeaders)
        case invalid(SIPParseError.Kind)
    }

    /// The validation, keeping what it parsed on the way (so it is not parsed again).
    func check(_ message: SIPMessage, hasMalformedRequestURI: Bool) -> Outcome {
        if message.version != .sip2_0 { return .invalid(.unsupportedVersion(message.version)) }
        if hasMalformedRequestURI { return .invalid(.malformedRequestURI) }
        let headers = message.headers
        do {
            let vias = try headers.vias
            _ = try headers.from
            let to = try headers.to
            let callID = try headers.callID
            let cseq = try headers.cseq
            if let method = message.method {
                if cseq.method != method { return .invalid(.cseqMethodMismatch) }
                if try headers.maxForwards == nil, requiresMaxForwards { return .invalid(.missingHeader(.maxForwards)) }
            }
            return .valid(SIPTransactionHeaders(topVia: vias[0], to: to, callID: callID, cseq: cseq))
        } catch {
            return .invalid(error.kind)
        }
    }
}
