import NIOCore
import ProviderRegistration
import SIP
import Testing

/// Shutdown and reload remove our binding (`Expires: 0`), with a short deadline.
@Suite struct StopTests {
    let provider = FakeProvider()

    private func registered() -> Timeline {
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.ok(timeline.last, contactExpires: 3600))
        return timeline
    }

    @Test func aRegisteredClientUnregisters() throws {
        var timeline = registered()
        let before = timeline.last
        let actions = timeline.stop()
        #expect(actions.status?.state == .unregistering)
        let request = try #require(actions.sent.first)
        #expect(request.expiresValue == 0)
        #expect(request.headers.first(name: .contact) == "<sip:sb-0123456789ab@127.0.0.1:5060>;expires=0")
        #expect(request.callIDValue == before.callIDValue && request.cseqNumber == before.cseqNumber + 1)
        #expect(provider.accepts(request), "the kept credentials are sent along")

        let done = timeline.receive(provider.ok(request, contactExpires: nil))
        #expect(done.finishes)
        #expect(timeline.client.status.state == .idle)
        #expect(timeline.stop().isEmpty, "stopping twice does nothing")
    }

    @Test func theUnregistrationAnswersOneChallenge() {
        var timeline = registered()
        timeline.stop()
        let actions = timeline.receive(provider.challenge(timeline.last, stale: true))
        #expect(actions.sent.count == 1 && timeline.last.expiresValue == 0)
        #expect(timeline.receive(provider.respond(to: timeline.last, 200)).finishes)
    }

    @Test func aDeadProviderDoesNotHoldUpShutdownLongerThanTheTimeout() {
        var timeline = registered()
        let stoppedAt = timeline.clock.now
        timeline.stop()
        var finished = false
        while !finished, timeline.timer != nil {
            finished = timeline.fireTimer().finishes
        }
        #expect(finished)
        #expect(timeline.clock.now == stoppedAt + RegistrationPolicy().unregisterTimeout)
        #expect(timeline.requests.count > 3, "retransmitted meanwhile")
    }

    @Test func aClientThatNeverRegisteredFinishesAtOnce() {
        var timeline = Timeline()
        timeline.start(spread: .seconds(1))
        let actions = timeline.stop()
        #expect(actions.sent.isEmpty && actions.finishes)
    }

    @Test func aRequestOnItsWayIsFollowedByAnUnregistration() {
        var timeline = Timeline()
        timeline.start()
        let actions = timeline.stop()
        #expect(actions.sent.first?.expiresValue == 0)
    }

    @Test func aForbiddenClientDoesNotUnregister() {
        var timeline = Timeline()
        timeline.start()
        timeline.receive(provider.respond(to: timeline.last, 403))
        let actions = timeline.stop()
        #expect(actions.sent.isEmpty && actions.finishes)
    }
}
