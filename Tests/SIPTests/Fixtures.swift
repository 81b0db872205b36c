import SIP

/// Sample messages and helpers shared by the tests.
enum Fixture {
    /// The bytes of a message: `lines` joined with CRLF, the empty line, then `body`.
    static func bytes(_ lines: [String], body: String = "") -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    static func parse(_ lines: [String], body: String = "") -> Result<SIPMessage, SIPParseError> {
        SIPParser.parse(bytes(lines, body: body))
    }

    /// The parse error for `lines`, or `nil` if they parse.
    static func error(_ lines: [String], body: String = "", parser: SIPParser = SIPParser()) -> SIPParseError? {
        if case .failure(let error) = parser.parse(bytes(lines, body: body)) { return error }
        return nil
    }

    /// `lines` with the header named `name` (compared case-insensitively, up to the colon)
    /// removed.
    static func removing(_ name: String, from lines: [String]) -> [String] {
        lines.filter { !$0.lowercased().hasPrefix(name.lowercased() + ":") }
    }

    /// `lines` with the header named `name` replaced by `replacement`.
    static func replacing(_ name: String, with replacement: String, in lines: [String]) -> [String] {
        lines.map { $0.lowercased().hasPrefix(name.lowercased() + ":") ? replacement : $0 }
    }

    /// RFC 3665 §2.1 style REGISTER.
    static let register = [
        "REGISTER sip:registrar.example.com SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport",
        "Max-Forwards: 70",
        "To: Bob <sip:bob@example.com>",
        "From: Bob <sip:bob@example.com>;tag=456248",
        "Call-ID: 843817637684230@998sdasdh09",
        "CSeq: 1826 REGISTER",
        "Contact: <sip:bob@192.0.2.10:5060>",
        "Expires: 7200",
        "Content-Length: 0",
    ]

    static let inviteBody = "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"

    static let invite = [
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74bf9",
        "Max-Forwards: 70",
        "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
        "To: Bob <sip:bob@biloxi.example.com>",
        "Call-ID: 3848276298220188511@atlanta.example.com",
        "CSeq: 1 INVITE",
        "Contact: <sip:alice@client.atlanta.example.com;transport=tcp>",
        "Content-Type: application/sdp",
        "Content-Length: \(inviteBody.utf8.count)",
    ]

    static let options = [
        "OPTIONS sip:carol@chicago.example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877",
        "Max-Forwards: 70",
        "To: <sip:carol@chicago.example.com>",
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710",
        "CSeq: 63104 OPTIONS",
        "Accept: application/sdp",
        "Content-Length: 0",
    ]

    static let unauthorized = [
        "SIP/2.0 401 Unauthorized",
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;received=203.0.113.5;rport=40112",
        "From: Bob <sip:bob@example.com>;tag=456248",
        "To: Bob <sip:bob@example.com>;tag=2493k59kd",
        "Call-ID: 843817637684230@998sdasdh09",
        "CSeq: 1826 REGISTER",
        "WWW-Authenticate: Digest realm=\"example.com\", qop=\"auth\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", opaque=\"\", stale=FALSE, algorithm=MD5",
        "Content-Length: 0",
    ]
}

extension Result {
    /// The success value, or `nil`.
    var value: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
