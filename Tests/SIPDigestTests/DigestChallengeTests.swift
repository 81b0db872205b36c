import SIPDigest
import Testing

@Suite struct DigestChallengeTests {
    @Test func headerValue() {
        let challenge = DigestChallenge(realm: "atlanta.com", nonce: "abc", algorithm: .sha256)
        #expect(challenge.headerValue == #"Digest realm="atlanta.com", nonce="abc", algorithm=SHA-256, qop="auth""#)
    }

    @Test func staleAndOpaque() {
        let challenge = DigestChallenge(realm: "atlanta.com", nonce: "abc", opaque: "xyz", algorithm: .md5, stale: true)
        #expect(challenge.headerValue == #"Digest realm="atlanta.com", nonce="abc", opaque="xyz", algorithm=MD5, qop="auth", stale=true"#)
    }

    @Test func quotesAndBackslashesAreEscaped() {
        let challenge = DigestChallenge(realm: #"a "b" \c"#, nonce: "n", algorithm: .md5)
        #expect(challenge.headerValue.hasPrefix(#"Digest realm="a \"b\" \\c", nonce="n""#))
    }
}
