/// Client side of digest authentication: the answers to one challenge, for as long as its nonce
/// is used (RFC 2617 §3.2.2, RFC 7616 §3.4, RFC 8760).
///
/// Each `authorization` call is one use of the nonce: with `qop=auth` the nonce count `nc` goes
/// up by one and a fresh `cnonce` is used, so a client may send the same credentials again on a
/// later request (a registration refresh) without being challenged first. Without `qop` (an RFC
/// 2069 challenge) there is no count and the answer is the same every time.
public struct DigestClientSession: Sendable, Hashable {
    public let challenge: DigestChallenge
    /// How many answers have been computed for this nonce.
    public private(set) var nonceCount: UInt32 = 0

    public init(challenge: DigestChallenge) {
        self.challenge = challenge
    }

    /// A session for the first challenge in `challenges` (auth-params of each `WWW-Authenticate`
    /// or `Proxy-Authenticate` line, top first) that this module can answer, as RFC 8760 §2.4
    /// asks of a client: the topmost one it supports. When none can be answered, the problem of
    /// the first one is thrown.
    public init(answering challenges: [[String: String]]) throws(DigestChallenge.Problem) {
        var firstProblem: DigestChallenge.Problem?
        for parameters in challenges {
            do {
                self.init(challenge: try DigestChallenge(parameters: parameters))
                return
            } catch {
                firstProblem = firstProblem ?? error
            }
        }
        throw firstProblem ?? .missing("nonce")
    }

    /// Whether the answers carry `qop=auth` (with `cnonce` and `nc`).
    public var usesQOP: Bool { !challenge.qopOptions.isEmpty }

    /// The `Authorization` (or `Proxy-Authorization`) header value for one request, counting
    /// one use of the nonce. `cnonce` should be fresh random text for each call; it is left out
    /// of an RFC 2069 answer.
    public mutating func authorization(
        username: String, password: String, method: String, uri: String, cnonce: String
    ) -> String {
        nonceCount &+= 1
        let algorithm = challenge.algorithm
        let ha1 = DigestResponse.ha1(algorithm: algorithm, username: username, realm: challenge.realm, password: password)
        let quoted = DigestChallenge.quoted
        var text = "Digest username=\(quoted(username)), realm=\(quoted(challenge.realm)), "
            + "nonce=\(quoted(challenge.nonce)), uri=\(quoted(uri)), "
        if usesQOP {
            let nc = Self.nonceCountText(nonceCount)
            let response = DigestResponse.response(
                algorithm: algorithm, ha1: ha1, nonce: challenge.nonce, nc: nc, cnonce: cnonce, qop: "auth",
                method: method, digestURI: uri)
            text += "response=\(quoted(response)), algorithm=\(algorithm.token), cnonce=\(quoted(cnonce)), qop=auth, nc=\(nc)"
        } else {
            let response = DigestResponse.responseWithoutQOP(
                algorithm: algorithm, ha1: ha1, nonce: challenge.nonce, method: method, digestURI: uri)
            text += "response=\(quoted(response)), algorithm=\(algorithm.token)"
        }
        if let opaque = challenge.opaque { text += ", opaque=\(quoted(opaque))" }
        return text
    }

    /// `nc` as RFC 2617 writes it: eight lowercase hexadecimal digits.
    static func nonceCountText(_ count: UInt32) -> String {
        let digits = String(count, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
