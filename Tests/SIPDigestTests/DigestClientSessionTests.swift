import SIPDigest
import Testing

/// The client side: answers to challenges, checked against the server side of this module (which
/// is itself checked against SIPp and sipsak in the interop tests) and against RFC vectors.
@Suite struct DigestClientSessionTests {
    /// The auth-params of a header value as the SIP parser would hand them over (no value here
    /// holds a comma).
    private func parameters(of header: String) -> [String: String] {
        var result: [String: String] = [:]
        for name in ["realm", "nonce", "opaque", "algorithm", "qop", "stale", "username", "uri", "response", "cnonce", "nc"] {
            result[name] = parameter(name, in: header)
        }
        return result
    }

    @Test(arguments: [DigestAuthAlgorithm.md5, .sha256])
    func answersVerifyAtTheServerAndCountTheNonce(_ algorithm: DigestAuthAlgorithm) throws {
        let clock = TestClock()
        let server = DigestAuthenticator(realm: testRealm, algorithms: [algorithm], opaque: "op4que", secret: testSecret, now: clock.closure)
        var session = try DigestClientSession(answering: server.challenges().map(parameters(of:)))
        #expect(session.challenge.algorithm == algorithm)

        for count in 1...3 {
            let header = session.authorization(
                username: "alice", password: "wonderland", method: "REGISTER", uri: registerURI, cnonce: "c\(count)")
            let answer = parameters(of: header)
            #expect(answer["nc"] == "0000000\(count)")
            #expect(answer["algorithm"] == algorithm.token)
            #expect(answer["opaque"] == "op4que")
            #expect(answer["qop"] == "auth")
            let outcome = server.verify(answer, method: "REGISTER", requestURI: registerURI, credentials: lookup)
            #expect(outcome == .authenticated(username: "alice"), "answer \(count): \(header)")
        }
        #expect(session.nonceCount == 3)
    }

    @Test func aWrongPasswordIsRefused() throws {
        let server = makeAuthenticator(clock: TestClock())
        var session = try DigestClientSession(answering: server.challenges().map(parameters(of:)))
        let header = session.authorization(username: "alice", password: "looking-glass", method: "REGISTER", uri: registerURI, cnonce: "c")
        #expect(server.verify(parameters(of: header), method: "REGISTER", requestURI: registerURI, credentials: lookup)
            == .challenge(stale: false))
    }

    /// RFC 2069 §2.4's example, with the response corrected by the erratum (the RFC's own value
    /// does not match its inputs).
    @Test func rfc2069FormWithoutQOP() throws {
        let challenge = try DigestChallenge(parameters: [
            "realm": "testrealm@host.com", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093", "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
        ])
        #expect(challenge.qopOptions.isEmpty && challenge.algorithm == .md5)
        var session = DigestClientSession(challenge: challenge)
        let header = session.authorization(username: "Mufasa", password: "CircleOfLife", method: "GET", uri: "/dir/index.html", cnonce: "unused")
        #expect(header == #"Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", response="1949323746fe6a43ef61f9606e7febea", algorithm=MD5, opaque="5ccc069c403ebaf9f0171e9517f40e41""#)
        #expect(!header.contains("cnonce") && !header.contains("nc="))
    }

    @Test func theTopmostSupportedChallengeIsAnswered() throws {
        let session = try DigestClientSession(answering: [
            ["realm": "r", "nonce": "a", "algorithm": "MD5-sess", "qop": "auth"],
            ["realm": "r", "nonce": "b", "algorithm": "SHA-256", "qop": "auth"],
            ["realm": "r", "nonce": "c", "algorithm": "MD5", "qop": "auth"],
        ])
        #expect(session.challenge.nonce == "b" && session.challenge.algorithm == .sha256)
    }

    @Test func challengesThatCannotBeAnswered() {
        #expect(throws: DigestChallenge.Problem.unsupportedAlgorithm("MD5-sess")) {
            try DigestClientSession(answering: [["realm": "r", "nonce": "n", "algorithm": "MD5-sess"]])
        }
        #expect(throws: DigestChallenge.Problem.unsupportedQOP("auth-int")) {
            try DigestChallenge(parameters: ["realm": "r", "nonce": "n", "qop": "auth-int"])
        }
        #expect(throws: DigestChallenge.Problem.missing("nonce")) {
            try DigestChallenge(parameters: ["realm": "r"])
        }
    }

    @Test func staleAndQOPListsAreRead() throws {
        let challenge = try DigestChallenge(parameters: ["realm": "r", "nonce": "n", "qop": "auth-int, auth", "stale": "TRUE"])
        #expect(challenge.stale)
        #expect(challenge.qopOptions == ["auth-int", "auth"])
        #expect(try !DigestChallenge(parameters: ["realm": "r", "nonce": "n", "stale": "false"]).stale)
    }

    @Test func aChallengeWithoutQOPIsWrittenWithout() {
        let challenge = DigestChallenge(realm: "r", nonce: "n", algorithm: .md5, qopOptions: [])
        #expect(challenge.headerValue == #"Digest realm="r", nonce="n", algorithm=MD5"#)
    }
}
