import SIP

extension SIPParseError {
    /// What is wrong with the header lines of the message that failed, its body aside; nil when
    /// they parse. A response to it copies the request's Via lines (RFC 3261 §8.2.6.2), malformed
    /// lower ones included, so that response may fail to parse for exactly this reason and no
    /// other.
    public var headerLinesProblem: SIPParseError.Kind? {
        guard let partialMessage else { return kind }
        if case .failure(let error) = SIPParser.parse(partialMessage.serialize()) { return error.kind }
        return nil
    }
}
