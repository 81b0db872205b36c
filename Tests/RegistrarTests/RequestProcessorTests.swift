import Logging
import RuntimeBundle
import SIP
import SIPDigest
import Synchronization
import Testing
@testable import Registrar

/// The whole REGISTER path on real SIP text: parsing, retransmissions, digest, §10.3, responses.
@Suite struct RequestProcessorTests {
    static let realm = "pbx.example"
    static let source = PacketSource(host: "198.51.100.5", port: 40000, transport: .udp)
    let time = TestTime()
    let processor: RequestProcessor

    init() throws {
        processor = try Self.makeProcessor(time: time)
    }

    /// The same, with bindings kept in `location` (a store behind it).
    init(location: LocationService) throws {
        processor = try Self.makeProcessor(time: time, location: location)
    }

    /// A processor for extensions 100 and 101 (passwords `secret100`, `secret101`) in
    /// `pbx.example`, on the test's clock.
    /// Extra providers and inbound rules come from `bundle`, whose extensions are replaced.
    /// The size rule for UDP responses (`ReflectionLimit`) is off unless `limitsReflection`: these
    /// tests send minimal requests to check §10.3; `FloodControlTests` check the rule.
    static func makeProcessor(
        time: TestTime, bundle base: SwitchboardBundle = SwitchboardBundle(providers: [], extensions: [], inbound: [], outbound: []),
        presence: any ProviderPresence = NoProviderPresence(), limitsReflection: Bool = false, logger: Logger = Logger(label: "test"),
        location: LocationService = LocationService()
    ) throws -> RequestProcessor {
        var bundle = base
        bundle.extensions = [
            BundleExtension(number: "100", displayName: nil, password: .inline("secret100"), source: "a.yaml:1:1"),
            BundleExtension(number: "101", displayName: nil, password: .inline("secret101"), source: "a.yaml:2:1"),
        ]
        let configuration = RegistrarConfiguration(
            passwords: ["100": "secret100", "101": "secret101"], bundleDigest: "sha256:test", bundle: bundle,
            routing: try CallRouting(bundle: bundle), loadedAt: time.now)
        let clock = RegistrarClock { time.now }
        return RequestProcessor(
            state: RegistrarState(configuration: configuration, policy: RegistrarPolicy(domains: [Self.realm]), presence: presence),
            location: location,
            authenticator: DigestAuthenticator(realm: Self.realm, now: { time.now }),
            clock: clock, logger: logger,
            requestGuard: RequestGuard(limits: try GuardLimits(bundle.registrar.limits), logger: logger),
            limitsReflection: limitsReflection)
    }

    // MARK: Building requests

