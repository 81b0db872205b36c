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

    /// Several qop options are one quoted list; none (RFC 2069) leaves qop out.
    @Test func qopOptions() {
        let both = DigestChallenge(realm: "r", nonce: "n", algorithm: .md5, qopOptions: ["auth", "auth-int"])
        #expect(both.headerValue == #"Digest realm="r", nonce="n", algorithm=MD5, qop="auth,auth-int""#)
        let none = DigestChallenge(realm: "r", nonce: "n", algorithm: .md5, qopOptions: [])
        #expect(none.headerValue == #"Digest realm="r", nonce="n", algorithm=MD5"#)
    }
}
