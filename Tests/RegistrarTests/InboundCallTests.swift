import RuntimeBundle
import SIP
import Testing
@testable import Registrar

/// INVITEs in serve: providers recognised by packet source (trunks) or registration token
/// (standard), impostors refused, and the inbound decision answered as a redirect.
@Suite struct InboundCallTests {
    static let trunkSource = PacketSource(host: "198.51.100.7", port: 5060, transport: .udp)
    static let stranger = PacketSource(host: "203.0.113.99", port: 5060, transport: .udp)

    /// A trunk `carrier` (allow 198.51.100.0/28, server sip.carrier.example) and a standard
    /// provider `voip` whose registration token is `sb-voip`; calls to numbers starting 555 ring
    /// 100 then 101 in order, everything else from the trunk rings 101.
    static let bundle = SwitchboardBundle(
        providers: [
            provider("carrier", type: "trunk", host: "sip.carrier.example", allow: ["198.51.100.0/28"]),
            provider("voip", type: "standard", host: "sip.voip.example", allow: nil),
            provider("quiet", type: "trunk", host: "sip.quiet.example", allow: ["192.0.2.1"], incoming: false),
        ],
        extensions: [],
        inbound: [
            BundleInboundRule(
                name: "sales", generatedFor: nil, provider: nil, calledPrefixes: ["555"], callerPrefixes: [],
                destination: BundleDestination(extensions: ["100", "101"], ring: "in_order"), source: "a.yaml:9:5"),
            BundleInboundRule(
                name: "carrier-in", generatedFor: "carrier", provider: "carrier", calledPrefixes: [], callerPrefixes: [],
                destination: BundleDestination(extensions: ["101"], ring: "together"), source: "a.yaml:3:5"),
        ],
        outbound: [])

    static func provider(_ name: String, type: String, host: String, allow: [String]?, incoming: Bool = true) -> BundleProvider {
        BundleProvider(
            name: name, title: nil, enabled: true, calls: .init(incoming: incoming, outgoing: true), type: type,
            servers: [BundleAddress(host: host, port: nil, transport: "udp")], proxy: nil,
            login: type == "standard" ? "login" : nil, password: type == "standard" ? .env("VOIP_PASSWORD") : nil,
            lines: .limited(2), callerId: nil, registrationIp: nil,
            registration: type == "standard" ? .init(expires: 600) : nil,
            trunk: allow.map { .init(allow: $0, derived: false) }, rules: .init(inbound: "auto", outbound: "auto"),
            source: "a.yaml:1:1")
    }

    struct Presence: ProviderPresence {
        func provider(forContactUser user: String) -> String? { user == "sb-voip" ? "voip" : nil }
        func isRegistered(_ name: String) -> Bool { name == "voip" }
    }

    let time = TestTime()
    let processor: RequestProcessor

    init() throws {
        processor = try RequestProcessorTests.makeProcessor(time: time, bundle: Self.bundle, presence: Presence())
    }