    static func register(
        user: String = "100", toUser: String? = nil, branch: String = "z9hG4bK-1", cseq: Int = 1, callID: String = "call-1",
        contact: String? = "<sip:100@10.0.0.5:5060>", expires: Int? = 3600, authorization: String? = nil,
        extraHeaders: [String] = []
    ) -> [UInt8] {
        var lines = [
            "REGISTER sip:\(realm) SIP/2.0",
            "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=\(branch);rport",
            "Max-Forwards: 70",
            "From: <sip:\(user)@\(realm)>;tag=from1",
            "To: <sip:\(toUser ?? user)@\(realm)>",
            "Call-ID: \(callID)",
            "CSeq: \(cseq) REGISTER",
        ]
        if let contact { lines.append("Contact: \(contact)") }
        if let expires { lines.append("Expires: \(expires)") }
        if let authorization { lines.append("Authorization: \(authorization)") }
        lines += extraHeaders
        lines.append("Content-Length: 0")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// The Authorization header answering `challenge` for `user`/`password`.
    static func authorization(
        challenge: String, user: String, password: String, nc: String = "00000001", uri: String = "sip:\(realm)"
    ) -> String {
        let value = SIPAuthHeaderValue(challenge)!
        let nonce = value["nonce"]!
        let algorithm = DigestAuthAlgorithm(token: value["algorithm"] ?? "MD5")!
        let response = DigestResponse.response(
            algorithm: algorithm, username: user, realm: realm, password: password, nonce: nonce, nc: nc,
            cnonce: "c0ffee", method: "REGISTER", digestURI: uri)
        return "Digest username=\"\(user)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", "
            + "response=\"\(response)\", algorithm=\(algorithm.token), qop=auth, nc=\(nc), cnonce=\"c0ffee\""
    }

    func send(_ bytes: [UInt8]) throws -> SIPMessage {
        let response = try #require(processor.handle(datagram: bytes, from: Self.source))
        return try SIPParser.parse(response).get()
    }

    /// REGISTER, 401, REGISTER with credentials: the final response.
    func registerWithAuth(user: String = "100", password: String = "secret100", cseq: Int = 1, expires: Int? = 3600,
                          contact: String? = "<sip:100@10.0.0.5:5060>", toUser: String? = nil) throws -> SIPMessage {
        let challenge = try send(Self.register(user: user, toUser: toUser, branch: "z9hG4bK-c\(cseq)", cseq: cseq, contact: contact, expires: expires))
        #expect(challenge.statusCode == 401)
        let header = try #require(challenge.headers[.wwwAuthenticate].first)
        return try send(Self.register(
            user: user, toUser: toUser, branch: "z9hG4bK-a\(cseq)", cseq: cseq + 1, contact: contact, expires: expires,
            authorization: Self.authorization(challenge: header, user: user, password: password)))
    }

    // MARK: Tests

    @Test func challengeOffersSHA256ThenMD5() throws {
        let response = try send(Self.register())
        #expect(response.statusCode == 401)
        let challenges = response.headers[.wwwAuthenticate]
        #expect(challenges.count == 2)
        #expect(challenges[0].contains("algorithm=SHA-256") && challenges[1].contains("algorithm=MD5"))
        #expect(challenges.allSatisfy { $0.contains("qop=\"auth\"") && $0.contains("realm=\"pbx.example\"") })
        #expect(response.headers.first(name: .server) == nil)
        #expect(processor.location.lookup("sip:100@pbx.example", now: 1_000_000).isEmpty)
    }

    @Test func registerWithDigestListsTheBindingWithDateAndExpires() throws {
        let response = try registerWithAuth()
        #expect(response.statusCode == 200)
        #expect(response.headers[.contact] == ["<sip:100@10.0.0.5:5060>;expires=3600"])
        #expect(response.headers.first(name: .date)?.hasSuffix("GMT") == true)
        #expect(try response.headers.topVia.description.contains("received=198.51.100.5"))
        #expect(try response.headers.topVia.description.contains("rport=40000"))
        let binding = try #require(processor.location.lookup("sip:100@pbx.example", now: 1_000_000).first)
        #expect(binding.source == Self.source)
    }

    @Test(arguments: ["MD5", "SHA-256"])
    func bothAlgorithmsAuthenticate(_ algorithm: String) throws {
        let challenge = try send(Self.register())
        let header = try #require(challenge.headers[.wwwAuthenticate].first { $0.contains("algorithm=\(algorithm)") })
        let response = try send(Self.register(branch: "z9hG4bK-2", cseq: 2,
            authorization: Self.authorization(challenge: header, user: "100", password: "secret100")))
        #expect(response.statusCode == 200)
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() throws {
        let wrong = try registerWithAuth(password: "nope")
        let unknown = try registerWithAuth(user: "999", password: "whatever")
        #expect(wrong.statusCode == 401 && unknown.statusCode == 401)
        let strip: (SIPMessage) -> [String] = { message in
            message.headers[.wwwAuthenticate].map { $0.replacing(#/nonce="[^"]*"/#, with: "nonce") }
        }
        #expect(strip(wrong) == strip(unknown))
        #expect(wrong.headers.map(\.name) == unknown.headers.map(\.name))
        #expect(processor.location.snapshot(now: 1_000_000).isEmpty)
    }

    @Test func authenticatedUserMayOnlyRegisterItsOwnAoR() throws {
        let response = try registerWithAuth(contact: "<sip:101@10.0.0.9>", toUser: "101")
        #expect(response.statusCode == 403)
        #expect(processor.location.lookup("sip:101@pbx.example", now: 1_000_000).isEmpty)
    }

    @Test func retransmissionGetsTheSameBytesWithoutReprocessing() throws {
        let first = try #require(processor.handle(datagram: Self.register(branch: "z9hG4bK-r"), from: Self.source))
        let again = try #require(processor.handle(datagram: Self.register(branch: "z9hG4bK-r"), from: Self.source))
        #expect(first == again)
        #expect(processor.transactions.count == 1)
    }

    @Test func aCopyArrivingWhileTheOriginalIsProcessedIsAbsorbed() throws {
        // Another event loop has begun this transaction and not answered yet.
        let key = TransactionCache.key(branch: "z9hG4bK-p", sentBy: "10.0.0.5:5060", method: "REGISTER")
        #expect(processor.transactions.begin(key, now: time.now) == .new)
        #expect(processor.handle(datagram: Self.register(branch: "z9hG4bK-p"), from: Self.source) == nil)
        // Once it is answered, a retransmission gets that answer.
        processor.transactions.complete(key, response: [1, 2, 3])
        #expect(processor.handle(datagram: Self.register(branch: "z9hG4bK-p"), from: Self.source) == [1, 2, 3])
    }

    @Test func requestsOverTCPKeepNoTransaction() throws {
        let tcp = PacketSource(host: "198.51.100.5", port: 40000, transport: .tcp)
        let request = try SIPParser.parse(Self.register(branch: "z9hG4bK-t")).get()
        let first = try #require(processor.handle(request, from: tcp))
        #expect(processor.transactions.count == 0)
        // Processed again, not replayed: a new challenge with a new nonce and To tag.
        let second = try #require(processor.handle(request, from: tcp))
        #expect(first != second)
    }

    @Test func theResponseCopiesTheRequestsViaLineVerbatimWhenNothingIsAdded() throws {
        // The peer is the sent-by address and asked for no rport: the line is copied as sent.
        let peer = PacketSource(host: "10.0.0.5", port: 5060, transport: .udp)
        let via = "SIP/2.0/UDP 10.0.0.5:5060 ;branch=z9hG4bK-v ;Custom=\"Kept As Is\""
        var text = String(decoding: Self.register(branch: "z9hG4bK-v"), as: UTF8.self)
        text = text.replacingOccurrences(of: "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-v;rport", with: "Via: " + via)
        let response = try SIPParser.parse(try #require(processor.handle(datagram: Array(text.utf8), from: peer))).get()
        #expect(response.headers.first(name: .via) == via)
    }

    @Test func replayedAuthorizationIsChallengedStale() throws {
        let challenge = try send(Self.register())
        let header = try #require(challenge.headers[.wwwAuthenticate].first)
        let authorization = Self.authorization(challenge: header, user: "100", password: "secret100")
        #expect(try send(Self.register(branch: "z9hG4bK-x", cseq: 2, authorization: authorization)).statusCode == 200)
        let replay = try send(Self.register(branch: "z9hG4bK-y", cseq: 3, authorization: authorization))
        #expect(replay.statusCode == 401)
        #expect(replay.headers[.wwwAuthenticate].allSatisfy { $0.contains("stale=true") })
    }

    @Test func requireIsRefusedBeforeAuthentication() throws {
        let response = try send(Self.register(extraHeaders: ["Require: gruu"]))
        #expect(response.statusCode == 420)
        #expect(response.headers.first(name: .unsupported) == "gruu")
    }

    @Test func foreignDomainIs404WithoutChallenge() throws {
        var text = String(decoding: Self.register(), as: UTF8.self)
        text = text.replacingOccurrences(of: "REGISTER sip:pbx.example", with: "REGISTER sip:other.example")
        #expect(try send(Array(text.utf8)).statusCode == 404)
    }

    @Test func tooBriefIs423() throws {
        let response = try registerWithAuth(expires: 10)
        #expect(response.statusCode == 423)
        #expect(response.headers.first(name: .minExpires) == "60")
    }

    @Test func unregisterWithWildcard() throws {
        #expect(try registerWithAuth().statusCode == 200)
        let response = try registerWithAuth(cseq: 10, expires: 0, contact: "*")
        #expect(response.statusCode == 200)
        #expect(response.headers[.contact].isEmpty)
        #expect(processor.location.lookup("sip:100@pbx.example", now: 1_000_000).isEmpty)
    }

    @Test func optionsIsAnsweredAndOtherMethodsRefused() throws {
        let options = Array("OPTIONS sip:pbx.example SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK-o\r\nMax-Forwards: 70\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:pbx.example>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n".utf8)
        let answer = try send(options)
        #expect(answer.statusCode == 200)
        #expect(answer.headers.first(name: .allow) == "REGISTER, OPTIONS, INVITE")
        let subscribe = String(decoding: options, as: UTF8.self).replacingOccurrences(of: "OPTIONS", with: "SUBSCRIBE")
            .replacingOccurrences(of: "z9hG4bK-o", with: "z9hG4bK-s")
        #expect(try send(Array(subscribe.utf8)).statusCode == 405)
        let unknown = String(decoding: options, as: UTF8.self).replacingOccurrences(of: "OPTIONS", with: "FROB")
            .replacingOccurrences(of: "z9hG4bK-o", with: "z9hG4bK-f")
        #expect(try send(Array(unknown.utf8)).statusCode == 501)
        // No dialog and no pending transaction is ever kept: BYE and CANCEL find nothing.
        for method in ["BYE", "CANCEL"] {
            let request = String(decoding: options, as: UTF8.self).replacingOccurrences(of: "OPTIONS", with: method)
                .replacingOccurrences(of: "z9hG4bK-o", with: "z9hG4bK-\(method)")
            #expect(try send(Array(request.utf8)).statusCode == 481, "\(method)")
        }
    }

    @Test func malformedRequestGets400AndNoBinding() throws {
        let mismatch = String(decoding: Self.register(), as: UTF8.self).replacingOccurrences(of: "CSeq: 1 REGISTER", with: "CSeq: 1 INVITE")
        let response = try send(Array(mismatch.utf8))
        #expect(response.statusCode == 400)
        #expect(processor.location.snapshot(now: 1_000_000).isEmpty)
        // Without a Call-ID no response can be matched to the request: it is dropped.
        let noCallID = String(decoding: Self.register(), as: UTF8.self).replacingOccurrences(of: "Call-ID: call-1\r\n", with: "")
        #expect(processor.handle(datagram: Array(noCallID.utf8), from: Self.source) == nil)
        #expect(processor.handle(datagram: Array("garbage\r\n\r\n".utf8), from: Self.source) == nil)
        #expect(processor.handle(datagram: [], from: Self.source) == nil)
    }

    @Test func responsesAndAcksAreNotAnswered() {
        let response = Array("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK-1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>;tag=2\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n".utf8)
        #expect(processor.handle(datagram: response, from: Self.source) == nil)
    }

    @Test func serverHeaderOnlyWhenConfigured() throws {
        let configured = RequestProcessor(
            state: processor.state, location: LocationService(), authenticator: processor.authenticator,
            clock: processor.clock, logger: processor.logger, serverHeader: "pbx", limitsReflection: false)
        let bytes = try #require(configured.handle(datagram: Self.register(), from: Self.source))
        #expect(try SIPParser.parse(bytes).get().headers.first(name: .server) == "pbx")
    }
}

/// A clock the test sets.
final class TestTime: Sendable {
    private let value = Mutex<UInt64>(1_000_000)

    var now: UInt64 { value.withLock { $0 } }

    func advance(by seconds: UInt64) {
        value.withLock { $0 += seconds }
    }
}
