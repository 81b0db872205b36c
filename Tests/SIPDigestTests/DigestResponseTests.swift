import Testing
@testable import SIPDigest

@Suite struct DigestResponseTests {
    /// RFC 2617 §3.5.
    @Test func rfc2617Example() {
        let response = DigestResponse.response(
            algorithm: .md5, username: "Mufasa", realm: "testrealm@host.com", password: "Circle Of Life",
            nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", nc: "00000001", cnonce: "0a4f113b", qop: "auth",
            method: "GET", digestURI: "/dir/index.html"
        )
        #expect(response == "6629fae49393a05397450978507c4ef1")
    }

    /// RFC 7616 §3.9.1, both the SHA-256 and the MD5 answer.
    @Test(arguments: [
        (DigestAuthAlgorithm.sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
        (DigestAuthAlgorithm.md5, "8ca523f5e9506fed4657c9700eebdbec"),
    ])
    func rfc7616Example(_ algorithm: DigestAuthAlgorithm, _ expected: String) {
        let response = DigestResponse.response(
            algorithm: algorithm, username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life",
            nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc: "00000001",
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop: "auth",
            method: "GET", digestURI: "/dir/index.html"
        )
        #expect(response == expected)
    }

    @Test func precomputedHA1GivesTheSameResponse() {
        let ha1 = DigestResponse.ha1(algorithm: .sha256, username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life")
        let response = DigestResponse.response(
            algorithm: .sha256, ha1: ha1, nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc: "00000001",
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", method: "GET", digestURI: "/dir/index.html"
        )
        #expect(response == "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
    }

    @Test func algorithmTokens() {
        #expect(DigestAuthAlgorithm(token: "SHA-256") == .sha256)
        #expect(DigestAuthAlgorithm(token: "sha-256") == .sha256)
        #expect(DigestAuthAlgorithm(token: "MD5") == .md5)
        #expect(DigestAuthAlgorithm(token: "md5") == .md5)
        #expect(DigestAuthAlgorithm(token: "MD5-sess") == nil)
        #expect(DigestAuthAlgorithm(token: "SHA-512-256") == nil)
    }

    /// The colon-joined hash is the hash of the joined string, empty fields included (an empty
    /// user name still has its colon).
    @Test(arguments: [["Mufasa", "testrealm@host.com", "Circle Of Life"], ["", "realm", ""], ["", ""], ["only"], ["a:b", "ü"]])
    func colonJoinedHashIsTheHashOfTheJoinedText(_ parts: [String]) {
        for algorithm in DigestAuthAlgorithm.allCases {
            let joined = parts.joined(separator: ":")
            let hashed: String = switch parts.count {
            case 1: algorithm.hexHash(colonJoined: parts[0])
            case 2: algorithm.hexHash(colonJoined: parts[0], parts[1])
            default: algorithm.hexHash(colonJoined: parts[0], parts[1], parts[2])
            }
            #expect(hashed == algorithm.hexHash(joined))
        }
    }
}