    static func invite(requestUser: String, toUser: String? = nil, fromHost: String = "sip.carrier.example", branch: String = "z9hG4bK-i1") -> [UInt8] {
        let lines = [
            "INVITE sip:\(requestUser)@pbx.example SIP/2.0",
            "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=\(branch)",
            "Max-Forwards: 70",
            "From: <sip:+15550001111@\(fromHost)>;tag=f1",
            "To: <sip:\(toUser ?? requestUser)@pbx.example>",
            "Call-ID: \(branch)@carrier",
            "CSeq: 1 INVITE",
            "Contact: <sip:+15550001111@198.51.100.7:5060>",
            "Content-Length: 0",
        ]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    func send(_ bytes: [UInt8], from source: PacketSource) throws -> SIPMessage {
        let response = try #require(processor.handle(datagram: bytes, from: source))
        return try SIPParser.parse(response).get()
    }

    /// Binds `contact` for extension `number`, as a REGISTER would.
    func bind(_ number: String, contact: String, q: Int = 1000) throws {
        try processor.location.update("sip:\(number)@pbx.example", now: time.now) { (bindings: inout [Binding]) in
            bindings.append(Binding(
                contact: contact, contactKey: contact, qualityThousandths: q, expiresAt: time.now + 600, callID: "r-\(number)",
                cseq: 1, source: PacketSource(host: "10.0.0.9", port: 5060, transport: .udp)))
        }
    }

    @Test func aTrunkCallIsRedirectedToTheRegisteredContactsInRingOrder() throws {
        try bind("100", contact: "sip:100@10.0.0.5:5060")
        try bind("101", contact: "sip:101@10.0.0.6:5060")
        let response = try send(Self.invite(requestUser: "5551234"), from: Self.trunkSource)
        #expect(response.statusCode == 302)
        #expect(response.headers[.contact] == ["<sip:100@10.0.0.5:5060>;q=1.0", "<sip:101@10.0.0.6:5060>;q=0.9"])
    }

    @Test func theProviderRuleAppliesWhenNoEarlierRuleMatches() throws {
        try bind("101", contact: "sip:101@10.0.0.6:5060")
        let response = try send(Self.invite(requestUser: "4990000"), from: Self.trunkSource)
        #expect(response.statusCode == 302)
        #expect(response.headers[.contact] == ["<sip:101@10.0.0.6:5060>;q=1.0"])
    }

    @Test func aCallToExtensionsWithoutContactsIsTemporarilyUnavailable() throws {
        let response = try send(Self.invite(requestUser: "4990000"), from: Self.trunkSource)
        #expect(response.statusCode == 480)
        #expect(response.headers[.contact].isEmpty)
    }

    @Test func aStandardProviderIsRecognisedByItsTokenAndTheNumberIsTakenFromTo() throws {
        try bind("100", contact: "sip:100@10.0.0.5:5060")
        // From a source that is no trunk; the Request-URI is our Contact at the provider.
        let response = try send(Self.invite(requestUser: "sb-voip", toUser: "5550000", fromHost: "sip.voip.example"), from: Self.stranger)
        #expect(response.statusCode == 302)
        #expect(response.headers[.contact].first == "<sip:100@10.0.0.5:5060>;q=1.0")
    }

    @Test func aRequestClaimingAProviderFromAnotherAddressIsForbidden() throws {
        try bind("101", contact: "sip:101@10.0.0.6:5060")
        let invite = try send(Self.invite(requestUser: "4990000"), from: Self.stranger)
        #expect(invite.statusCode == 403)
        #expect(invite.headers[.contact].isEmpty)
        func options(_ branch: String) -> [UInt8] {
            Array(String(decoding: Self.invite(requestUser: "4990000", branch: branch), as: UTF8.self)
                .replacingOccurrences(of: "INVITE", with: "OPTIONS").utf8)
        }
        #expect(try send(options("z9hG4bK-o1"), from: Self.stranger).statusCode == 403)
        // The same OPTIONS from the trunk's own address is a keep-alive.
        #expect(try send(options("z9hG4bK-o2"), from: Self.trunkSource).statusCode == 200)
    }

    /// From in our own domain names one of our users, even when a provider's host is the same.
    @Test func aFromInOurDomainIsNeverAnImpostor() throws {
        let processor = try RequestProcessorTests.makeProcessor(
            time: time, bundle: SwitchboardBundle(
                providers: [Self.provider("local", type: "standard", host: "pbx.example", allow: nil)], extensions: [],
                inbound: [], outbound: []))
        let options = Array(String(decoding: Self.invite(requestUser: "100", fromHost: "pbx.example", branch: "z9hG4bK-d1"), as: UTF8.self)
            .replacingOccurrences(of: "INVITE", with: "OPTIONS").utf8)
        let response = try SIPParser.parse(try #require(processor.handle(datagram: options, from: Self.stranger))).get()
        #expect(response.statusCode == 200)
    }

    @Test func anInviteFromSomebodyElseIsForbidden() throws {
        let response = try send(Self.invite(requestUser: "4990000", fromHost: "10.0.0.5"), from: Self.stranger)
        #expect(response.statusCode == 403)
    }

    @Test func aProviderThatRefusesIncomingCallsGetsForbidden() throws {
        let quiet = PacketSource(host: "192.0.2.1", port: 5060, transport: .udp)
        #expect(try send(Self.invite(requestUser: "5551234"), from: quiet).statusCode == 403)
    }

    @Test func aNumberNoRuleMatchesIsNotFound() throws {
        // `voip` has no rule of its own and 777 is not a sales number.
        let response = try send(Self.invite(requestUser: "sb-voip", toUser: "7770000", fromHost: "sip.voip.example"), from: Self.stranger)
        #expect(response.statusCode == 404)
    }

    @Test func aRetransmittedInviteGetsTheSameAnswer() throws {
        try bind("101", contact: "sip:101@10.0.0.6:5060")
        let first = try #require(processor.handle(datagram: Self.invite(requestUser: "4990000"), from: Self.trunkSource))
        let again = try #require(processor.handle(datagram: Self.invite(requestUser: "4990000"), from: Self.trunkSource))
        #expect(first == again)
    }
}
