import Logging
import RuntimeBundle
import SIP
import Testing
@testable import Registrar

/// The guard as `RequestProcessor` feeds it, and the size rule for UDP responses.
@Suite struct FloodControlTests {
    static let source = RequestProcessorTests.source
    let time = TestTime()
    let log = LogCapture()

    func makeProcessor(limitsReflection: Bool = false, limits: BundleRegistrar.Limits = .defaults) throws -> RequestProcessor {
        var bundle = SwitchboardBundle(providers: [], extensions: [], inbound: [], outbound: [])
        bundle.registrar.limits = limits
        return try RequestProcessorTests.makeProcessor(time: time, bundle: bundle, limitsReflection: limitsReflection, logger: log.logger)
    }

    /// The response to `bytes`, parsed; fails the test when there is none.
    func send(_ processor: RequestProcessor, _ bytes: [UInt8], from source: PacketSource = Self.source) throws -> SIPMessage {
        let response = try #require(processor.handle(datagram: bytes, from: source))
        return try SIPParser.parse(response).get()
    }

    /// A fresh challenge's first `WWW-Authenticate`.
    func challenge(_ processor: RequestProcessor, branch: String) throws -> String {
        let response = try send(processor, RequestProcessorTests.register(branch: branch))
        return try #require(response.headers[.wwwAuthenticate].first)
    }

    func attempt(_ processor: RequestProcessor, password: String, user: String = "100", number: Int) throws -> Int? {
        let header = try challenge(processor, branch: "z9hG4bK-c\(number)")
        let request = RequestProcessorTests.register(
            user: user, branch: "z9hG4bK-a\(number)", cseq: number + 1,
            authorization: RequestProcessorTests.authorization(challenge: header, user: user, password: password))
        return try processor.handle(datagram: request, from: Self.source).map { try SIPParser.parse($0).get().statusCode ?? 0 }
    }

    // MARK: Counting failures

    @Test func wrongPasswordsBanTheSourceAtTheThreshold() throws {
        var limits = BundleRegistrar.Limits.defaults
        limits.failedAuthPerSource = 3
        let processor = try makeProcessor(limits: limits)
        for number in 0..<3 { #expect(try attempt(processor, password: "guess\(number)", number: number) == 401) }
        #expect(!processor.requestGuard.admit(host: Self.source.host, now: time.now))
        #expect(log.all.contains { $0.hasPrefix("warning banned") && $0.contains("source=198.51.100.5") }, "\(log.all)")
    }

    /// Unknown users count exactly like wrong passwords: the ban cannot tell them apart.
    @Test func unknownUsersCountLikeWrongPasswords() throws {
        var limits = BundleRegistrar.Limits.defaults
        limits.failedAuthPerSource = 2
        let processor = try makeProcessor(limits: limits)
        #expect(try attempt(processor, password: "x", user: "555", number: 0) == 401)
        #expect(processor.requestGuard.admit(host: Self.source.host, now: time.now))
        #expect(try attempt(processor, password: "x", user: "556", number: 1) == 401)
        #expect(!processor.requestGuard.admit(host: Self.source.host, now: time.now))
    }

    /// The first REGISTER of every phone carries no credentials: never a failure, however many.
    @Test func requestsWithoutCredentialsAreNotFailures() throws {
        let processor = try makeProcessor()
        for number in 0..<50 { _ = try challenge(processor, branch: "z9hG4bK-n\(number)") }
        #expect(processor.requestGuard.admit(host: Self.source.host, now: time.now))
        #expect(processor.requestGuard.bannedSources(now: time.now) == 0)
    }

    /// A nonce this server never issued (a phone answering the challenge of the previous process
    /// after a restart) cannot be a guess: 401 as before, but no failure counted.
    @Test func foreignNonceIsNotAFailure() throws {
        var limits = BundleRegistrar.Limits.defaults
        limits.failedAuthPerSource = 1
        let processor = try makeProcessor(limits: limits)
        let foreign = #"Digest realm="pbx.example", nonce="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", algorithm=MD5, qop="auth""#
        let request = RequestProcessorTests.register(
            authorization: RequestProcessorTests.authorization(challenge: foreign, user: "100", password: "secret100"))
        #expect(try send(processor, request).statusCode == 401)
        #expect(processor.requestGuard.admit(host: Self.source.host, now: time.now))
    }

    /// A locked user gets the wrong-password answer even with the right password from a new
    /// source, while its own phone keeps registering.
    @Test func lockedUserSparesItsOwnPhone() throws {
        var limits = BundleRegistrar.Limits.defaults
        limits.failedAuthPerUser = 2
        let processor = try makeProcessor(limits: limits)
        #expect(try attempt(processor, password: "secret100", number: 0) == 200)  // the phone, from Self.source
        for index in 0..<2 {
            processor.requestGuard.authenticationFailed(user: "100", host: "203.0.113.\(index)", now: time.now)
        }
        #expect(processor.requestGuard.isLocked(user: "100", host: "203.0.113.50", now: time.now))
        #expect(try attempt(processor, password: "secret100", number: 10) == 200)

        let stranger = PacketSource(host: "203.0.113.50", port: 5060, transport: .udp)
        let header = try #require(
            try send(processor, RequestProcessorTests.register(branch: "z9hG4bK-s1"), from: stranger).headers[.wwwAuthenticate].first)
        let request = RequestProcessorTests.register(
            branch: "z9hG4bK-s2", cseq: 30, callID: "call-s",
            authorization: RequestProcessorTests.authorization(challenge: header, user: "100", password: "secret100"))
        #expect(try send(processor, request, from: stranger).statusCode == 401)
    }

