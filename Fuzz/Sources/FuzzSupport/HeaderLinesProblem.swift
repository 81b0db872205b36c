import SIP

extension SIPParseError {
    /// What is wrong with the header lines of the request that failed, under a well-formed
    /// request line and without its body; nil when they parse. A response to it copies the
    /// request's Via lines (RFC 3261 §8.2.6.2), malformed lower ones included, so that response
    /// may fail to parse for exactly this reason and no other.
    public var headerLinesProblem: SIPParseError.Kind? {
        guard let partialMessage, let method = partialMessage.method, let uri = SIPAnyURI("sip:fuzz.invalid") else { return kind }
        let headerLines = SIPMessage(method: method, uri: uri, headers: partialMessage.headers)
        if case .failure(let error) = SIPParser.parse(headerLines.serialize()) { return error.kind }
        return nil
    }
}
