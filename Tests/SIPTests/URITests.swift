import SIP
import Testing

/// SIP URIs (RFC 3261 §19.1): parsing, round trips, comparison and the address of record.
@Suite struct URITests {
    @Test func components() throws {
        let uri = try #require(SIPURI("sips:alice:secret@Atlanta.Example.COM:5061;transport=TCP;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent"))
        #expect(uri.scheme == .sips)
        #expect(uri.user == "alice")
        #expect(uri.password == "secret")
        #expect(uri.host.text == "Atlanta.Example.COM")
        #expect(uri.host.canonical == "atlanta.example.com")
        #expect(uri.port == 5061)
        #expect(uri.transport == "tcp")
        #expect(uri.isLooseRouting)
        #expect(uri.parameters["maddr"] == "239.255.255.1")
        #expect(uri.headers["subject"] == "project%20x")
        #expect(uri.headers["priority"] == "urgent")
        #expect(uri.addressOfRecord == "sips:alice@atlanta.example.com")
    }

    @Test(arguments: [
        "sip:alice@atlanta.com",
        "sip:alice:secretword@atlanta.com;transport=tcp",
        "sips:alice@atlanta.com?subject=project%20x&priority=urgent",
        "sip:+1-212-555-1212:1234@gateway.com;user=phone",
        "sip:alice@192.0.2.4",
        "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com",
        "sip:alice;day=tuesday@atlanta.com",
        "sip:[2001:db8::1]:5070;lr",
        "sip:registrar.example.com",
        "sip:user@host.example.com.",
        "sip:%61lice@example.com",
    ])
    func roundTrip(_ text: String) throws {
        let uri = try #require(SIPURI(text))
        #expect(uri.description == text)
    }

    @Test func rfcExamplesHaveTheRightParts() throws {
        let phone = try #require(SIPURI("sip:+1-212-555-1212:1234@gateway.com;user=phone"))
        #expect(phone.user == "+1-212-555-1212")
        #expect(phone.password == "1234")
        #expect(phone.parameters["user"] == "phone")

        let day = try #require(SIPURI("sip:alice;day=tuesday@atlanta.com"))
        #expect(day.user == "alice;day=tuesday")
        #expect(day.parameters.isEmpty)

        let noUser = try #require(SIPURI("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com"))
        #expect(noUser.user == nil)
        #expect(noUser.headers["to"] == "alice%40atlanta.com")
        #expect(noUser.addressOfRecord == "sip:atlanta.com")
    }

    @Test func schemeIsCaseInsensitive() throws {
        let uri = try #require(SIPURI("SIP:bob@example.com"))
        #expect(uri.scheme == .sip)
        #expect(uri.description == "sip:bob@example.com")
    }

    @Test(arguments: [
        "", "sip", "sip:", "http://example.com", "tel:+123", "sip:@example.com", "sip:bob@", "sip:bob@:5060",
        "sip:bob@example.com:", "sip:bob@example.com:65536", "sip:bob@example.com:-1", "sip:bob@exa mple.com",
        "sip:bob@example..com", "sip:bob@-example.com", "sip:bob@example.com;", "sip:bob@example.com;=1",
        "sip:bob@example.com;a=", "sip:bob@example.com?", "sip:bob@example.com?a", "sip:b%zzob@example.com",
        "sip:bob%4@example.com", "sip:bob@[2001:db8::1", "sip:bob@[2001:db8:::1]", "sip:bob@[1.2.3.4]",
        "sip:bob@1.2.3.256", "sip:bob@1.2.3", "sip:bob@example.com>", "sip:bo\"b@example.com", "sip:bob@ex_ample.com:5060x",
    ])
    func invalid(_ text: String) {
        #expect(SIPURI(text) == nil, "\(text)")
    }

    @Test func addressOfRecordCanonicalisation() throws {
        let variants = [
            "sip:alice@example.com",
            "sip:%61lice@EXAMPLE.com",
            "sip:alice@example.com:5060",
            "sip:alice:pw@example.com;transport=tcp?subject=x",
            "sip:alice@Example.Com;lr",
        ]
        for text in variants {
            #expect(SIPURI(text)?.addressOfRecord == "sip:alice@example.com", "\(text)")
        }
        #expect(SIPURI("sip:Alice@example.com")?.addressOfRecord == "sip:Alice@example.com")
        #expect(SIPURI("sip:a%40b@example.com")?.addressOfRecord == "sip:a%40b@example.com")
        #expect(SIPURI("sip:a%2fb@example.com")?.addressOfRecord == "sip:a/b@example.com")
        #expect(SIPURI("sip:a%20b@example.com")?.addressOfRecord == "sip:a%20b@example.com")
        #expect(SIPURI("sips:alice@example.com")?.addressOfRecord == "sips:alice@example.com")
        #expect(SIPURI("sip:alice@[2001:DB8:0::1]")?.addressOfRecord == "sip:alice@[2001:db8::1]")
    }

