/// A SIP request method (RFC 3261 §7.1, §27.4).
///
/// Methods are case-sensitive tokens: `register` is an unknown extension method, not
/// ``register``. Unknown methods are kept as written, so a registrar can answer them with
/// `405 Method Not Allowed` or `501 Not Implemented` instead of failing to parse.
public struct SIPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method token exactly as written.
    public let rawValue: String

    /// A method from its token; no validation here, the parser only creates tokens.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    public static let ack = SIPMethod("ACK")
    public static let bye = SIPMethod("BYE")
    public static let cancel = SIPMethod("CANCEL")
    public static let info = SIPMethod("INFO")
    public static let invite = SIPMethod("INVITE")
    public static let message = SIPMethod("MESSAGE")
    public static let notify = SIPMethod("NOTIFY")
    public static let options = SIPMethod("OPTIONS")
    public static let prack = SIPMethod("PRACK")
    public static let publish = SIPMethod("PUBLISH")
    public static let refer = SIPMethod("REFER")
    public static let register = SIPMethod("REGISTER")
    public static let subscribe = SIPMethod("SUBSCRIBE")
    public static let update = SIPMethod("UPDATE")

    /// The methods defined by RFC 3261 and its common extensions.
    public static let known: [SIPMethod] = [
        .register, .invite, .ack, .bye, .cancel, .options, .info, .message,
        .notify, .prack, .publish, .refer, .subscribe, .update,
    ]

    /// Whether this is one of ``known``.
    public var isKnown: Bool { SIPMethod.known.contains(self) }

    /// The method for a token read from the wire, sharing the stored strings of known methods.
    static func lookup(_ token: ArraySlice<UInt8>) -> SIPMethod {
        for method in known where method.rawValue.utf8.elementsEqual(token) {
            return method
        }
        return SIPMethod(token.string)
    }
}
