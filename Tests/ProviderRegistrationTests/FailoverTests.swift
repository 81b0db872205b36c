import NIOCore
import ProviderRegistration
import RuntimeBundle
import SIP
import Testing

/// Failover across a provider's `servers`, on a manual clock: a failing server hands over to the
/// next at once, the backoff comes after a whole round, a registration stays where it succeeded.
@Suite struct FailoverTests {
    let provider = FakeProvider()
    static let a = BundleAddress(host: "sip-a.acme.example", port: nil, transport: "udp")
    static let b = BundleAddress(host: "sip-b.acme.example", port: 5080, transport: "udp")
    static let targetA = RegistrationTarget(host: "sip-a.acme.example", port: 5060, transport: .udp)
    static let targetB = RegistrationTarget(host: "sip-b.acme.example", port: 5080, transport: .udp)

    private func twoServers(proxy: BundleAddress? = nil) -> Timeline {
        Timeline(settings: testSettings(servers: [Self.a, Self.b], proxy: proxy))
    }

    @Test func aSilentFirstServerHandsOverToTheSecondAtOnce() throws {
        var timeline = twoServers()
        let start = timeline.clock.now
        let first = timeline.start()
        #expect(first.targets == [Self.targetA])
        #expect(timeline.last.requestURI?.description == "sip:sip-a.acme.example")
        let toA = timeline.last

        let actions = timeline.timeOut()
        #expect(timeline.clock.now == start + .seconds(32), "Timer F")
        #expect(actions.targets == [Self.targetB], "the next REGISTER goes to the second server in the same moment")
        let status = try #require(actions.status)
        #expect(status.state == .registering, "no backoff after one server")
        #expect(status.target == Self.targetB && status.server == Self.targetB)
        #expect(status.nextAttempt == nil)
        #expect(status.lastFailure == "no response from sip-a.acme.example:5060/udp within 32 s")
        let toB = timeline.last
        #expect(toB.requestURI?.description == "sip:sip-b.acme.example:5080")
        #expect(try toB.headers.to.uri.description == "sip:74951234567@sip-b.acme.example")
        #expect(toB.callIDValue != toA.callIDValue, "a registration at another server is a new one")
        #expect(try toB.headers.from.tag != toA.headers.from.tag)
        #expect(toB.headers.first(name: .contact) == toA.headers.first(name: .contact), "the same Contact")
    }

    @Test func whenEveryServerHasFailedTheRoundBacksOffAndWrapsAround() throws {
        var timeline = twoServers()
        timeline.start()
        timeline.timeOut()
        let failedAt = timeline.clock.now + .seconds(32)
        let actions = timeline.timeOut()
        #expect(timeline.clock.now == failedAt)
        #expect(actions.sent.isEmpty)
        let status = try #require(actions.status)
        #expect(status.state == .backingOff(reason: "no response from sip-b.acme.example:5080/udp within 32 s"))
        #expect(status.nextAttempt == failedAt + .milliseconds(22_500), "the first backoff (15–30 s, jitter 0.5)")
        #expect(status.target == Self.targetA, "the status shows where the next attempt goes")

        let retry = timeline.fireTimer()
        #expect(retry.targets == [Self.targetA])
        // The second round fails too: the second backoff (30–60 s).
        timeline.timeOut()
        let secondFailure = timeline.clock.now + .seconds(32)
        timeline.timeOut()
        #expect(timeline.client.status.nextAttempt == secondFailure + .seconds(45))
    }

