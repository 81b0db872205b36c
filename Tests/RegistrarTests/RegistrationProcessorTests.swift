import Testing
@testable import Registrar

/// RFC 3261 §10.3, step by step, with the response code of each.
@Suite struct RegistrationProcessorTests {
    let location = LocationService()
    var processor: RegistrationProcessor {
        var policy = RegistrarPolicy(domains: ["pbx.example"])
        policy.maxContactsPerAddressOfRecord = 2
        return RegistrationProcessor(policy: policy, location: location)
    }
    static let source = PacketSource(host: "198.51.100.5", port: 40000, transport: .udp)

    func request(
        user: String = "100", requestDomain: String = "pbx.example", domain: String = "pbx.example",
        contacts: RegisterRequest.Contacts = .list([contact("sip:100@10.0.0.5:5060")]), expires: Int? = nil,
        callID: String = "call-1", cseq: UInt32 = 1, require: [String] = []
    ) -> RegisterRequest {
        RegisterRequest(
            requestDomain: requestDomain, addressOfRecord: "sip:\(user)@\(domain)", user: user, domain: domain,
            contacts: contacts, expires: expires, callID: callID, cseq: cseq, require: require, source: Self.source)
    }

    static func contact(_ uri: String, expires: Int? = nil, q: Int? = nil) -> RegisterRequest.Contact {
        RegisterRequest.Contact(uri: uri, key: uri.lowercased(), expires: expires, qualityThousandths: q)
    }

    private func bindings(_ outcome: RegisterOutcome) -> [Binding]? {
        if case .registered(_, let bindings, _) = outcome { return bindings }
        return nil
    }

    private func status(_ outcome: RegisterOutcome) -> Int {
        if case .rejected(let status, _, _) = outcome { return status }
        return 200
    }

    @Test func step1ForeignRequestDomainIs404() {
        #expect(status(processor.process(request(requestDomain: "other.example"), authenticatedUser: "100", now: 1000)) == 404)
    }

    @Test func step2UnsupportedRequireIs420WithUnsupported() {
        let outcome = processor.process(request(require: ["gruu", "path"]), authenticatedUser: "100", now: 1000)
        #expect(outcome == .rejected(status: 420, reason: "Bad Extension", headers: [HeaderField("Unsupported", "gruu, path")]))
    }

    @Test func step4AnotherUsersAoRIs403AndStoresNothing() {
        #expect(status(processor.process(request(user: "101"), authenticatedUser: "100", now: 1000)) == 403)
        #expect(location.lookup("sip:101@pbx.example", now: 1000).isEmpty)
    }

    @Test func step5ForeignAoRDomainIs404() {
        #expect(status(processor.process(request(domain: "other.example"), authenticatedUser: "100", now: 1000)) == 404)
    }

    @Test func step6WildcardNeedsExpiresZero() {
        _ = processor.process(request(), authenticatedUser: "100", now: 1000)
        #expect(status(processor.process(request(contacts: .wildcard, expires: 3600, cseq: 2), authenticatedUser: "100", now: 1000)) == 400)
        #expect(status(processor.process(request(contacts: .wildcard, callID: "call-2", cseq: 1), authenticatedUser: "100", now: 1000)) == 400)
        let removed = processor.process(request(contacts: .wildcard, expires: 0, cseq: 2), authenticatedUser: "100", now: 1000)
        #expect(bindings(removed) == [])
        #expect(location.lookup("sip:100@pbx.example", now: 1000).isEmpty)
    }

    @Test func step6WildcardWithOldCSeqFails() {
        _ = processor.process(request(cseq: 5), authenticatedUser: "100", now: 1000)
        #expect(status(processor.process(request(contacts: .wildcard, expires: 0, cseq: 5), authenticatedUser: "100", now: 1000)) == 500)
        #expect(location.lookup("sip:100@pbx.example", now: 1000).count == 1)
    }

