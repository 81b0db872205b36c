import SIP
import SIPDigest

/// Who challenged: the registrar (401, `WWW-Authenticate` → `Authorization`) or a proxy on the
/// way (407, `Proxy-Authenticate` → `Proxy-Authorization`).
enum ChallengeKind: Hashable, Sendable, CaseIterable {
    case registrar
    case proxy

    init?(statusCode: Int) {
        switch statusCode {
        case 401: self = .registrar
        case 407: self = .proxy
        default: return nil
        }
    }

    var challengeHeader: SIPHeaderName { self == .registrar ? .wwwAuthenticate : .proxyAuthenticate }
    var credentialsHeader: SIPHeaderName { self == .registrar ? .authorization : .proxyAuthorization }
}

/// The digest sessions a registration keeps, one per kind of challenger: every later request
/// carries an answer for each (the nonce count going up), so refreshes and the unregistration
/// are usually accepted without a new challenge (RFC 3261 §22.3 allows reusing credentials).
struct ChallengeAnswers: Sendable {
    private var sessions: [ChallengeKind: DigestClientSession] = [:]

    /// Replaces the session of `kind` with one for the challenges of `response`; throws when
    /// none of them can be answered.
    mutating func accept(_ response: SIPMessage, kind: ChallengeKind) throws(ChallengeProblem) -> DigestClientSession {
        let values: [SIPAuthHeaderValue]
        do {
            values = try response.headers.authValues(name: kind.challengeHeader)
        } catch {
            throw ChallengeProblem(reason: "the \(kind.challengeHeader) header is malformed")
        }
        let digests = values.filter(\.isDigest).map(\.parametersByName)
        guard !digests.isEmpty else {
            throw ChallengeProblem(reason: "the \(response.statusCode ?? 0) has no Digest \(kind.challengeHeader) header")
        }
        do {
            let session = try DigestClientSession(answering: digests)
            sessions[kind] = session
            return session
        } catch {
            throw ChallengeProblem(reason: error.description)
        }
    }

    /// The credential headers for one request, one per kept session, each a new use of its nonce.
    mutating func headers(
        login: String, password: String, uri: String, random: RegistrationRandom
    ) -> [(SIPHeaderName, String)] {
        ChallengeKind.allCases.compactMap { kind in
            guard var session = sessions[kind] else { return nil }
            let value = session.authorization(
                username: login, password: password, method: SIPMethod.register.rawValue, uri: uri, cnonce: random.hex(8))
            sessions[kind] = session
            return (kind.credentialsHeader, value)
        }
    }

    struct ChallengeProblem: Error {
        var reason: String
    }
}
