import NIOCore
import ProviderRegistration
import SIP
import Testing

/// RFC 3261 §17.1.2.2 timers of each REGISTER: Timer E over UDP, Timer F everywhere.
@Suite struct RetransmissionTests {
    @Test func udpRetransmitsWithTimerEAndGivesUpAtThirtyTwoSeconds() throws {
        var timeline = Timeline(fraction: 0.5)
        let start = timeline.clock.now
        timeline.start()
        let original = timeline.last
        var sentAt: [Int64] = [0]
        while timeline.client.status.state == .registering {
            let actions = timeline.fireTimer()
            for message in actions.sent {
                #expect(message == original, "a retransmission is the same request")
                sentAt.append((timeline.clock.now - start).nanoseconds / 1_000_000)
            }
        }
        #expect(sentAt == [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500])
        #expect(timeline.clock.now == start + .seconds(32))
        let status = timeline.client.status
        #expect(status.state == .backingOff(reason: "no response from sip.acme.example:5060/udp within 32 s"))
        // First failure: uniform in [15 s, 30 s]; the jitter fraction 0.5 gives 22.5 s.
        #expect(status.nextAttempt == start + .seconds(32) + .milliseconds(22_500))
        // The retry is a new transaction of the same registration.
        timeline.fireTimer()
        #expect(timeline.last.callIDValue == original.callIDValue)
        #expect(timeline.last.cseqNumber == original.cseqNumber + 1)
        #expect(timeline.last.branch != original.branch)
    }

    @Test func aProvisionalResponseSlowsRetransmissionsToT2() {
        var timeline = Timeline()
        let start = timeline.clock.now
        timeline.start()
        timeline.clock.advance(.milliseconds(200))
        let actions = timeline.receive(FakeProvider().respond(to: timeline.last, 100))
        #expect(actions.sent.isEmpty)
        #expect(timeline.timer == start + .milliseconds(4200))
        #expect(timeline.client.status.lastResponse == nil, "a provisional response is not a final one")
    }

    @Test func tcpHasOnlyTimerF() {
        var timeline = Timeline(settings: testSettings(server: .init(host: "sip.acme.example", port: 5070, transport: "tcp")))
        let start = timeline.clock.now
        timeline.start()
        #expect(timeline.timer == start + .seconds(32))
        #expect(timeline.last.headers.first(name: .via)?.hasPrefix("SIP/2.0/TCP ") == true)
        #expect(timeline.last.headers.first(name: .contact)?.contains(";transport=tcp") == true)
        timeline.fireTimer()
        #expect(timeline.requests.count == 1)
        guard case .backingOff = timeline.client.status.state else {
            Issue.record("expected backing off, got \(timeline.client.status.state)")
            return
        }
    }

    @Test func aTransportFailureEndsTheTransaction() {
        var timeline = Timeline()
        timeline.start()
        let target = timeline.client.status.target
        let actions = timeline.record(timeline.client.transportFailed(now: timeline.clock.now, target: target, reason: "nowhere.example does not resolve"))
        #expect(actions.status?.state == .backingOff(reason: "nowhere.example does not resolve"))
        #expect(timeline.client.transportFailed(now: timeline.clock.now, target: target, reason: "again").isEmpty,
                "nothing is on its way any more")
    }
}
