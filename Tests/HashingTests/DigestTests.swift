import Hashing
import Testing

@Suite struct DigestTests {
    /// FIPS 180-2 and RFC 1321 test vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ input: String, _ expected: String) {
        #expect(DigestAlgorithm.sha256.hexHash(Array(input.utf8)) == expected)
    }

    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
    ])
    func md5(_ input: String, _ expected: String) {
        #expect(DigestAlgorithm.md5.hexHash(Array(input.utf8)) == expected)
    }

    @Test func slicesHashLikeArrays() {
        let bytes = Array("xxabcxx".utf8)
        #expect(DigestAlgorithm.sha256.hash(bytes[2..<5]) == DigestAlgorithm.sha256.hash(Array("abc".utf8)))
    }

    /// The string, raw-buffer and collection forms hash the same bytes, the empty input too.
    @Test(arguments: ["", "abc", "Mufasa:testrealm@host.com:Circle Of Life", "é ünïcode"])
    func everyFormHashesTheSameBytes(_ text: String) {
        for algorithm in [DigestAlgorithm.md5, .sha256] {
            let expected = algorithm.hexHash(Array(text.utf8))
            #expect(algorithm.hexHash(text) == expected)
            #expect(Array(text.utf8).withUnsafeBytes { algorithm.hexHash($0) } == expected)
            #expect(algorithm.hash(UnsafeRawBufferPointer(start: nil, count: 0)) == algorithm.hash([UInt8]()))
            #expect(algorithm.hash(Array(text.utf8)).hexString == expected)
        }
    }
}
