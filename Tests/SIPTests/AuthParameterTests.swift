import SIP
import Testing

/// The syntax of challenges and credentials (RFC 3261 §25.1 `challenge`, `credentials`).
@Suite struct AuthParameterTests {
    @Test func digestCredentials() throws {
        let value = try #require(SIPAuthHeaderValue("""
            Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", \
            uri="sip:bob@biloxi.com", qop=auth, nc=00000001, cnonce="0a4f113b", \
            response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """))
        #expect(value.scheme == "Digest")
        #expect(value.isDigest)
        #expect(value.parameters.count == 9)
        #expect(value["username"] == "bob")
        #expect(value["uri"] == "sip:bob@biloxi.com")
        #expect(value["qop"] == "auth")
        #expect(value["NC"] == "00000001")
        #expect(value.parameters.map(\.isQuoted) == [true, true, true, true, false, false, true, true, true])
        let byName = value.parametersByName
        #expect(byName.count == 9)
        #expect(byName["nc"] == "00000001")
        #expect(byName["response"] == "6629fae49393a05397450978507c4ef1")
    }

    @Test func quotedStringsWithEscapesAndCommas() throws {
        let value = try #require(SIPAuthHeaderValue(#"Digest realm="a \"quoted\", realm", nonce="x\\y""#))
        #expect(value["realm"] == #"a "quoted", realm"#)
        #expect(value["nonce"] == #"x\y"#)
        #expect(value.description == #"Digest realm="a \"quoted\", realm", nonce="x\\y""#)
    }

    @Test func whitespaceAndEmptyElements() throws {
        let value = try #require(SIPAuthHeaderValue("digest   realm = \"r\" ,, NONCE=\"n\" , "))
        #expect(value.isDigest)
        #expect(value.parametersByName == ["realm": "r", "nonce": "n"])
        #expect(value["realm"] == "r")
        #expect(value["nonce"] == "n")
    }

    @Test func token68AndBareScheme() throws {
        let bearer = try #require(SIPAuthHeaderValue("Bearer mF_9.B5f-4.1JqM=="))
        #expect(bearer.token68 == "mF_9.B5f-4.1JqM==")
        #expect(bearer.parameters.isEmpty)
        #expect(bearer.description == "Bearer mF_9.B5f-4.1JqM==")
        // A lone word after the scheme is token68 by RFC 7235's grammar; Digest code will
        // find no parameters in it.
        #expect(SIPAuthHeaderValue("Digest realm")?.token68 == "realm")
        let bare = try #require(SIPAuthHeaderValue("Negotiate"))
        #expect(bare.parameters.isEmpty && bare.token68 == nil)
    }

    @Test func standaloneList() throws {
        let list = try #require(SIPAuthParameter.parseList(#"nextnonce="47364c23432d2e131a5fb210812c", qop=auth, rspauth="6629fae4""#))
        #expect(list.map(\.name) == ["nextnonce", "qop", "rspauth"])
        #expect(SIPAuthParameter.parseList("") == [])
    }

    @Test(arguments: [
        "", "Digest realm=\"unterminated", "Digest realm=\"a\" nonce=\"b\"",
        "Digest realm=\"a\", realm=\"b\"", "Digest =x", "Digest realm=a b", "Digest realm=\"a\\", "\"Digest\" realm=a",
    ])
    func invalid(_ text: String) {
        #expect(SIPAuthHeaderValue(text) == nil, "\(text)")
    }

    @Test func multipleLinesAreSeparateValues() throws {
        let lines = Fixture.unauthorized + ["WWW-Authenticate: Digest realm=\"other\", nonce=\"2\"", "Proxy-Authenticate: Digest realm=\"p\", nonce=\"3\""]
        let headers = try Fixture.parse(lines).get().headers
        #expect(try headers.authValues(name: .wwwAuthenticate).map { $0["realm"] } == ["example.com", "other"])
        #expect(try headers.authValues(name: .proxyAuthenticate).count == 1)
        #expect(try headers.authValues(name: .authorization).isEmpty)
    }

    @Test func malformedAuthHeaderThrows() throws {
        let headers: SIPHeaders = [.authorization: "Digest username=\"bob"]
        #expect(throws: SIPParseError(.malformedHeader(.authorization))) { try headers.authValues(name: .authorization) }
    }
}
