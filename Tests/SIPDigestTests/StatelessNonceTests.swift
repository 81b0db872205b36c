@testable import SIPDigest
import Testing

@Suite struct Base64URLTests {
    /// RFC 4648 §10 vectors, unpadded and with the URL alphabet.
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func rfc4648(_ plain: String, _ encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func urlAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
    }

    @Test(arguments: ["Zm9v=", "Zm+v", "Zm/v", "Z", "Zh", "Zm9", "Zm 9v"])
    func refusesNonCanonical(_ text: String) {
        // "Zh" and "Zm9" have non-zero leftover bits; "Zg"/"Zm8" are the canonical spellings.
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func roundTripsEveryLength() {
        for count in 0..<40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }
}

@Suite struct StatelessNonceTests {
    let codec = StatelessNonce(secret: testSecret, realm: testRealm, lifetime: 300)
    let random: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]

    @Test func freshWithinLifetime() {
        let nonce = codec.issue(at: 1000, random: random)
        #expect(nonce.utf8.count == 43)
        let id = NonceID(issuedAt: 1000, random: 0x0102030405060708)
        #expect(codec.check(nonce, now: 1000) == .fresh(id))
        #expect(codec.check(nonce, now: 1300) == .fresh(id))
        #expect(codec.check(nonce, now: 1301) == .expired(id))
        // A clock stepped back a little keeps the nonce; a lot retires it.
        #expect(codec.check(nonce, now: 900) == .fresh(id))
        #expect(codec.check(nonce, now: 699) == .expired(id))
    }

    @Test func otherSecretOrRealmIsInvalid() {
        let nonce = codec.issue(at: 1000, random: random)
        let otherSecret = StatelessNonce(secret: [UInt8](repeating: 0x43, count: 32), realm: testRealm, lifetime: 300)
        let otherRealm = StatelessNonce(secret: testSecret, realm: "other.example", lifetime: 300)
        #expect(otherSecret.check(nonce, now: 1000) == .invalid)
        #expect(otherRealm.check(nonce, now: 1000) == .invalid)
    }

    @Test func everyTamperedCharacterIsInvalid() {
        let nonce = Array(codec.issue(at: 1000, random: random))
        for index in nonce.indices {
            var tampered = nonce
            tampered[index] = tampered[index] == "A" ? "B" : "A"
            #expect(codec.check(String(tampered), now: 1000) == .invalid, "position \(index)")
        }
    }

    @Test(arguments: ["", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", String(repeating: "A", count: 43), String(repeating: "A", count: 44)])
    func foreignNoncesAreInvalid(_ nonce: String) {
        #expect(codec.check(nonce, now: 1000) == .invalid)
    }
}