    @Test func decodedUser() {
        #expect(SIPURI("sip:%61lice%20smith@example.com")?.decodedUser == "alice smith")
        #expect(SIPURI("sip:example.com")?.decodedUser == nil)
    }

    /// RFC 3261 §19.1.4 examples.
    @Test(arguments: [
        ("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;security=on"),
        ("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"),
        ("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"),
        ("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x"),
    ])
    func equivalent(_ lhs: String, _ rhs: String) throws {
        let left = try #require(SIPURI(lhs))
        let right = try #require(SIPURI(rhs))
        #expect(left.isEquivalent(to: right))
        #expect(right.isEquivalent(to: left))
    }

    @Test(arguments: [
        ("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"),
        ("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"),
        ("sip:bob@example.com", "sips:bob@example.com"),
        ("sip:bob@example.com;user=phone", "sip:bob@example.com"),
    ])
    func notEquivalent(_ lhs: String, _ rhs: String) throws {
        let left = try #require(SIPURI(lhs))
        let right = try #require(SIPURI(rhs))
        #expect(!left.isEquivalent(to: right))
        #expect(!right.isEquivalent(to: left))
    }

    @Test func anyURI() {
        #expect(SIPAnyURI("sip:a@b")?.sipURI?.user == "a")
        #expect(SIPAnyURI("tel:+1-201-555-0123")?.scheme == "tel")
        #expect(SIPAnyURI("urn:service:sos") == .other("urn:service:sos"))
        #expect(SIPAnyURI("HTTP://example.com/x")?.scheme == "http")
        #expect(SIPAnyURI("1abc:x") == nil)
        #expect(SIPAnyURI("mailto:") == nil)
        #expect(SIPAnyURI("mailto:a b") == nil)
        #expect(SIPAnyURI("tel:") == nil)
        #expect(SIPAnyURI("tel:abc;x") == nil || SIPAnyURI("tel:abc;x")?.scheme == "tel")
        #expect(SIPAnyURI("nocolon") == nil)
    }

    @Test func telURI() throws {
        guard case .tel(let tel) = SIPAnyURI("tel:+1-201-555-0123;ext=42") else {
            Issue.record("expected a tel URI")
            return
        }
        #expect(tel.isGlobal)
        #expect(tel.number == "+1-201-555-0123")
        #expect(tel.parameters["ext"] == "42")
        #expect(tel.description == "tel:+1-201-555-0123;ext=42")
    }
}

/// Turning a login into a URI user part.
@Suite struct EscapedUserTests {
    @Test func allowedCharactersStay() {
        #expect(SIPURI.escapedUser("74951234567") == "74951234567")
        #expect(SIPURI.escapedUser("+1-212;x=y&z") == "+1-212;x=y&z")
    }

    @Test func othersAreEscapedAndTheResultParses() throws {
        let user = SIPURI.escapedUser("a b@c%d:e")
        #expect(user == "a%20b%40c%25d%3Ae")
        let uri = try #require(SIPURI("sip:\(user)@example.com"))
        #expect(uri.decodedUser == "a b@c%d:e")
    }

    /// Escapes of allowed characters are decoded, others kept in upper-case hex; a user part
    /// without escapes is its own canonical form.
    @Test(arguments: [
        ("sip:%61lice@example.com", "alice"), ("sip:a%40b@example.com", "a%40b"), ("sip:a%3cb@example.com", "a%3Cb"), ("sip:a%2fb@example.com", "a/b"),
        ("sip:100@example.com", "100"), ("sip:Alice.Smith-1_(x)@example.com", "Alice.Smith-1_(x)"), ("sip:+4930;x=1@example.com", "+4930;x=1"),
    ])
    func canonicalUser(_ text: String, _ expected: String) throws {
        #expect(try #require(SIPURI(text)).canonicalUser == expected)
    }
}
