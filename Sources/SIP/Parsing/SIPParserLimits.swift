/// Bounds on what the parser accepts, so that a hostile peer cannot make it use unbounded
/// memory or time. Each limit, when exceeded, gives its own ``SIPParseError/Kind``.
///
/// The defaults suit a registrar: a UDP datagram cannot exceed 65,535 bytes anyway, and real
/// REGISTERs are well under 2 kB with a dozen headers.
public struct SIPParserLimits: Hashable, Sendable {
    /// The largest message, header section and body together, in bytes.
    public var maxMessageSize: Int
    /// The most header fields (after unfolding) in one message.
    public var maxHeaderCount: Int
    /// The longest physical line, start line included, in bytes without the CRLF.
    public var maxLineLength: Int
    /// The longest header value after unfolding continuation lines, in bytes.
    public var maxHeaderValueLength: Int

    public init(
        maxMessageSize: Int = 65_535,
        maxHeaderCount: Int = 100,
        maxLineLength: Int = 8_192,
        maxHeaderValueLength: Int = 8_192
    ) {
        self.maxMessageSize = maxMessageSize
        self.maxHeaderCount = maxHeaderCount
        self.maxLineLength = maxLineLength
        self.maxHeaderValueLength = maxHeaderValueLength
    }

    /// The defaults.
    public static let `default` = SIPParserLimits()
}
