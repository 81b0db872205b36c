import SIPDigest
import Testing

@Suite struct DigestAuthorizationTests {
    /// The RFC 7616 §3.9.1 SHA-256 Authorization header, as the SIP parser would hand it over.
    let rfc7616: [String: String] = [
        "username": "Mufasa",
        "realm": "http-auth@example.org",
        "uri": "/dir/index.html",
        "algorithm": "SHA-256",
        "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        "nc": "00000001",
        "cnonce": "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
        "qop": "auth",
        "response": "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
    ]

    @Test func wellFormed() throws {
        let authorization = try DigestAuthorization(parameters: rfc7616)
        #expect(authorization.username == "Mufasa")
        #expect(authorization.algorithm == .sha256)
        #expect(authorization.nonceCount == 1)
        #expect(authorization.nonceCountText == "00000001")
        #expect(authorization.opaque == "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
    }

    @Test func absentAlgorithmMeansMD5() throws {
        var parameters = rfc7616
        parameters["algorithm"] = nil
        parameters["response"] = "8ca523f5e9506fed4657c9700eebdbec"
        #expect(try DigestAuthorization(parameters: parameters).algorithm == .md5)
        #expect(throws: DigestAuthorization.Problem.unsupportedAlgorithm("MD5")) {
            try DigestAuthorization(parameters: parameters, offered: [.sha256])
        }
    }

    @Test func uppercaseHexIsAccepted() throws {
        var parameters = rfc7616
        parameters["nc"] = "0000000A"
        parameters["response"] = rfc7616["response"]!.uppercased()
        let authorization = try DigestAuthorization(parameters: parameters)
        #expect(authorization.nonceCount == 10)
        #expect(authorization.nonceCountText == "0000000A")
        #expect(authorization.response == rfc7616["response"])
    }

    @Test(arguments: ["username", "realm", "nonce", "uri", "response", "nc", "cnonce"])
    func missingField(_ name: String) {
        var parameters = rfc7616
        parameters[name] = nil
        #expect(throws: DigestAuthorization.Problem.missing(name)) { try DigestAuthorization(parameters: parameters) }
    }

    @Test(arguments: [
        ("algorithm", "MD5-sess", DigestAuthorization.Problem.unsupportedAlgorithm("MD5-sess")),
        ("algorithm", "SHA-512-256", .unsupportedAlgorithm("SHA-512-256")),
        ("qop", "auth-int", .unsupportedQOP("auth-int")),
        ("qop", "auth,auth-int", .unsupportedQOP("auth,auth-int")),
        ("nc", "1", .malformedNonceCount),
        ("nc", "000000001", .malformedNonceCount),
        ("nc", "0000000g", .malformedNonceCount),
        ("nc", "+0000001", .malformedNonceCount),
        ("cnonce", "", .missing("cnonce")),
        ("response", "753927fa", .malformedResponse),
        ("response", String(repeating: "z", count: 64), .malformedResponse),
        ("userhash", "true", .userhashNotSupported),
    ])
    func malformed(_ name: String, _ value: String, _ problem: DigestAuthorization.Problem) {
        var parameters = rfc7616
        parameters[name] = value
        #expect(throws: problem) { try DigestAuthorization(parameters: parameters) }
    }

    @Test func rfc2069StyleWithoutQOPIsRefused() {
        var parameters = rfc7616
        parameters["qop"] = nil
        parameters["nc"] = nil
        parameters["cnonce"] = nil
        #expect(throws: DigestAuthorization.Problem.missingQOP) { try DigestAuthorization(parameters: parameters) }
    }

    @Test func reasonsNeverEchoTheRequest() {
        #expect(DigestAuthorization.Problem.unsupportedAlgorithm("<evil>").reason == "Unsupported digest algorithm")
        #expect(DigestAuthorization.Problem.missing("nc").reason == "Missing or empty digest parameter 'nc'")
    }
}
