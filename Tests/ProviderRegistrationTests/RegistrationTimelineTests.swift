import NIOCore
import ProviderRegistration
import SIP
import Testing

/// The good path, on a manual clock: challenge, 200, refreshes at the documented point.
@Suite struct RegistrationTimelineTests {
    let provider = FakeProvider()

    @Test func challengeThenOKThenRefreshAtTheDocumentedPoint() throws {
        var timeline = Timeline()
        let start = timeline.clock.now
        var actions = timeline.start()
        #expect(actions.sent.count == 1)
        #expect(actions.status?.state == .registering)
        #expect(!timeline.last.headers.contains(name: .authorization))

        actions = timeline.receive(provider.challenge(timeline.last))
        #expect(actions.sent.count == 1, "the challenge is answered at once")
        #expect(provider.accepts(timeline.last))
        #expect(timeline.last.headers.first(name: .authorization)?.contains("nc=00000001") == true)

        timeline.clock.advance(.milliseconds(30))
        actions = timeline.receive(provider.ok(timeline.last, contactExpires: 1800))
        let status = try #require(actions.status)
        #expect(status.state == .registered)
        #expect(status.grantedExpires == 1800)
        #expect(status.lastResponse?.code == 200)
        // Refresh at granted − 60 s.
        let refresh = start + .milliseconds(30) + .seconds(1740)
        #expect(status.nextAttempt == refresh)
        #expect(timeline.timer == refresh)

        actions = timeline.fireTimer()
        #expect(actions.sent.count == 1)
        #expect(actions.status?.state == .registered, "still registered while the refresh is on its way")
        #expect(timeline.last.headers.first(name: .authorization)?.contains("nc=00000002") == true,
                "the refresh reuses the nonce with the next count")
        #expect(provider.accepts(timeline.last))
        actions = timeline.receive(provider.ok(timeline.last, contactExpires: 1800))
        #expect(actions.status?.state == .registered)
        #expect(timeline.requests.count == 3)
    }

    @Test(arguments: [(3600, 3540), (1800, 1740), (120, 60), (90, 45), (20, 10), (1, 0)])
    func refreshPoint(_ granted: Int, _ seconds: Int64) {
        let policy = RegistrationPolicy()
        if granted == 1 {
            #expect(policy.refreshDelay(granted: granted) == .milliseconds(500))
        } else {
            #expect(policy.refreshDelay(granted: granted) == .seconds(seconds))
        }
    }

    @Test func grantedExpiryIsOurContactsThenTheExpiresHeaderThenWhatWeAsked() throws {
        var timeline = Timeline()
        timeline.start()
        let request = timeline.last
        let ours = try #require(request.headers.first(name: .contact))
        let listing = provider.respond(to: request, 200, headers: [
            (.contact, "<sip:someone-else@192.0.2.1:5060>;expires=10"),
            (.contact, ours + ";expires=300;received=\"sip:198.51.100.7:5060\""),
            (.expires, "900"),
        ])
        #expect(timeline.receive(listing).status?.grantedExpires == 300)

        var second = Timeline()
        second.start()
        #expect(second.receive(provider.ok(second.last, contactExpires: nil, expiresHeader: 600)).status?.grantedExpires == 600)

        var third = Timeline()
        third.start()
        #expect(third.receive(provider.ok(third.last, contactExpires: nil)).status?.grantedExpires == 3600)
    }

    @Test func startSpreadsTheFirstAttempt() {
        var timeline = Timeline(fraction: 0.5)
        let start = timeline.clock.now
        let actions = timeline.start(spread: .seconds(5))
        #expect(actions.sent.isEmpty)
        #expect(actions.status?.state == .registering)
        #expect(actions.status?.nextAttempt == start + .milliseconds(2500))
        #expect(timeline.fireTimer().sent.count == 1)
        #expect(timeline.clock.now == start + .milliseconds(2500))
    }

    @Test func aProxyGetsTheRequestsButTheRequestURINamesTheRegistrar() throws {
        var timeline = Timeline(settings: testSettings(proxy: .init(host: "sbc.acme.example", port: 5070, transport: "udp")))
        let actions = timeline.start()
        #expect(actions.targets == [RegistrationTarget(host: "sbc.acme.example", port: 5070, transport: .udp)])
        #expect(timeline.last.requestURI?.description == "sip:sip.acme.example")
    }

    @Test func aProxyChallengeAndARegistrarChallengeAreBothAnswered() {
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last, proxy: true))
        #expect(provider.accepts(timeline.last, header: .proxyAuthorization))
        #expect(!timeline.last.headers.contains(name: .authorization))
        timeline.receive(provider.challenge(timeline.last))
        #expect(provider.accepts(timeline.last, header: .proxyAuthorization), "the proxy's credentials are kept")
        #expect(provider.accepts(timeline.last))
        #expect(timeline.receive(provider.ok(timeline.last, contactExpires: 600)).status?.state == .registered)
    }

    @Test func sha256ChallengesAreAnsweredWithSHA256() {
        let provider = FakeProvider(algorithms: [.sha256, .md5], opaque: "xyz")
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        let authorization = timeline.last.headers.first(name: .authorization) ?? ""
        #expect(authorization.contains("algorithm=SHA-256") && authorization.contains("opaque=\"xyz\""))
        #expect(provider.accepts(timeline.last))
    }

    @Test func responsesToOtherRequestsAreIgnored() {
        var timeline = Timeline()
        timeline.start()
        var stray = provider.respond(to: timeline.last, 200)
        stray.headers.replaceOrAdd(name: .via, value: "SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bKother;rport")
        #expect(timeline.receive(stray).isEmpty)
        var oldCSeq = provider.respond(to: timeline.last, 200)
        oldCSeq.headers.replaceOrAdd(name: .cseq, value: "1 REGISTER")
        #expect(timeline.receive(oldCSeq).isEmpty)
        #expect(timeline.client.status.state == .registering)
    }
}
