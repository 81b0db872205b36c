import Foundation
import Logging
import RuntimeBundle
import SIP
import SIPDigest
import Testing
@testable import Registrar

/// The RFC 4475 / RFC 5118 torture messages (`Tests/SIPTests/Fixtures`) sent to the registrar
/// as UDP datagrams: the answer each gets, and that no malformed request ever leaves a binding,
/// not even one carrying valid credentials.
@Suite struct TortureRegistrarTests {
    static let realm = "example.com"
    static let source = PacketSource(host: "192.0.2.77", port: 5062, transport: .udp)
    static let users = ["user", "j.user", "watson", "null-%00-null"]
    let time = TestTime()
    let processor: RequestProcessor

    init() throws {
        let bundle = SwitchboardBundle(
            providers: [], extensions: Self.users.map {
                BundleExtension(number: $0, displayName: nil, password: .inline("pw-\($0)"), source: "torture.yaml:1:1")
            }, inbound: [], outbound: [])
        let configuration = RegistrarConfiguration(
            passwords: Dictionary(uniqueKeysWithValues: Self.users.map { ($0, "pw-\($0)") }), bundleDigest: "sha256:test",
            bundle: bundle, routing: try CallRouting(bundle: bundle), loadedAt: time.now)
        let time = self.time
        processor = RequestProcessor(
            state: RegistrarState(
                configuration: configuration, policy: RegistrarPolicy(domains: [Self.realm, "[2001:db8::10]"]),
                presence: NoProviderPresence()),
            location: LocationService(),
            authenticator: DigestAuthenticator(realm: Self.realm, now: { time.now }),
            clock: RegistrarClock { time.now }, logger: Logger(label: "torture"),
            // The torture messages are short; the size rule for UDP responses (ReflectionLimit,
            // tested in FloodControlTests) would drop most answers these tests look at.
            limitsReflection: false)
    }

