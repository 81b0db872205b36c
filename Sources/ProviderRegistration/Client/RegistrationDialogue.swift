import SIP

/// The requests of one registration at one server: the request factory (Call-ID, From tag,
/// CSeq) and the challenge answers that server's side accepted. A move to another server starts
/// a new dialogue: the answers of one realm mean nothing to another, and a registrar keys its
/// bindings by Call-ID (RFC 3261 §10.3), so the new server sees a new registration.
struct RegistrationDialogue: Sendable {
    /// The index of the server in the registration's list.
    let server: Int
    var factory: RegisterRequestFactory
    var answers = ChallengeAnswers()

    init(server: Int, factory: RegisterRequestFactory) {
        self.server = server
        self.factory = factory
    }

    /// The next request: `expires` seconds asked for, a new branch, the kept answers.
    mutating func next(
        expires: Int, branch: String, login: String, password: String, random: RegistrationRandom
    ) -> (message: SIPMessage, cseq: UInt32) {
        let credentials = answers.headers(login: login, password: password, uri: factory.requestURI.description, random: random)
        return factory.next(expires: expires, branch: branch, authorizations: credentials)
    }
}
