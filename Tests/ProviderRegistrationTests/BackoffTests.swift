import NIOCore
import ProviderRegistration
import SIP
import Testing

/// Failures that may pass back off exponentially with jitter (RFC 5626 §4.5), and never retry
/// before a Retry-After.
@Suite struct BackoffTests {
    let provider = FakeProvider()

    @Test func theFormulaStaysWithinItsBounds() {
        let backoff = RetryBackoff()
        var expectedCeiling: Int64 = 30
        for failures in 1...12 {
            #expect(backoff.ceiling(failures: failures) == .seconds(expectedCeiling))
            for fraction in [0.0, 0.25, 0.5, 0.999] {
                let delay = backoff.delay(failures: failures, fraction: fraction)
                #expect(delay >= .milliseconds(expectedCeiling * 500) && delay <= .seconds(expectedCeiling),
                        "failure \(failures), fraction \(fraction): \(delay)")
            }
            expectedCeiling = min(expectedCeiling * 2, 1800)
        }
        #expect(backoff.delay(failures: 1, fraction: 0) == .seconds(15))
        #expect(backoff.delay(failures: 40, fraction: 0.999) <= .seconds(1800))
    }

    @Test(arguments: [0.0, 0.999])
    func consecutiveFailuresDoubleTheWait(_ fraction: Double) throws {
        var timeline = Timeline(fraction: fraction)
        timeline.start()
        var ceiling: Int64 = 30
        for _ in 1...8 {
            let failedAt = timeline.clock.now
            timeline.receive(provider.respond(to: timeline.last, 500))
            let wait = try #require(timeline.client.status.nextAttempt) - failedAt
            #expect(wait >= .milliseconds(ceiling * 500) && wait <= .seconds(ceiling))
            timeline.fireTimer()
            ceiling = min(ceiling * 2, 1800)
        }
    }

    @Test func serviceUnavailableHonoursRetryAfter() throws {
        var timeline = Timeline()
        timeline.start()
        let failedAt = timeline.clock.now
        let actions = timeline.receive(provider.respond(to: timeline.last, 503, headers: [(.retryAfter, "120")]))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state == .backingOff(reason: "503 Service Unavailable"))
        #expect(timeline.client.status.nextAttempt == failedAt + .seconds(120))

        // A Retry-After shorter than the backoff does not bring the retry forward.
        timeline.fireTimer()
        let secondAt = timeline.clock.now
        timeline.receive(provider.respond(to: timeline.last, 503, headers: [(.retryAfter, "1")]))
        let wait = try #require(timeline.client.status.nextAttempt) - secondAt
        #expect(wait >= .seconds(30) && wait <= .seconds(60))
    }

    @Test(arguments: [408, 480, 500, 504, 600, 603, 302, 404])
    func otherFailuresBackOff(_ code: Int) {
        var timeline = Timeline()
        timeline.start()
        let actions = timeline.receive(provider.respond(to: timeline.last, code))
        #expect(actions.sent.isEmpty)
        #expect(timeline.client.status.state == .backingOff(reason: "\(code) \(SIPResponseStatus.standardReasonPhrase(for: code))"))
        #expect(timeline.client.status.nextAttempt != nil)
    }

    @Test func successResetsTheBackoff() throws {
        var timeline = Timeline(fraction: 0.999)
        timeline.start()
        for _ in 1...4 {
            timeline.receive(provider.respond(to: timeline.last, 500))
            timeline.fireTimer()
        }
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        timeline.fireTimer()
        let failedAt = timeline.clock.now
        timeline.receive(provider.respond(to: timeline.last, 500))
        #expect(try #require(timeline.client.status.nextAttempt) - failedAt <= .seconds(30))
    }
}