    // MARK: No reflection amplification

    /// The smallest REGISTER a scanner sends: its 401 would be larger, so nothing is sent.
    static let minimalRegister = Array((
        "REGISTER sip:pbx.example SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK-m\r\nFrom: <sip:1@pbx.example>;tag=1\r\n"
        + "To: <sip:1@pbx.example>\r\nCall-ID: m\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\n\r\n").utf8)

    static let minimalOptions = Array((
        "OPTIONS sip:pbx.example SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK-o\r\nFrom: <sip:1@pbx.example>;tag=1\r\n"
        + "To: <sip:pbx.example>\r\nCall-ID: o\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n\r\n").utf8)

    @Test func minimalRegisterAndOptionsGetNothingOverUDP() throws {
        let processor = try makeProcessor(limitsReflection: true)
        #expect(processor.handle(datagram: Self.minimalRegister, from: Self.source) == nil)
        #expect(processor.handle(datagram: Self.minimalOptions, from: Self.source) == nil)
        // Without the rule both would be answered, and larger than the request.
        let unlimited = try makeProcessor(limitsReflection: false)
        let challenge = try #require(unlimited.handle(datagram: Self.minimalRegister, from: Self.source))
        #expect(challenge.count > Self.minimalRegister.count)
        let options = try #require(unlimited.handle(datagram: Self.minimalOptions, from: Self.source))
        #expect(options.count > Self.minimalOptions.count)
    }

    /// A request a little larger than the one-challenge 401 gets the 401 with only its first
    /// challenge; a phone-sized request gets both.
    @Test func challengeDegradesToTheFirstAlgorithm() throws {
        let processor = try makeProcessor(limitsReflection: true)
        let full = try #require(try makeProcessor().handle(datagram: RequestProcessorTests.register(), from: Self.source))
        let fullChallenges = try SIPParser.parse(full).get().headers[.wwwAuthenticate]
        #expect(fullChallenges.count == 2)
        // Padding that leaves the request between the one- and two-challenge answers (the To
        // tag's length varies by a few bytes).
        let base = RequestProcessorTests.register(branch: "z9hG4bK-d")
        let oneChallengeSize = full.count - fullChallenges[1].utf8.count - "WWW-Authenticate: \r\n".utf8.count
        let paddingLength = max(0, oneChallengeSize - base.count + 20)
        let padded = RequestProcessorTests.register(
            branch: "z9hG4bK-d", extraHeaders: ["User-Agent: " + String(repeating: "x", count: paddingLength)])
        #expect(padded.count < full.count)
        let degraded = try #require(processor.handle(datagram: padded, from: Self.source))
        #expect(degraded.count <= padded.count)
        let challenges = try SIPParser.parse(degraded).get().headers[.wwwAuthenticate]
        #expect(challenges.count == 1 && challenges[0].contains("algorithm=SHA-256"))

        let phone = RequestProcessorTests.register(
            branch: "z9hG4bK-p", extraHeaders: ["User-Agent: " + String(repeating: "y", count: 400)])
        let answer = try #require(processor.handle(datagram: phone, from: Self.source))
        #expect(try SIPParser.parse(answer).get().headers[.wwwAuthenticate].count == 2)
    }

    /// The 200 to an authenticated REGISTER may be larger than the request (it lists every
    /// binding): the digest and its nonce count prove the sender.
    @Test func authenticatedResponsesAreExempt() throws {
        let processor = try makeProcessor(limitsReflection: true)
        let padding = ["User-Agent: " + String(repeating: "z", count: 400)]
        let contacts = (1...9).map { "<sip:100@10.0.0.\($0):5060>" }
        for (index, contact) in contacts.enumerated() {
            let challenge = try send(
                processor, RequestProcessorTests.register(branch: "z9hG4bK-e\(index)", contact: contact, extraHeaders: padding))
            let header = try #require(challenge.headers[.wwwAuthenticate].first)
            let request = RequestProcessorTests.register(
                branch: "z9hG4bK-f\(index)", cseq: 2 * index + 2, callID: "call-\(index)", contact: contact,
                authorization: RequestProcessorTests.authorization(challenge: header, user: "100", password: "secret100"))
            let response = try #require(processor.handle(datagram: request, from: Self.source))
            #expect(try SIPParser.parse(response).get().statusCode == 200)
            if index == contacts.count - 1 { #expect(response.count > request.count) }
        }
    }

    /// TCP is exempt: the handshake proves the source address.
    @Test func tcpResponsesAreNotLimited() throws {
        let processor = try makeProcessor(limitsReflection: true)
        let message = try SIPParser.parse(Self.minimalOptions).get()
        let tcp = PacketSource(host: Self.source.host, port: Self.source.port, transport: .tcp)
        #expect(processor.handle(message, from: tcp) != nil)
    }
}
