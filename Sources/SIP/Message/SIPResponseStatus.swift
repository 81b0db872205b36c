/// A response status: the three-digit code and the reason phrase sent with it
/// (RFC 3261 §7.2, §21).
///
/// The reason phrase is for humans; a SIP element acts on the code alone. The parser's errors
/// use specific phrases such as `400 Missing Call-ID`, which RFC 3261 explicitly allows.
public struct SIPResponseStatus: Hashable, Sendable, CustomStringConvertible {
    /// 100...699.
    public var code: Int
    public var reasonPhrase: String

    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// A status with the standard reason phrase for `code` ("Unknown" for codes RFC 3261 and
    /// its common extensions do not name).
    public init(code: Int) {
        self.init(code: code, reasonPhrase: SIPResponseStatus.standardReasonPhrase(for: code))
    }

    public var description: String { "\(code) \(reasonPhrase)" }

    /// 1xx.
    public var isProvisional: Bool { (100...199).contains(code) }
    /// 2xx.
    public var isSuccess: Bool { (200...299).contains(code) }

    public static let trying = SIPResponseStatus(code: 100)
    public static let ringing = SIPResponseStatus(code: 180)
    public static let ok = SIPResponseStatus(code: 200)
    public static let badRequest = SIPResponseStatus(code: 400)
    public static let unauthorized = SIPResponseStatus(code: 401)
    public static let forbidden = SIPResponseStatus(code: 403)
    public static let notFound = SIPResponseStatus(code: 404)
    public static let methodNotAllowed = SIPResponseStatus(code: 405)
    public static let proxyAuthenticationRequired = SIPResponseStatus(code: 407)
    public static let requestTimeout = SIPResponseStatus(code: 408)
    public static let requestEntityTooLarge = SIPResponseStatus(code: 413)
    public static let unsupportedURIScheme = SIPResponseStatus(code: 416)
    public static let badExtension = SIPResponseStatus(code: 420)
    public static let intervalTooBrief = SIPResponseStatus(code: 423)
    public static let temporarilyUnavailable = SIPResponseStatus(code: 480)
    public static let callOrTransactionDoesNotExist = SIPResponseStatus(code: 481)
    public static let tooManyHops = SIPResponseStatus(code: 483)
    public static let busyHere = SIPResponseStatus(code: 486)
    public static let serverInternalError = SIPResponseStatus(code: 500)
    public static let notImplemented = SIPResponseStatus(code: 501)
    public static let serviceUnavailable = SIPResponseStatus(code: 503)
    public static let versionNotSupported = SIPResponseStatus(code: 505)
    public static let messageTooLarge = SIPResponseStatus(code: 513)

    /// The reason phrase RFC 3261 §21 (and RFC 3265, 3329, 4412, 5626, 6665) gives `code`.
    public static func standardReasonPhrase(for code: Int) -> String {
        switch code {
        case 100: "Trying"
        case 180: "Ringing"
        case 181: "Call Is Being Forwarded"
        case 182: "Queued"
        case 183: "Session Progress"
        case 200: "OK"
        case 202: "Accepted"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Moved Temporarily"
        case 305: "Use Proxy"
        case 380: "Alternative Service"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 413: "Request Entity Too Large"
        case 414: "Request-URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Unsupported URI Scheme"
        case 420: "Bad Extension"
        case 421: "Extension Required"
        case 423: "Interval Too Brief"
        case 439: "First Hop Lacks Outbound Support"
        case 480: "Temporarily Unavailable"
        case 481: "Call/Transaction Does Not Exist"
        case 482: "Loop Detected"
        case 483: "Too Many Hops"
        case 484: "Address Incomplete"
        case 485: "Ambiguous"
        case 486: "Busy Here"
        case 487: "Request Terminated"
        case 488: "Not Acceptable Here"
        case 489: "Bad Event"
        case 491: "Request Pending"
        case 493: "Undecipherable"
        case 494: "Security Agreement Required"
        case 500: "Server Internal Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Server Time-out"
        case 505: "Version Not Supported"
        case 513: "Message Too Large"
        case 600: "Busy Everywhere"
        case 603: "Decline"
        case 604: "Does Not Exist Anywhere"
        case 606: "Not Acceptable"
        default: "Unknown"
        }
    }
}