    /// The file's directory of fixtures, shared with the SIP tests.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SIPTests/Fixtures")

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: fixtures.appendingPathComponent(name + ".dat").path) ?? Data())
    }

    /// The status of the answer to the datagram, or nil when nothing is sent back.
    func status(_ bytes: [UInt8]) throws -> Int? {
        guard let response = processor.handle(datagram: bytes, from: Self.source) else { return nil }
        let message = try SIPParser.parse(response).get()
        #expect(response.count <= max(bytes.count, 600), "an answer much larger than the request")
        return message.statusCode
    }

    /// The first answer to every message, unauthenticated. nil: dropped (no response can be
    /// matched to it, or it is a response).
    static let answers: [(String, Int?)] = [
        ("rfc4475/wsinv", 403), ("rfc4475/intmeth", nil), ("rfc4475/esc01", 403), ("rfc4475/escnull", 401),
        ("rfc4475/esc02", 501), ("rfc4475/lwsdisp", 200), ("rfc4475/longreq", 403), ("rfc4475/dblreq", 401),
        ("rfc4475/semiuri", 200), ("rfc4475/transports", 200), ("rfc4475/mpart01", 405), ("rfc4475/unreason", nil),
        ("rfc4475/noreason", nil),
        ("rfc4475/badinv01", nil), ("rfc4475/clerr", 400), ("rfc4475/ncl", 400), ("rfc4475/scalar02", nil),
        ("rfc4475/scalarlg", nil), ("rfc4475/quotbal", nil), ("rfc4475/ltgtruri", 400), ("rfc4475/lwsruri", nil),
        ("rfc4475/lwsstart", 403), ("rfc4475/trws", 200), ("rfc4475/escruri", 400), ("rfc4475/baddate", 403),
        ("rfc4475/regbadct", 401), ("rfc4475/badaspec", nil), ("rfc4475/baddn", 200), ("rfc4475/badvers", 505),
        ("rfc4475/mismatch01", 400), ("rfc4475/mismatch02", 400), ("rfc4475/bigcode", nil),
        ("rfc4475/badbranch", 200),
        ("rfc4475/insuf", nil), ("rfc4475/unkscm", 416), ("rfc4475/novelsc", 416), ("rfc4475/unksm2", 401),
        ("rfc4475/bext01", 420), ("rfc4475/invut", 403), ("rfc4475/regaut01", 401), ("rfc4475/multi01", nil),
        ("rfc4475/mcl01", 400), ("rfc4475/bcast", nil), ("rfc4475/zeromf", 200), ("rfc4475/cparam01", 401),
        ("rfc4475/cparam02", 401), ("rfc4475/regescrt", 401), ("rfc4475/sdp01", 403),
        ("rfc4475/inv2543", 403),
        ("rfc5118/ipv6-good", 401), ("rfc5118/ipv6-bad", 400), ("rfc5118/port-ambiguous", 404),
        ("rfc5118/port-unambiguous", 401), ("rfc5118/via-received-param-with-delim", 481),
        ("rfc5118/via-received-param-no-delim", 200), ("rfc5118/ipv6-in-sdp", 400),
        ("rfc5118/mult-ip-in-header", 481), ("rfc5118/mult-ip-in-sdp", 403), ("rfc5118/ipv4-mapped-ipv6", 403),
        ("rfc5118/ipv6-bug-abnf-3-colons", nil), ("rfc5118/ipv6-correct-abnf-2-colons", 200),
    ]

    @Test func everyMessageHasAnAnswer() {
        #expect(Self.answers.count == 61)
        #expect(Self.answers.allSatisfy { !Self.bytes($0.0).isEmpty })
    }

    @Test(arguments: answers)
    func answer(_ name: String, _ expected: Int?) throws {
        #expect(try status(Self.bytes(name)) == expected)
        #expect(processor.location.snapshot(now: time.now).isEmpty)
    }

    /// REGISTERs sent again with valid digest credentials for their To user: the malformed ones
    /// still bind nothing; the well-formed ones bind exactly their contacts.
    static let authenticated: [(String, Int, [String])] = [
        ("rfc4475/escnull", 200, ["sip:%00@host5.example.com", "sip:%00%00@host5.example.com"]),
        ("rfc4475/dblreq", 200, ["sip:j.user@host.example.com"]),
        ("rfc4475/regbadct", 400, []),
        ("rfc4475/unksm2", 400, []),
        ("rfc4475/regaut01", 200, []),
        ("rfc4475/cparam01", 200, ["sip:+19725552222@gw1.example.net"]),
        ("rfc4475/cparam02", 200, ["sip:+19725552222@gw1.example.net;unknownparam"]),
        ("rfc4475/regescrt", 200, ["sip:user@example.com?Route=%3Csip:sip.example.com%3E"]),
        ("rfc5118/ipv6-good", 200, ["sip:caller@[2001:db8::1]"]),
        ("rfc5118/port-unambiguous", 200, ["sip:caller@[2001:db8::1]"]),
    ]

    @Test(arguments: authenticated)
    func withCredentials(_ name: String, _ expected: Int, _ contacts: [String]) throws {
        let original = Self.bytes(name)
        let challenge = try SIPParser.parse(try #require(processor.handle(datagram: original, from: Self.source))).get()
        #expect(challenge.statusCode == 401)
        let request = try SIPParser.parse(original).get()
        let user = try request.headers.to.uri.sipURI?.user ?? "user"
        let header = try #require(challenge.headers[.wwwAuthenticate].first { $0.contains("MD5") })
        let authorization = Self.authorization(
            challenge: header, user: user, password: "pw-\(user)", uri: try #require(request.requestURI).description)
        let resent = Self.inserting("Authorization: \(authorization)", into: Self.retransmitted(original))
        #expect(try status(resent) == expected)
        let bound = processor.location.snapshot(now: time.now).values.flatMap { $0 }.map(\.contact).sorted()
        #expect(bound == contacts.sorted())
    }

    /// `header` added after the start line.
    static func inserting(_ header: String, into bytes: [UInt8]) -> [UInt8] {
        let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        return Array(bytes[..<lineEnd]) + Array((header + "\r\n").utf8) + Array(bytes[lineEnd...])
    }

    /// The message as a new transaction (another branch), so it is not answered from the cache.
    static func retransmitted(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "branch=") else { return bytes }
        return Array(text.replacingCharacters(in: range, with: "branch=z9hG4bK-auth-").utf8)
    }

    static func authorization(challenge: String, user: String, password: String, uri: String) -> String {
        let value = SIPAuthHeaderValue(challenge)!
        let nonce = value["nonce"]!
        let response = DigestResponse.response(
            algorithm: .md5, username: user, realm: realm, password: password, nonce: nonce, nc: "00000001",
            cnonce: "7057", method: "REGISTER", digestURI: uri)
        return "Digest username=\"\(user)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", "
            + "response=\"\(response)\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"7057\""
    }
}
