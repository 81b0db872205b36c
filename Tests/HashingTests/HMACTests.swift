import Hashing
import Testing

@Suite struct HMACTests {
    /// RFC 4231 §4.2 test case 1.
    @Test func rfc4231TestCase1() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        let mac = HMAC.sha256(key: key, message: Array("Hi There".utf8))
        #expect(mac.hexString == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    /// RFC 4231 §4.3 test case 2 (a key shorter than the block size).
    @Test func rfc4231TestCase2() {
        let mac = HMAC.sha256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// RFC 4231 §4.7 test case 6 (a key longer than the block size is hashed first).
    @Test func rfc4231TestCase6() {
        let key = [UInt8](repeating: 0xaa, count: 131)
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(HMAC.sha256(key: key, message: message).hexString
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The raw-buffer and string forms of the comparison agree with the collection form.
    @Test func constantTimeEqualForms() {
        let pairs: [(String, String)] = [("", ""), ("abc", "abc"), ("abc", "abd"), ("abc", "ab"), ("", "a")]
        for (a, b) in pairs {
            let expected = a == b
            #expect(HMAC.constantTimeEqual(Array(a.utf8), Array(b.utf8)) == expected)
            #expect(HMAC.constantTimeEqual(a, b) == expected)
            #expect(Array(a.utf8).withUnsafeBytes { a in Array(b.utf8).withUnsafeBytes { HMAC.constantTimeEqual(a, $0) } } == expected)
        }
    }

    @Test func emptyKeyAndMessageAndSlices() {
        // Python: hmac.new(b"", b"", "sha256")
        #expect(HMAC.sha256(key: [UInt8](), message: [UInt8]()).hexString
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
        let bytes = Array("xxJefexx".utf8)
        #expect(HMAC.sha256(key: bytes[2..<6], message: Array("m".utf8))
            == HMAC.sha256(key: Array("Jefe".utf8), message: Array("m".utf8)))
    }

    @Test func constantTimeEqual() {
        #expect(HMAC.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(HMAC.constantTimeEqual([UInt8](), [UInt8]()))
    }

    @Test func secureRandom() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        let a = SecureRandom.bytes(count: 32)
        let b = SecureRandom.bytes(count: 32)
        #expect(a.count == 32)
        #expect(a != b)
    }
}

@Suite struct HMACKeyTests {
    @Test func rfc4231TestCases1And2() {
        let key1 = HMAC.SHA256Key([UInt8](repeating: 0x0b, count: 20))
        #expect(key1.authenticationCode(for: Array("Hi There".utf8)).hexString
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let key2 = HMAC.SHA256Key(Array("Jefe".utf8))
        #expect(key2.authenticationCode(for: Array("what do ya want for nothing?".utf8)).hexString
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// Keys of every length around SHA-256's 64-byte block (longer ones are hashed first, RFC
    /// 2104 §2) give libcrypto's one-shot HMAC; RFC 4231 test case 6 is a 131-byte key.
    @Test(arguments: [0, 1, 32, 63, 64, 65, 131, 200])
    func keysOfEveryLengthAgreeWithTheOneShot(_ length: Int) {
        let secret = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        let key = HMAC.SHA256Key(secret)
        for message in ["", "m", String(repeating: "y", count: 64), String(repeating: "z", count: 200)] {
            #expect(key.authenticationCode(for: Array(message.utf8)) == HMAC.sha256(key: secret, message: Array(message.utf8)))
        }
        let rfc4231Case6 = HMAC.SHA256Key([UInt8](repeating: 0xaa, count: 131))
        #expect(rfc4231Case6.authenticationCode(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)).hexString
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func reusableAndLikeTheOneShot() {
        let secret = Array("a secret key".utf8)
        let key = HMAC.SHA256Key(secret)
        for message in ["", "a", "Hi There", String(repeating: "x", count: 1000)] {
            let bytes = Array(message.utf8)
            #expect(key.authenticationCode(for: bytes) == HMAC.sha256(key: secret, message: bytes))
            #expect(key.authenticationCode(for: bytes[...]) == HMAC.sha256(key: secret, message: bytes))
        }
        #expect(HMAC.SHA256Key([UInt8]()).authenticationCode(for: [UInt8]()).hexString
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    /// Fuzzing found (RegistrarFuzzer, address sanitizer): `SHA256Key.init` handed libcrypto
    /// the parameter name `"digest"` as a temporary C string, freed before `EVP_MAC_init` read it
    /// (heap-use-after-free). Freed memory reused in between would change which digest the key
    /// uses, or make the init fail; keys made among other threads' allocations must all agree
    /// with the one-shot HMAC. `scripts/fuzz RegistrarFuzzer` replays the sanitizer's view of it.
    @Test func fuzzRegressionKeysMadeAmongOtherAllocationsUseSHA256() async {
        let secret = Array("a secret key".utf8)
        let message = Array("Hi There".utf8)
        let expected = HMAC.sha256(key: secret, message: message)
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { round in
                        let noise = (0..<8).map { String(repeating: "digest", count: task + $0 + round % 5) }
                        let key = HMAC.SHA256Key(secret)
                        return key.authenticationCode(for: message) == expected && !noise.isEmpty
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func concurrentUse() async {
        let key = HMAC.SHA256Key(Array("Jefe".utf8))
        let message = Array("what do ya want for nothing?".utf8)
        let results = await withTaskGroup(of: String.self, returning: Set<String>.self) { group in
            for _ in 0..<64 {
                group.addTask { (0..<50).map { _ in key.authenticationCode(for: message).hexString }.last! }
            }
            return await group.reduce(into: []) { $0.insert($1) }
        }
        #expect(results == ["5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"])
    }
}
