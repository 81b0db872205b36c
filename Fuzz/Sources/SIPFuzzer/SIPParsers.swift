import SIP

/// The parser settings every input is tried with: the registrar's (default limits) and tight
/// limits, so that short inputs reach the branches for lines, values and header counts that are
/// too long, and Max-Forwards required or not.
enum SIPParsers {
    static let tight = SIPParserLimits(maxMessageSize: 1_024, maxHeaderCount: 12, maxLineLength: 200, maxHeaderValueLength: 160)
    static let limits: [SIPParserLimits] = [.default, tight]
    static let all: [SIPParser] = [
        SIPParser(),
        SIPParser(limits: tight, requiresMaxForwards: true),
    ]
    /// Where the responses built by the oracles pretend the request came from.
    static let source = SIPPeerAddress(ipAddress: "198.51.100.7", port: 40_000)!
}
