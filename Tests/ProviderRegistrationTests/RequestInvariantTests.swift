import NIOCore
import ProviderRegistration
import SIP
import Testing

/// What every REGISTER of one registration has in common, and what changes from one to the next.
@Suite struct RequestInvariantTests {
    let provider = FakeProvider()

    /// A long life: challenge, 200, refreshes, a 423, a 503, a stale challenge, unregistration.
    private func lifetime() -> Timeline {
        var timeline = Timeline(settings: testSettings(expires: 120))
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        timeline.receive(provider.ok(timeline.last, contactExpires: 120))
        timeline.fireTimer()
        timeline.receive(provider.respond(to: timeline.last, 423, headers: [(.minExpires, "600")]))
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        timeline.fireTimer()
        timeline.receive(provider.respond(to: timeline.last, 503, headers: [(.retryAfter, "5")]))
        timeline.fireTimer()
        timeline.receive(provider.challenge(timeline.last, stale: true))
        timeline.receive(provider.ok(timeline.last, contactExpires: 600))
        timeline.stop()
        return timeline
    }

    @Test func oneCallIDAndFromTagAndACSeqThatGoesUpByOne() throws {
        let requests = lifetime().requests
        #expect(requests.count == 8)
        #expect(Set(requests.map(\.callIDValue)).count == 1)
        #expect(Set(requests.map { try? $0.headers.from.tag }).count == 1)
        for (previous, next) in zip(requests, requests.dropFirst()) {
            #expect(next.cseqNumber == previous.cseqNumber + 1)
        }
        #expect(requests.allSatisfy { (try? $0.headers.cseq.method) == .register })
    }

    @Test func aNewBranchOnEveryRequest() {
        let branches = lifetime().requests.map(\.branch)
        #expect(Set(branches).count == branches.count)
        #expect(branches.allSatisfy { $0.hasPrefix("z9hG4bK") })
    }

    @Test func theHeadersOfARegister() throws {
        var timeline = Timeline()
        timeline.start()
        let request = timeline.last
        #expect(request.method == .register)
        #expect(request.requestURI?.description == "sip:sip.acme.example")
        #expect(try request.headers.to.description == "<sip:74951234567@sip.acme.example>")
        #expect(try request.headers.to.tag == nil)
        #expect(try request.headers.from.uri.description == "sip:74951234567@sip.acme.example")
        #expect(request.headers.first(name: .contact) == "<sip:sb-0123456789ab@127.0.0.1:5060>")
        #expect(request.expiresValue == 3600)
        #expect(try request.headers.maxForwards == 70)
        let via = try request.headers.topVia
        #expect(via.host.text == "127.0.0.1" && via.port == 40000 && via.rport == .requested && via.transport == .udp)
        // It parses back as what it claims to be.
        #expect(try SIPParser.parse(request.serialize()).get().serialize() == request.serialize())
    }

    @Test func theRegistrationIPIsTheContactHost() {
        var timeline = Timeline(settings: testSettings(registrationIP: "203.0.113.10"))
        timeline.start()
        #expect(timeline.last.headers.first(name: .contact) == "<sip:sb-0123456789ab@203.0.113.10:5060>")
    }

    @Test func aServerPortIsInTheRequestURIButNotInTheAddressOfRecord() throws {
        var timeline = Timeline(settings: testSettings(server: .init(host: "2001:db8::5", port: 5070, transport: "udp"), login: "user one"))
        let actions = timeline.start()
        #expect(actions.targets == [RegistrationTarget(host: "2001:db8::5", port: 5070, transport: .udp)])
        #expect(timeline.last.requestURI?.description == "sip:[2001:db8::5]:5070")
        #expect(try timeline.last.headers.to.uri.description == "sip:user%20one@[2001:db8::5]")
    }

    @Test func theDigestUsernameIsTheLoginAsWritten() {
        var timeline = Timeline(settings: testSettings(login: "user one"))
        timeline.start()
        timeline.receive(provider.challenge(timeline.last))
        #expect(timeline.last.headers.first(name: .authorization)?.contains("username=\"user one\"") == true)
        #expect(provider.accepts(timeline.last))
    }
}