    @Test func aRegistrationAtTheSecondServerStaysThereForItsRefreshes() throws {
        var timeline = twoServers()
        timeline.start()
        timeline.receive(provider.respond(to: timeline.last, 503, headers: [(.retryAfter, "300")]))
        #expect(timeline.last.requestURI?.description == "sip:sip-b.acme.example:5080", "503 with Retry-After hands over at once")
        #expect(!timeline.last.headers.contains(name: .authorization))
        timeline.receive(provider.challenge(timeline.last))
        #expect(timeline.client.status.lastFailure == "503 Service Unavailable")
        let registered = timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        #expect(registered.status?.state == .registered && registered.status?.target == Self.targetB)
        #expect(registered.status?.lastFailure == nil)
        let atB = timeline.last

        let refresh = timeline.fireTimer()
        #expect(refresh.targets == [Self.targetB])
        #expect(timeline.last.callIDValue == atB.callIDValue && timeline.last.cseqNumber == atB.cseqNumber + 1)
        #expect(provider.accepts(timeline.last), "B's credentials are kept for B")
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))

        // Shutdown unregisters where the binding is.
        let stop = timeline.stop()
        #expect(stop.targets == [Self.targetB])
        #expect(timeline.last.expiresValue == 0 && timeline.last.callIDValue == atB.callIDValue)
    }

    @Test func aFailingRefreshMovesOnAndTheUnregistrationGoesToTheServerThatHoldsTheBinding() throws {
        var timeline = twoServers()
        timeline.start()
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        let atA = timeline.last
        timeline.fireTimer()
        let refresh = timeline.last
        let moved = timeline.timeOut()
        #expect(moved.targets == [Self.targetB], "A no longer answers: B at once")
        #expect(moved.status?.state == .registered, "A still holds the binding")

        let stop = timeline.stop()
        #expect(stop.targets == [Self.targetA], "the binding is at A, not at B where a REGISTER is on its way")
        #expect(timeline.last.expiresValue == 0)
        #expect(timeline.last.callIDValue == atA.callIDValue && timeline.last.cseqNumber == refresh.cseqNumber + 1)
        #expect(timeline.client.status.target == Self.targetA)
    }

    @Test(arguments: [600, 603, 604, 606])
    func aGlobalFailureBacksOffWithoutMovingOn(_ code: Int) throws {
        var timeline = twoServers()
        timeline.start()
        let first = timeline.last
        let actions = timeline.receive(provider.respond(to: first, code))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.target == Self.targetA)
        guard case .backingOff = timeline.client.status.state else {
            Issue.record("expected backing off, got \(timeline.client.status.state)")
            return
        }
        let retry = timeline.fireTimer()
        #expect(retry.targets == [Self.targetA])
        #expect(timeline.last.callIDValue == first.callIDValue && timeline.last.cseqNumber == first.cseqNumber + 1)
    }

    @Test(arguments: [408, 500, 502, 503, 504])
    func serverFailuresMoveOn(_ code: Int) {
        var timeline = twoServers()
        timeline.start()
        let actions = timeline.receive(provider.respond(to: timeline.last, code))
        #expect(actions.targets == [Self.targetB])
    }

    @Test(arguments: [404, 480, 302])
    func otherAnswersStay(_ code: Int) {
        var timeline = twoServers()
        timeline.start()
        #expect(timeline.receive(provider.respond(to: timeline.last, code)).sent.isEmpty)
        #expect(timeline.client.status.target == Self.targetA)
    }

    /// A's Retry-After still holds when the round comes back to A.
    @Test func aServersRetryAfterHoldsWhenTheRoundComesBack() throws {
        var timeline = twoServers()
        timeline.start()
        let refusedAt = timeline.clock.now
        timeline.receive(provider.respond(to: timeline.last, 503, headers: [(.retryAfter, "120")]))
        timeline.clock.advance(.seconds(1))
        timeline.receive(provider.respond(to: timeline.last, 500))
        #expect(timeline.client.status.target == Self.targetA)
        #expect(timeline.client.status.nextAttempt == refusedAt + .seconds(120), "not the 15–30 s backoff")
    }

    @Test func aTransportErrorEndsTheRequestAtOnceAndMovesOn() {
        var timeline = twoServers()
        timeline.start()
        let other = RegistrationTarget(host: "192.0.2.9", port: 5060, transport: .udp)
        #expect(timeline.client.transportFailed(now: timeline.clock.now, target: other, reason: "unreachable").isEmpty,
                "a report about another address is ignored")
        let actions = timeline.record(timeline.client.transportFailed(
            now: timeline.clock.now, target: Self.targetA, reason: "sip-a.acme.example:5060/udp is unreachable: Connection refused"))
        #expect(actions.targets == [Self.targetB])
        #expect(timeline.client.transportFailed(now: timeline.clock.now, target: Self.targetA, reason: "late").isEmpty,
                "nothing is on its way to A any more")
    }

    /// With a proxy, the proxy's silence or transport errors are the same for every server: only
    /// the backoff helps. A 408 or 5xx the proxy answers for an unreachable registrar moves on.
    @Test func behindAProxyOnlyAnswersMoveOn() throws {
        let proxy = BundleAddress(host: "sbc.acme.example", port: 5070, transport: "udp")
        let proxyTarget = RegistrationTarget(proxy)
        var silent = twoServers(proxy: proxy)
        #expect(silent.start().targets == [proxyTarget])
        let timedOut = silent.timeOut()
        #expect(timedOut.sent.isEmpty)
        #expect(silent.client.status.server == Self.targetA && silent.client.status.target == proxyTarget)
        guard case .backingOff = silent.client.status.state else {
            Issue.record("expected backing off, got \(silent.client.status.state)")
            return
        }
        var refused = twoServers(proxy: proxy)
        refused.start()
        #expect(refused.client.transportFailed(now: refused.clock.now, target: proxyTarget, reason: "unreachable").sent.isEmpty)

        var answered = twoServers(proxy: proxy)
        answered.start()
        let actions = answered.receive(provider.respond(to: answered.last, 408))
        #expect(actions.targets == [proxyTarget])
        #expect(answered.last.requestURI?.description == "sip:sip-b.acme.example:5080")
        #expect(answered.client.status.server == Self.targetB)
    }

    @Test func everyDialogueKeepsItsCallIDFromTagAndCSeqSequence() throws {
        var timeline = twoServers()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.respond(to: timeline.last, 503))
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.respond(to: timeline.last, 500))
        timeline.fireTimer()
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        timeline.fireTimer()
        timeline.stop()
        let requests = timeline.requests
        #expect(requests.count == 8)
        // A, A | B, B | A (after the backoff), A, refresh, unregistration: three dialogues.
        let callIDs = requests.map(\.callIDValue)
        #expect(Set(callIDs).count == 3)
        #expect(callIDs[0] == callIDs[1] && callIDs[1] != callIDs[2] && callIDs[2] == callIDs[3] && callIDs[3] != callIDs[4])
        #expect(Set(callIDs[4...]).count == 1)
        for (previous, next) in zip(requests, requests.dropFirst()) where previous.callIDValue == next.callIDValue {
            #expect(next.cseqNumber == previous.cseqNumber + 1)
            #expect(try next.headers.from.tag == previous.headers.from.tag)
        }
        let branches = requests.map(\.branch)
        #expect(Set(branches).count == branches.count)
    }

    @Test func serversThisBuildCannotReachAreLeftOut() {
        let tls = BundleAddress(host: "sip-s.acme.example", port: nil, transport: "tls")
        var mixed = Timeline(settings: testSettings(servers: [tls, Self.b]))
        #expect(mixed.start().targets == [Self.targetB])
        mixed.timeOut()
        #expect(mixed.client.status.target == Self.targetB, "a round of one: the backoff, still at B")

        var onlyTLS = Timeline(settings: testSettings(servers: [tls, tls]))
        #expect(onlyTLS.start().sent.isEmpty)
        #expect(onlyTLS.client.status.state == .unsupported(reason: "TLS transport is not supported by this build (UDP and TCP are)"))
    }

    @Test func aSingleServerKeepsItsDialogueThroughFailures() {
        var timeline = Timeline()
        timeline.start()
        let first = timeline.last
        timeline.receive(provider.respond(to: first, 503))
        #expect(timeline.client.status.nextAttempt != nil)
        timeline.fireTimer()
        #expect(timeline.last.callIDValue == first.callIDValue)
    }
}
