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
        if message.version != .sip2_0 { return .unsupportedVersion(message.version) }
        if hasMalformedRequestURI { return .malformedRequestURI }
        let headers = message.headers
        do {
            _ = try headers.vias
            _ = try headers.from
            _ = try headers.to
            _ = try headers.callID
            let cseq = try headers.cseq
            if let method = message.method {
                if cseq.method != method { return .cseqMethodMismatch }
                if try headers.maxForwards == nil, requiresMaxForwards { return .missingHeader(.maxForwards) }
            }
        } catch {
            return error.kind
        }
        return nil
    }
}
