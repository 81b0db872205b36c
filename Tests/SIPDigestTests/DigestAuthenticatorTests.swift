@testable import SIPDigest
import Testing

@Suite struct DigestAuthenticatorTests {
    let clock = TestClock()

    /// A nonce obtained the way a client gets it: from a challenge.
    func freshNonce(_ authenticator: DigestAuthenticator) -> String {
        parameter("nonce", in: authenticator.challenges()[0])!
    }

    // MARK: Challenges

    @Test func challengesOfferSHA256ThenMD5WithOneNonce() {
        let authenticator = makeAuthenticator(clock: clock)
        let headers = authenticator.challenges()
        #expect(headers.count == 2)
        #expect(headers[0].hasPrefix(#"Digest realm="switchboard.example", nonce=""#))
        #expect(headers[0].hasSuffix(#", algorithm=SHA-256, qop="auth""#))
        #expect(headers[1].hasSuffix(#", algorithm=MD5, qop="auth""#))
        #expect(parameter("nonce", in: headers[0]) == parameter("nonce", in: headers[1]))
        #expect(parameter("nonce", in: headers[0])?.utf8.count == 43)
        #expect(parameter("nonce", in: authenticator.challenges()[0]) != parameter("nonce", in: headers[0]))
    }

    @Test func staleChallengeAndOpaque() {
        let authenticator = makeAuthenticator(clock: clock, opaque: "op4que")
        let headers = authenticator.challenges(stale: true)
        #expect(headers.allSatisfy { $0.hasSuffix(", stale=true") && $0.contains(#"opaque="op4que""#) })
    }

    @Test func algorithmsInConfiguredOrder() {
        let authenticator = DigestAuthenticator(realm: testRealm, algorithms: [.md5], secret: testSecret, now: clock.closure)
        let headers = authenticator.challenges()
        #expect(headers.count == 1)
        #expect(parameter("algorithm", in: headers[0]) == "MD5")
    }

    // MARK: Round trips

