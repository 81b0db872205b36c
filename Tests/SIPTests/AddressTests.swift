import SIP
import Testing

/// name-addr and addr-spec with header parameters (RFC 3261 §20.10, §25.1).
@Suite struct AddressTests {
    @Test func nameAddrWithQuotedDisplayName() throws {
        let address = try #require(SIPAddress("\"Alice \\\"A\\\" Smith\" <sip:alice@example.com;transport=tcp>;tag=88sja8x;expires=3600;q=0.7"))
        #expect(address.displayName == "Alice \"A\" Smith")
        #expect(address.uri.sipURI?.transport == "tcp")
        #expect(address.tag == "88sja8x")
        #expect(address.expires == 3600)
        #expect(address.q == SIPQValue(thousandths: 700))
        #expect(address.parameters["transport"] == nil)
    }

    @Test func nameAddrWithTokenDisplayName() throws {
        let address = try #require(SIPAddress("Bob Smith <sip:bob@example.com>"))
        #expect(address.displayName == "Bob Smith")
    }

    @Test func nameAddrWithoutDisplayName() throws {
        let address = try #require(SIPAddress("<sip:bob@example.com>"))
        #expect(address.displayName == nil)
        #expect(address.parameters.isEmpty)
    }

    @Test func addrSpecParametersAreHeaderParameters() throws {
        let address = try #require(SIPAddress("sip:bob@example.com;tag=abc;lr"))
        #expect(address.displayName == nil)
        #expect(address.uri == SIPAnyURI("sip:bob@example.com"))
        #expect(address.tag == "abc")
        #expect(address.parameters.contains("lr"))
    }

    @Test func whitespaceAroundParameters() throws {
        let address = try #require(SIPAddress("  <sip:bob@example.com> ; tag = abc ;  q=1  "))
        #expect(address.tag == "abc")
        #expect(address.q == SIPQValue(thousandths: 1000))
    }

    @Test func expiresSaturates() throws {
        let address = try #require(SIPAddress("<sip:bob@example.com>;expires=99999999999999999999"))
        #expect(address.expires == UInt32.max)
    }

    @Test(arguments: [
        "", "<>", "<sip:bob@example.com", "sip:bob@example.com>", "\"unterminated <sip:bob@example.com>",
        "\"quoted\" sip:bob@example.com", "<sip:bob@example.com> trailing", "<sip:bob@example.com>;",
        "<sip:bob@example.com>;tag", "<sip:bob@example.com>;tag=a\"b", "<sip:bob@example.com>;expires=soon",
        "<sip:bob@example.com>;q=2", "<sip:bob@example.com>;q=0.1234", "<sip:bob@example.com>;=x", "<not a uri>",
        "Bob \"Smith\" <sip:bob@example.com>",
    ])
    func invalid(_ text: String) {
        #expect(SIPAddress(text) == nil, "\(text)")
    }

    @Test func descriptionIsNameAddr() throws {
        let address = try #require(SIPAddress("sip:bob@example.com;tag=1"))
        #expect(address.description == "<sip:bob@example.com>;tag=1")
        let named = SIPAddress(displayName: "A \"B\"", uri: .sip(try #require(SIPURI("sip:a@b"))))
        #expect(named.description == "\"A \\\"B\\\"\" <sip:a@b>")
        #expect(SIPAddress(named.description) == named)
    }

    @Test func settingTheTag() throws {
        var address = try #require(SIPAddress("<sip:bob@example.com>"))
        address.tag = "t1"
        #expect(address.description == "<sip:bob@example.com>;tag=t1")
        address.tag = nil
        #expect(address.parameters.isEmpty)
    }

    @Test(arguments: [("0", 0), ("0.5", 500), ("0.25", 250), ("0.125", 125), ("1", 1000), ("1.0", 1000), ("1.000", 1000), ("0.", 0)])
    func qValues(_ text: String, _ thousandths: Int) {
        #expect(SIPQValue(text)?.thousandths == thousandths)
    }

    @Test(arguments: ["", ".5", "1.5", "1.001", "2", "0.1234", "-0.5", "0,5", "a"])
    func invalidQValues(_ text: String) {
        #expect(SIPQValue(text) == nil)
    }

    @Test func qValueText() {
        #expect(SIPQValue(thousandths: 500)?.description == "0.5")
        #expect(SIPQValue(thousandths: 1000)?.description == "1")
        #expect(SIPQValue(thousandths: 5)?.description == "0.005")
        #expect(SIPQValue(thousandths: 0)?.description == "0")
        #expect(SIPQValue(thousandths: 1001) == nil)
    }
}
