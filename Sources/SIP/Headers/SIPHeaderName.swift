/// The name of a header field, compared case-insensitively (RFC 3261 §7.3.1).
///
/// Known headers are written with their canonical spelling (`Call-ID`, `CSeq`,
/// `WWW-Authenticate`) whatever spelling a message used, and the compact forms of RFC 3261
/// §7.3.3 and its extensions (`i`, `m`, `v`, …) become the full names when read, so code
/// looks up `.callID` once and finds `i:` as well. Unknown names keep the spelling they came
/// with.
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The spelling written on the wire.
    public let name: String
    /// A small number for each known name (0 for others), so that comparing known names, the
    /// lookups a parser and a registrar do all the time, is an integer comparison.
    let id: UInt8
    /// The lower-cased name, what equality and hashing use for unknown names; empty for known
    /// names, which compare by `id`.
    let key: String

    /// A known name. The constants below are computed properties built from literals, so using
    /// one costs nothing (no lazily initialised global).
    private init(id: UInt8, canonical: String) {
        self.name = canonical
        self.id = id
        self.key = ""
    }

    /// A name this module does not know, spelled as received.
    private init(unknown name: String) {
        self.name = name
        self.id = 0
        self.key = name.asciiLowercased
    }

    /// A header name: compact forms are expanded and known names take their canonical spelling.
    public init(_ name: String) {
        self = SIPHeaderName.lookup(Array(name.utf8)[...])
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { name }

    @inline(__always)
    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool {
        lhs.id == rhs.id && (lhs.id != 0 || lhs.key == rhs.key)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        if id == 0 { hasher.combine(key) }
    }

    /// Whether this is one of the headers this module knows by name.
    public var isKnown: Bool { id != 0 }

    /// The single-letter compact form, if the header has one.
    public var compactForm: Character? {
        for (letter, name) in SIPHeaderName.compactForms where name == self {
            return Character(Unicode.Scalar(letter))
        }
        return nil
    }

    public static var accept: SIPHeaderName { SIPHeaderName(id: 1, canonical: "Accept") }
    public static var acceptEncoding: SIPHeaderName { SIPHeaderName(id: 2, canonical: "Accept-Encoding") }
    public static var acceptLanguage: SIPHeaderName { SIPHeaderName(id: 3, canonical: "Accept-Language") }
    public static var alertInfo: SIPHeaderName { SIPHeaderName(id: 4, canonical: "Alert-Info") }
    public static var allow: SIPHeaderName { SIPHeaderName(id: 5, canonical: "Allow") }
    public static var allowEvents: SIPHeaderName { SIPHeaderName(id: 6, canonical: "Allow-Events") }
    public static var authenticationInfo: SIPHeaderName { SIPHeaderName(id: 7, canonical: "Authentication-Info") }
    public static var authorization: SIPHeaderName { SIPHeaderName(id: 8, canonical: "Authorization") }
    public static var callID: SIPHeaderName { SIPHeaderName(id: 9, canonical: "Call-ID") }
    public static var callInfo: SIPHeaderName { SIPHeaderName(id: 10, canonical: "Call-Info") }
    public static var contact: SIPHeaderName { SIPHeaderName(id: 11, canonical: "Contact") }
    public static var contentDisposition: SIPHeaderName { SIPHeaderName(id: 12, canonical: "Content-Disposition") }
    public static var contentEncoding: SIPHeaderName { SIPHeaderName(id: 13, canonical: "Content-Encoding") }
    public static var contentLanguage: SIPHeaderName { SIPHeaderName(id: 14, canonical: "Content-Language") }
    public static var contentLength: SIPHeaderName { SIPHeaderName(id: 15, canonical: "Content-Length") }
    public static var contentType: SIPHeaderName { SIPHeaderName(id: 16, canonical: "Content-Type") }
    public static var cseq: SIPHeaderName { SIPHeaderName(id: 17, canonical: "CSeq") }
    public static var date: SIPHeaderName { SIPHeaderName(id: 18, canonical: "Date") }
    public static var errorInfo: SIPHeaderName { SIPHeaderName(id: 19, canonical: "Error-Info") }
    public static var event: SIPHeaderName { SIPHeaderName(id: 20, canonical: "Event") }
    public static var expires: SIPHeaderName { SIPHeaderName(id: 21, canonical: "Expires") }
    public static var from: SIPHeaderName { SIPHeaderName(id: 22, canonical: "From") }
    public static var inReplyTo: SIPHeaderName { SIPHeaderName(id: 23, canonical: "In-Reply-To") }
    public static var maxForwards: SIPHeaderName { SIPHeaderName(id: 24, canonical: "Max-Forwards") }
    public static var mimeVersion: SIPHeaderName { SIPHeaderName(id: 25, canonical: "MIME-Version") }
    public static var minExpires: SIPHeaderName { SIPHeaderName(id: 26, canonical: "Min-Expires") }
    public static var minSE: SIPHeaderName { SIPHeaderName(id: 27, canonical: "Min-SE") }
    public static var organization: SIPHeaderName { SIPHeaderName(id: 28, canonical: "Organization") }
    public static var path: SIPHeaderName { SIPHeaderName(id: 29, canonical: "Path") }
    public static var pAssertedIdentity: SIPHeaderName { SIPHeaderName(id: 30, canonical: "P-Asserted-Identity") }
    public static var priority: SIPHeaderName { SIPHeaderName(id: 31, canonical: "Priority") }
    public static var proxyAuthenticate: SIPHeaderName { SIPHeaderName(id: 32, canonical: "Proxy-Authenticate") }
    public static var proxyAuthorization: SIPHeaderName { SIPHeaderName(id: 33, canonical: "Proxy-Authorization") }
    public static var proxyRequire: SIPHeaderName { SIPHeaderName(id: 34, canonical: "Proxy-Require") }
    public static var rack: SIPHeaderName { SIPHeaderName(id: 35, canonical: "RAck") }
    public static var reason: SIPHeaderName { SIPHeaderName(id: 36, canonical: "Reason") }
    public static var recordRoute: SIPHeaderName { SIPHeaderName(id: 37, canonical: "Record-Route") }
    public static var referTo: SIPHeaderName { SIPHeaderName(id: 38, canonical: "Refer-To") }
    public static var referredBy: SIPHeaderName { SIPHeaderName(id: 39, canonical: "Referred-By") }
    public static var replyTo: SIPHeaderName { SIPHeaderName(id: 40, canonical: "Reply-To") }
    public static var require: SIPHeaderName { SIPHeaderName(id: 41, canonical: "Require") }
    public static var retryAfter: SIPHeaderName { SIPHeaderName(id: 42, canonical: "Retry-After") }
    public static var route: SIPHeaderName { SIPHeaderName(id: 43, canonical: "Route") }
    public static var rseq: SIPHeaderName { SIPHeaderName(id: 44, canonical: "RSeq") }
    public static var server: SIPHeaderName { SIPHeaderName(id: 45, canonical: "Server") }
    public static var serviceRoute: SIPHeaderName { SIPHeaderName(id: 46, canonical: "Service-Route") }
    public static var sessionExpires: SIPHeaderName { SIPHeaderName(id: 47, canonical: "Session-Expires") }
    public static var subject: SIPHeaderName { SIPHeaderName(id: 48, canonical: "Subject") }
    public static var subscriptionState: SIPHeaderName { SIPHeaderName(id: 49, canonical: "Subscription-State") }
    public static var supported: SIPHeaderName { SIPHeaderName(id: 50, canonical: "Supported") }
    public static var timestamp: SIPHeaderName { SIPHeaderName(id: 51, canonical: "Timestamp") }
    public static var to: SIPHeaderName { SIPHeaderName(id: 52, canonical: "To") }
    public static var unsupported: SIPHeaderName { SIPHeaderName(id: 53, canonical: "Unsupported") }
    public static var userAgent: SIPHeaderName { SIPHeaderName(id: 54, canonical: "User-Agent") }
    public static var via: SIPHeaderName { SIPHeaderName(id: 55, canonical: "Via") }
    public static var warning: SIPHeaderName { SIPHeaderName(id: 56, canonical: "Warning") }
    public static var wwwAuthenticate: SIPHeaderName { SIPHeaderName(id: 57, canonical: "WWW-Authenticate") }

    /// Every name with a canonical spelling. Each constant above must be listed here, or the
    /// same name read from the wire would not be recognised (and would not equal the constant).
    static let known: [SIPHeaderName] = [
        .accept, .acceptEncoding, .acceptLanguage, .alertInfo, .allow, .allowEvents,
        .authenticationInfo, .authorization, .callID, .callInfo, .contact, .contentDisposition,
        .contentEncoding, .contentLanguage, .contentLength, .contentType, .cseq, .date, .errorInfo,
        .event, .expires, .from, .inReplyTo, .maxForwards, .mimeVersion, .minExpires, .minSE,
        .organization, .path, .pAssertedIdentity, .priority, .proxyAuthenticate,
        .proxyAuthorization, .proxyRequire, .rack, .reason, .recordRoute, .referTo, .referredBy,
        .replyTo, .require, .retryAfter, .route, .rseq, .server, .serviceRoute, .sessionExpires,
        .subject, .subscriptionState, .supported, .timestamp, .to, .unsupported, .userAgent, .via,
        .warning, .wwwAuthenticate,
    ]

    /// Compact forms (RFC 3261 §7.3.3, RFC 3265, RFC 3515, RFC 3892, RFC 4028), by lower-case
    /// letter.
    static let compactForms: [(UInt8, SIPHeaderName)] = [
        (UInt8(ascii: "i"), .callID), (UInt8(ascii: "m"), .contact),
        (UInt8(ascii: "e"), .contentEncoding), (UInt8(ascii: "l"), .contentLength),
        (UInt8(ascii: "c"), .contentType), (UInt8(ascii: "f"), .from),
        (UInt8(ascii: "s"), .subject), (UInt8(ascii: "k"), .supported),
        (UInt8(ascii: "t"), .to), (UInt8(ascii: "v"), .via), (UInt8(ascii: "o"), .event),
        (UInt8(ascii: "u"), .allowEvents), (UInt8(ascii: "r"), .referTo),
        (UInt8(ascii: "b"), .referredBy), (UInt8(ascii: "x"), .sessionExpires),
    ]

    /// Known names grouped by byte length, with their lower-case bytes, so that reading a name
    /// off the wire compares against a handful of candidates and allocates nothing.
    private static let knownByLength: [[(key: [UInt8], name: SIPHeaderName)]] = {
        let longest = known.map(\.name.utf8.count).max() ?? 0
        var table = [[(key: [UInt8], name: SIPHeaderName)]](repeating: [], count: longest + 1)
        for name in known {
            table[name.name.utf8.count].append((name.name.utf8.map(\.asciiLowercased), name))
        }
        return table
    }()

    /// The name for bytes read from the wire (a token, not checked here).
    static func lookup(_ bytes: ArraySlice<UInt8>) -> SIPHeaderName {
        let length = bytes.count
        if length == 1, let letter = bytes.first?.asciiLowercased {
            for (compact, name) in compactForms where compact == letter {
                return name
            }
        }
        if length < knownByLength.count {
            let first = bytes.startIndex
            candidates: for candidate in knownByLength[length] {
                for offset in 0..<length where candidate.key[offset] != bytes[first + offset].asciiLowercased {
                    continue candidates
                }
                return candidate.name
            }
        }
        return SIPHeaderName(unknown: bytes.string)
    }
}
