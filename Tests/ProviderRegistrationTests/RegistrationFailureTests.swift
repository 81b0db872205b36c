import NIOCore
import ProviderRegistration
import SIP
import Testing

/// The answers that stop a registration or make it try again differently.
@Suite struct RegistrationFailureTests {
    let provider = FakeProvider()

    @Test func challengedTwiceMeansCredentialsRejectedAndNothingMoreIsSent() {
        var timeline = Timeline(settings: testSettings(password: "not-the-password"))
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        #expect(timeline.requests.count == 2)
        #expect(!provider.accepts(timeline.last))

        let actions = timeline.receive(provider.challenge(timeline.last))
        #expect(actions.sent.isEmpty)
        #expect(actions.cancelsTimer)
        #expect(actions.status?.state == .failed(reason: "credentials rejected"))
        #expect(timeline.client.status.state.description == "failed: credentials rejected")
        #expect(timeline.client.status.lastResponse?.code == 401)
        #expect(timeline.client.status.nextAttempt == nil)

        // An hour later nothing has been sent, and a stray timer changes nothing.
        timeline.clock.advance(.seconds(3600))
        #expect(timeline.client.timerFired(now: timeline.clock.now).isEmpty)
        #expect(timeline.requests.count == 2)
        // Never registered: stopping sends nothing.
        let stop = timeline.stop()
        #expect(stop.sent.isEmpty && stop.finishes)
    }

    @Test func aStaleChallengeIsAnsweredAtOnce() {
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        let actions = timeline.receive(provider.challenge(timeline.last, stale: true))
        #expect(actions.sent.count == 1, "stale=true: the new nonce is answered, not taken as wrong credentials")
        #expect(provider.accepts(timeline.last))
        #expect(timeline.receive(provider.ok(timeline.last, contactExpires: 3600)).status?.state == .registered)
        #expect(timeline.requests.count == 3)
    }

    /// A refresh carries the kept credentials; a provider that has forgotten the nonce (without
    /// saying stale) challenges it, and that challenge is answered, not taken as a rejection.
    @Test func aChallengeToKeptCredentialsIsAnswered() {
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        timeline.fireTimer()
        #expect(timeline.last.headers.contains(name: .authorization))
        let actions = timeline.receive(provider.challenge(timeline.last))
        #expect(actions.sent.count == 1)
        #expect(timeline.receive(provider.ok(timeline.last, contactExpires: 600)).status?.state == .registered)
    }

    @Test func aProxyChallengingItsOwnAnswerAgainIsARejection() {
        var timeline = Timeline(settings: testSettings(password: "wrong"))
        timeline.start()
        timeline.receive(provider.challenge(timeline.last, proxy: true))
        let actions = timeline.receive(provider.challenge(timeline.last, proxy: true))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state == .failed(reason: "credentials rejected"))
    }

    @Test(arguments: [false, true])
    func forbiddenIsPermanent(afterChallenge: Bool) {
        var timeline = Timeline()
        timeline.start()
        if afterChallenge { timeline.receive(provider.challenge(timeline.last)) }
        let actions = timeline.receive(provider.respond(to: timeline.last, 403))
        #expect(actions.sent.isEmpty && actions.cancelsTimer)
        #expect(timeline.client.status.state == .forbidden)
        #expect(timeline.client.status.lastResponse == SIPResponseStatus(code: 403))
        timeline.clock.advance(.seconds(86_400))
        #expect(timeline.client.timerFired(now: timeline.clock.now).isEmpty)
    }

    @Test func intervalTooBriefRetriesAtOnceWithMinExpires() throws {
        var timeline = Timeline(settings: testSettings(expires: 60))
        timeline.start()
        #expect(timeline.last.expiresValue == 60)
        let first = timeline.last
        let actions = timeline.receive(provider.respond(to: first, 423, headers: [(.minExpires, "300")]))
        #expect(actions.sent.count == 1)
        #expect(timeline.last.expiresValue == 300)
        #expect(timeline.last.callIDValue == first.callIDValue && timeline.last.cseqNumber == first.cseqNumber + 1)
        #expect(timeline.receive(provider.ok(timeline.last, contactExpires: nil)).status?.grantedExpires == 300)
        timeline.fireTimer()
        #expect(timeline.last.expiresValue == 300, "refreshes keep asking what the provider demanded")
    }

    @Test func intervalTooBriefAboveTheMaximumFails() {
        var timeline = Timeline(settings: testSettings(expires: 60))
        timeline.start()
        let actions = timeline.receive(provider.respond(to: timeline.last, 423, headers: [(.minExpires, "90000")]))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state
            == .failed(reason: "the provider demands at least 90000 s (Min-Expires), more than the 86400 s this client accepts"))
    }

    @Test(arguments: [nil, "30", "soon"])
    func intervalTooBriefWithoutAUsableMinExpiresFails(_ minExpires: String?) {
        var timeline = Timeline(settings: testSettings(expires: 60))
        timeline.start()
        let headers: [(SIPHeaderName, String)] = minExpires.map { [(.minExpires, $0)] } ?? []
        let actions = timeline.receive(provider.respond(to: timeline.last, 423, headers: headers))
        #expect(actions.sent.isEmpty)
        guard case .failed = timeline.client.status.state else {
            Issue.record("expected failed, got \(timeline.client.status.state)")
            return
        }
    }

    @Test func aProviderThatKeepsChallengingIsLeftForTheBackoff() {
        var timeline = Timeline()
        timeline.start()
        for _ in 1..<RegistrationPolicy().maximumRequestsPerAttempt {
            #expect(timeline.receive(provider.challenge(timeline.last, stale: true)).sent.count == 1)
        }
        let actions = timeline.receive(provider.challenge(timeline.last, stale: true))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state == .backingOff(reason: "still challenged after 6 requests"))
    }

    @Test func tlsIsUnsupported() {
        var timeline = Timeline(settings: testSettings(server: .init(host: "sip.acme.example", port: nil, transport: "tls")))
        let actions = timeline.start()
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state == .unsupported(reason: "TLS transport is not supported by this build (UDP and TCP are)"))
        #expect(timeline.client.status.target.port == 5061)
    }
}