    @Test func step7ExpiryPrecedenceContactOverHeaderOverDefault() throws {
        let outcome = processor.process(request(contacts: .list([
            Self.contact("sip:100@10.0.0.5", expires: 120),
            Self.contact("sip:100@10.0.0.6"),
        ]), expires: 300), authenticatedUser: "100", now: 1000)
        let list = try #require(bindings(outcome))
        #expect(Set(list.map(\.expiresAt)) == [1120, 1300])
        let byDefault = try #require(bindings(processor.process(
            request(user: "102", contacts: .list([Self.contact("sip:102@10.0.0.7")])), authenticatedUser: "102", now: 1000)))
        #expect(byDefault.first?.expiresAt == 1000 + 3600)
    }

    @Test func step7TooBriefIs423WithMinExpires() {
        let outcome = processor.process(request(expires: 30), authenticatedUser: "100", now: 1000)
        #expect(outcome == .rejected(status: 423, reason: "Interval Too Brief", headers: [HeaderField("Min-Expires", "60")]))
        #expect(location.lookup("sip:100@pbx.example", now: 1000).isEmpty)
    }

    @Test func step7LongExpiryIsCappedNotRefused() throws {
        let list = try #require(bindings(processor.process(request(expires: 86400), authenticatedUser: "100", now: 1000)))
        #expect(list.first?.expiresAt == 1000 + 3600)
    }

    @Test func step7RefreshSameCallIDHigherCSeq() throws {
        _ = processor.process(request(expires: 600), authenticatedUser: "100", now: 1000)
        let outcome = processor.process(request(expires: 900, cseq: 2), authenticatedUser: "100", now: 1100)
        guard case .registered(_, let list, let changes) = outcome else { Issue.record("not registered"); return }
        #expect(list.count == 1)
        #expect(list.first?.expiresAt == 2000)
        #expect(changes.count == 1)
        if case .refreshed = changes.first {} else { Issue.record("expected a refresh, got \(changes)") }
    }

    @Test func step7SameCallIDOlderOrEqualCSeqFails() {
        _ = processor.process(request(cseq: 7), authenticatedUser: "100", now: 1000)
        #expect(status(processor.process(request(cseq: 7), authenticatedUser: "100", now: 1001)) == 500)
        #expect(status(processor.process(request(cseq: 6), authenticatedUser: "100", now: 1001)) == 500)
    }

    @Test func step7OtherCallIDReplacesTheBinding() throws {
        _ = processor.process(request(cseq: 7), authenticatedUser: "100", now: 1000)
        let list = try #require(bindings(processor.process(request(callID: "rebooted", cseq: 1), authenticatedUser: "100", now: 1001)))
        #expect(list.map(\.callID) == ["rebooted"])
    }

    @Test func step7ExpiresZeroRemovesOneContact() throws {
        _ = processor.process(request(contacts: .list([Self.contact("sip:a@h"), Self.contact("sip:b@h")])), authenticatedUser: "100", now: 1000)
        let list = try #require(bindings(processor.process(
            request(contacts: .list([Self.contact("sip:a@h", expires: 0)]), cseq: 2), authenticatedUser: "100", now: 1001)))
        #expect(list.map(\.contact) == ["sip:b@h"])
    }

    @Test func step7ContactLimitIs503AndStoresNothing() {
        let three = RegisterRequest.Contacts.list([Self.contact("sip:a@h"), Self.contact("sip:b@h"), Self.contact("sip:c@h")])
        let outcome = processor.process(request(contacts: three), authenticatedUser: "100", now: 1000)
        #expect(outcome == .rejected(status: 503, reason: "Service Unavailable", headers: [HeaderField("Retry-After", "60")]))
        #expect(location.lookup("sip:100@pbx.example", now: 1000).isEmpty)
    }

    @Test func step8ListsAllBindingsOrderedByQ() throws {
        let contacts = RegisterRequest.Contacts.list([
            Self.contact("sip:low@h", q: 100), Self.contact("sip:high@h", q: 900),
        ])
        let list = try #require(bindings(processor.process(request(contacts: contacts), authenticatedUser: "100", now: 1000)))
        #expect(list.map(\.contact) == ["sip:high@h", "sip:low@h"])
        #expect(list.first?.source == Self.source)
    }

    @Test func queryWithoutContactChangesNothing() throws {
        _ = processor.process(request(), authenticatedUser: "100", now: 1000)
        let list = try #require(bindings(processor.process(request(contacts: .none, cseq: 2), authenticatedUser: "100", now: 1001)))
        #expect(list.count == 1)
    }

    @Test func bindingsExpireOnTime() throws {
        _ = processor.process(request(expires: 60), authenticatedUser: "100", now: 1000)
        #expect(location.lookup("sip:100@pbx.example", now: 1059).count == 1)
        #expect(location.lookup("sip:100@pbx.example", now: 1060).isEmpty)
        #expect(try location.removeExpired(now: 1060).keys.sorted() == ["sip:100@pbx.example"])
        #expect(location.snapshot(now: 1060).isEmpty)
    }
}