    @Test(arguments: [DigestAuthAlgorithm?.some(.sha256), .some(.md5), nil])
    func freshNonceRoundTrip(_ algorithm: DigestAuthAlgorithm?) {
        let authenticator = makeAuthenticator(clock: clock)
        let nonce = freshNonce(authenticator)
        clock.advance(by: 10)
        let outcome = authenticator.verify(answer(nonce: nonce, algorithm: algorithm), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        #expect(outcome == .authenticated(username: "alice"))
    }

    @Test(arguments: [DigestAuthAlgorithm.sha256, .md5])
    func precomputedHA1(_ algorithm: DigestAuthAlgorithm) {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator), username: "bob", password: "builder", algorithm: algorithm)
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "bob"))
    }

    @Test func ha1MissingForTheAlgorithmIsLikeAWrongPassword() {
        let authenticator = makeAuthenticator(clock: clock)
        let ha1 = DigestResponse.ha1(algorithm: .md5, username: "carol", realm: testRealm, password: "pw")
        let store: (String) -> DigestCredential? = { $0 == "carol" ? .ha1([.md5: ha1]) : nil }
        let nonce = freshNonce(authenticator)
        let sha = answer(nonce: nonce, username: "carol", password: "pw", algorithm: .sha256)
        #expect(authenticator.verify(sha, method: "REGISTER", requestURI: registerURI, credentials: store) == .challenge(stale: false))
        let md5 = answer(nonce: nonce, username: "carol", password: "pw", algorithm: .md5)
        #expect(authenticator.verify(md5, method: "REGISTER", requestURI: registerURI, credentials: store) == .authenticated(username: "carol"))
    }

    @Test func noCredentialsIsAChallenge() {
        let authenticator = makeAuthenticator(clock: clock)
        #expect(authenticator.verify([:], method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
    }

    // MARK: Wrong credentials

    @Test func wrongPasswordAndUnknownUserAreIndistinguishable() {
        let authenticator = makeAuthenticator(clock: clock)
        let nonce = freshNonce(authenticator)
        let wrongPassword = authenticator.verify(answer(nonce: nonce, password: "guess"), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        let unknownUser = authenticator.verify(answer(nonce: nonce, username: "mallory", password: "guess"), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        #expect(wrongPassword == .challenge(stale: false))
        #expect(unknownUser == wrongPassword)

        // Also with an expired nonce: stale is only revealed to someone who knows the password.
        clock.advance(by: 301)
        let staleWrong = authenticator.verify(answer(nonce: nonce, password: "guess", nc: "00000002"), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        let staleUnknown = authenticator.verify(answer(nonce: nonce, username: "mallory", password: "guess", nc: "00000002"), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        #expect(staleWrong == .challenge(stale: false))
        #expect(staleUnknown == staleWrong)
    }

    @Test func unknownUserWhosePasswordIsTheDummyStillFails() {
        // Even a lookup answering nil can never authenticate, whatever the client sends.
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator))
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: { _ in nil }) == .challenge(stale: false))
    }

    @Test func wrongMethodFails() {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator), method: "INVITE")
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
    }

    // MARK: Nonces

    @Test func expiredNonceIsStale() {
        let authenticator = makeAuthenticator(clock: clock, lifetime: 300)
        let nonce = freshNonce(authenticator)
        clock.advance(by: 300)
        #expect(authenticator.verify(answer(nonce: nonce), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        clock.advance(by: 1)
        #expect(authenticator.verify(answer(nonce: nonce, nc: "00000002"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: true))
        // A client that follows stale=true with a new nonce gets in without the user re-typing.
        #expect(authenticator.verify(answer(nonce: freshNonce(authenticator)), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
    }

    @Test func tamperedNonceIsNotStale() {
        let authenticator = makeAuthenticator(clock: clock)
        var nonce = Array(freshNonce(authenticator))
        nonce[5] = nonce[5] == "x" ? "y" : "x"
        let outcome = authenticator.verify(answer(nonce: String(nonce)), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        #expect(outcome == .challenge(stale: false))
    }

    @Test func nonceFromAnotherSecretOrForeignFormIsNotStale() {
        let authenticator = makeAuthenticator(clock: clock)
        let other = DigestAuthenticator(realm: testRealm, secret: [UInt8](repeating: 7, count: 32), now: clock.closure)
        for nonce in [freshNonce(other), "dcd98b7102dd2f0e8b11d0f600bfb0c093"] {
            let outcome = authenticator.verify(answer(nonce: nonce), method: "REGISTER", requestURI: registerURI, credentials: lookup)
            #expect(outcome == .challenge(stale: false))
        }
    }

    @Test func secretIsRandomByDefault() {
        let first = DigestAuthenticator(realm: testRealm, now: clock.closure)
        let second = DigestAuthenticator(realm: testRealm, now: clock.closure)
        let nonce = parameter("nonce", in: first.challenges()[0])!
        #expect(first.verify(answer(nonce: nonce), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        #expect(second.verify(answer(nonce: nonce, nc: "00000002"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
    }

    // MARK: Replays

    @Test func replayedNonceCountIsRefused() {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator))
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: true))
    }

    @Test func higherNonceCountIsAcceptedLowerIsNot() {
        let authenticator = makeAuthenticator(clock: clock)
        let nonce = freshNonce(authenticator)
        func verify(_ nc: String) -> DigestOutcome {
            authenticator.verify(answer(nonce: nonce, nc: nc), method: "REGISTER", requestURI: registerURI, credentials: lookup)
        }
        #expect(verify("00000001") == .authenticated(username: "alice"))
        #expect(verify("00000002") == .authenticated(username: "alice"))
        #expect(verify("0000000a") == .authenticated(username: "alice"))
        #expect(verify("00000005") == .challenge(stale: true))
        #expect(verify("0000000A") == .challenge(stale: true))
        #expect(verify("0000000b") == .authenticated(username: "alice"))
    }

    @Test func aFailedAttemptDoesNotConsumeTheCount() {
        let authenticator = makeAuthenticator(clock: clock)
        let nonce = freshNonce(authenticator)
        #expect(authenticator.verify(answer(nonce: nonce, password: "guess"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
        #expect(authenticator.verify(answer(nonce: nonce), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
    }

    @Test func evictedNoncesAreReChallengedNotReplayable() {
        let authenticator = makeAuthenticator(clock: clock, maxTrackedNonces: 2)
        let old = freshNonce(authenticator)
        #expect(authenticator.verify(answer(nonce: old), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        for _ in 0..<2 {
            clock.advance(by: 1)
            #expect(authenticator.verify(answer(nonce: freshNonce(authenticator)), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        }
        #expect(authenticator.verify(answer(nonce: old), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: true))
        #expect(authenticator.verify(answer(nonce: old, nc: "00000002"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: true))
    }

    // MARK: Request binding

    @Test func uriMismatchIsABadRequest() {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator), uri: "sip:other.example")
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup)
            == .badRequest(reason: "Digest uri does not match the Request-URI"))
    }

    @Test func uriIsComparedAfterTrimming() {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator), uri: " \(registerURI)\t")
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
    }

    @Test func realmMismatchIsAChallenge() {
        let authenticator = makeAuthenticator(clock: clock)
        let parameters = answer(nonce: freshNonce(authenticator), realm: "other.example")
        #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
    }

    @Test func severalAuthorizationsPickOurRealm() {
        let authenticator = makeAuthenticator(clock: clock)
        let nonce = freshNonce(authenticator)
        let theirs = answer(nonce: "elsewhere", realm: "other.example")
        let ours = answer(nonce: nonce)
        #expect(authenticator.verify(anyOf: [theirs, ours], method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
        #expect(authenticator.verify(anyOf: [theirs], method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
        #expect(authenticator.verify(anyOf: [], method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
    }

    @Test func opaqueMustComeBack() {
        let authenticator = makeAuthenticator(clock: clock, opaque: "op4que")
        let nonce = freshNonce(authenticator)
        #expect(authenticator.verify(answer(nonce: nonce), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
        #expect(authenticator.verify(answer(nonce: nonce, opaque: "other"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: false))
        #expect(authenticator.verify(answer(nonce: nonce, opaque: "op4que"), method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice"))
    }

    // MARK: Malformed

    @Test func malformedParametersAreBadRequests() {
        let authenticator = makeAuthenticator(clock: clock)
        let good = answer(nonce: freshNonce(authenticator))
        let cases: [(String, String?, String)] = [
            ("response", nil, "Missing or empty digest parameter 'response'"),
            ("username", nil, "Missing or empty digest parameter 'username'"),
            ("algorithm", "MD5-sess", "Unsupported digest algorithm"),
            ("qop", nil, "Digest without qop is not supported"),
            ("qop", "auth-int", "Unsupported digest qop"),
            ("nc", "1", "Malformed digest nonce count"),
            ("nc", "0000000x", "Malformed digest nonce count"),
        ]
        for (name, value, reason) in cases {
            var parameters = good
            parameters[name] = value
            #expect(authenticator.verify(parameters, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .badRequest(reason: reason), "\(name)=\(value ?? "nil")")
        }
    }

    @Test func algorithmNotOfferedIsABadRequest() {
        let authenticator = DigestAuthenticator(realm: testRealm, algorithms: [.sha256], secret: testSecret, now: clock.closure)
        let nonce = parameter("nonce", in: authenticator.challenges()[0])!
        #expect(authenticator.verify(answer(nonce: nonce, algorithm: .md5), method: "REGISTER", requestURI: registerURI, credentials: lookup)
            == .badRequest(reason: "Unsupported digest algorithm"))
        #expect(authenticator.verify(answer(nonce: nonce, algorithm: nil), method: "REGISTER", requestURI: registerURI, credentials: lookup)
            == .badRequest(reason: "Unsupported digest algorithm"))
    }
}
