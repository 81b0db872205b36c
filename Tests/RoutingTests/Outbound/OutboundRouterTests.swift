import RuntimeBundle
import Testing
@testable import Routing

@Suite struct OutboundRouterTests {
    /// An office like samples/multi-provider: a trunk, a standard provider, a disabled one and
    /// one that only receives; explicit rules, then generated ones.
    static let bundle = Fixtures.bundle(
        providers: [
            Fixtures.provider("acme", lines: .limited(2), callerId: "+74951234567"),
            Fixtures.provider("budget", lines: .unlimited),
            Fixtures.provider("legacy", enabled: false),
            Fixtures.provider("inbound-only", outgoing: false, lines: .limited(1)),
            Fixtures.provider("northwind", type: "trunk", lines: .limited(1), callerId: "+4930123456", allow: ["198.51.100.0/28"]),
        ],
        outbound: [
            Fixtures.outbound("emergency", prefixes: ["110", "112"], max: 3, routes: [Fixtures.route("northwind"), Fixtures.route("acme")]),
            Fixtures.outbound("old-route", prefixes: ["00"], routes: [
                Fixtures.route("legacy"), Fixtures.route("inbound-only"), Fixtures.route("ghost"),
            ]),
            Fixtures.outbound("germany", prefixes: ["0"], min: 6, callerId: "+4930999999", routes: [
                Fixtures.route("northwind", strip: 1, prepend: "+49"), Fixtures.route("budget", strip: 1, prepend: "+49"),
            ]),
            Fixtures.outbound("outbound-acme", routes: [Fixtures.route("acme")], generatedFor: "acme"),
            Fixtures.outbound("outbound-northwind", routes: [Fixtures.route("northwind")], generatedFor: "northwind"),
        ])

    let router = OutboundRouter(bundle: Self.bundle)

    static func lines(busy: [String: Int] = [:]) -> (String) -> LineUsage? {
        let limits = Dictionary(uniqueKeysWithValues: bundle.providers.map { ($0.name, $0.lines) })
        return { name in limits[name].map { LineUsage(busy: busy[name] ?? 0, limit: $0) } }
    }

    static func registered(except down: Set<String> = []) -> (String) -> Bool {
        { !down.contains($0) }
    }

    func decide(_ number: String, busy: [String: Int] = [:], unregistered: Set<String> = []) -> OutboundDecision {
        router.decide(number: number, registered: Self.registered(except: unregistered), lines: Self.lines(busy: busy))
    }

    func reasons(_ decision: OutboundDecision) -> [String] {
        decision.skipped.map { "\($0.rule.name)/\($0.route.provider): \($0.reason)" }
    }

    @Test func firstMatchingRuleAndFirstRouteWin() throws {
        guard case .routed(let call) = decide("112") else { Issue.record("not routed"); return }
        #expect(call.rule.name == "emergency")
        #expect(call.provider.name == "northwind")
        #expect(call.numberToSend == "112")
        #expect(call.dialled == "112")
        #expect(call.skipped.isEmpty)
    }

    @Test func stripPrependAndCallerIdOverride() {
        guard case .routed(let call) = decide("0301234567") else { Issue.record("not routed"); return }
        #expect(call.rule.name == "germany")
        #expect(call.numberToSend == "+49301234567")
        #expect(call.callerId == CallerID(number: "+4930999999", origin: .rule))
    }

    @Test func callerIdFallsBackToTheProviderThenToNone() {
        guard case .routed(let acme) = decide("5551234", busy: ["northwind": 1]) else { Issue.record("not routed"); return }
        #expect(acme.rule.name == "outbound-acme")
        #expect(acme.callerId == CallerID(number: "+74951234567", origin: .provider))
        guard case .routed(let budget) = decide("0301234567", busy: ["northwind": 1]) else { Issue.record("not routed"); return }
        #expect(budget.provider.name == "budget")
        #expect(budget.callerId == CallerID(number: "+4930999999", origin: .rule))

        let plain = OutboundRouter(bundle: Fixtures.bundle(
            providers: [Fixtures.provider("quiet")], outbound: [Fixtures.outbound("all", routes: [Fixtures.route("quiet")])]))
        guard case .routed(let quiet) = plain.decide(number: "1", registered: { _ in true }, lines: { _ in LineUsage(busy: 0, limit: .unlimited) })
        else { Issue.record("not routed"); return }
        #expect(quiet.callerId == nil)
    }

    @Test func busyProviderFallsThroughToTheNextRoute() {
        let decision = decide("0301234567", busy: ["northwind": 1])
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        #expect(call.provider.name == "budget")
        #expect(call.rule.name == "germany")
        #expect(reasons(decision) == ["germany/northwind: all lines busy (1 of 1)"])
    }

    @Test func ruleWithNoUsableRouteFallsThroughToTheNextMatchingRule() {
        // emergency: northwind busy, acme not registered → no later rule matches 112 but the
        // generated catch-alls: outbound-acme (not registered), outbound-northwind (busy).
        let decision = decide("112", busy: ["northwind": 1], unregistered: ["acme"])
        #expect(decision == .allCandidatesUnavailable(decision.skipped))
        #expect(reasons(decision) == [
            "emergency/northwind: all lines busy (1 of 1)",
            "emergency/acme: the provider is not registered",
            "outbound-acme/acme: the provider is not registered",
            "outbound-northwind/northwind: all lines busy (1 of 1)",
        ])
        #expect(!decision.isBusy)
        #expect(router.rejection(for: decision) == .unavailable)

        let fallThrough = decide("112", busy: ["northwind": 1])
        guard case .routed(let call) = fallThrough else { Issue.record("not routed"); return }
        #expect(call.rule.name == "emergency")
        #expect(call.provider.name == "acme")
    }

    @Test func everyCandidateBusyIsABusyAnswer() {
        let decision = decide("5551234", busy: ["acme": 2, "northwind": 1])
        #expect(reasons(decision) == [
            "outbound-acme/acme: all lines busy (2 of 2)", "outbound-northwind/northwind: all lines busy (1 of 1)",
        ])
        #expect(decision.isBusy)
        #expect(router.rejection(for: decision) == OutboundRejection(statusCode: 503, reasonPhrase: "Service Unavailable", retryAfter: 30))
        #expect(OutboundRouter(bundle: Self.bundle, busyRetryAfter: 5).rejection(for: decision)?.retryAfter == 5)
    }

    @Test func disabledOutgoingDeniedAndUnknownProvidersAreSkippedWithTheirReason() {
        let decision = decide("0049301234", busy: ["northwind": 1])
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        // `00…` also matches `germany` (prefix 0, ≥ 6 characters): northwind is busy there.
        #expect(call.rule.name == "germany")
        #expect(call.provider.name == "budget")
        #expect(call.numberToSend == "+49049301234")
        #expect(reasons(decision) == [
            "old-route/legacy: the provider is disabled",
            "old-route/inbound-only: the provider does not allow outgoing calls",
            "old-route/ghost: no such provider",
            "germany/northwind: all lines busy (1 of 1)",
        ])
    }

    @Test func rulesThatDoNotMatchAreNotListed() {
        let decision = decide("0301234567", busy: ["northwind": 1, "budget": 0])
        #expect(!decision.skipped.contains { $0.rule.name == "emergency" || $0.rule.name == "old-route" })
    }

    @Test func noMatchingRule() {
        let router = OutboundRouter(bundle: Fixtures.bundle(
            providers: [Fixtures.provider("p")], outbound: [Fixtures.outbound("only-zero", prefixes: ["0"], routes: [Fixtures.route("p")])]))
        let decision = router.decide(number: "112", registered: { _ in true }, lines: Self.lines())
        #expect(decision == .noMatchingRule)
        #expect(decision.skipped.isEmpty)
        #expect(!decision.isBusy)
        #expect(router.rejection(for: decision) == .noRoute)
    }

    @Test func trunksNeedNoRegistration() {
        // Nothing is registered: the trunk is still usable, the standard providers are not.
        let decision = router.decide(number: "0301234567", registered: { _ in false }, lines: Self.lines())
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        #expect(call.provider.name == "northwind")
    }

    @Test func stripLongerThanTheNumberSkipsTheRoute() {
        let router = OutboundRouter(bundle: Fixtures.bundle(
            providers: [Fixtures.provider("a"), Fixtures.provider("b")],
            outbound: [Fixtures.outbound("all", routes: [Fixtures.route("a", strip: 3), Fixtures.route("b")])]))
        let decision = router.decide(number: "110", registered: { _ in true }, lines: { _ in LineUsage(busy: 0, limit: .unlimited) })
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        #expect(call.provider.name == "b")
        #expect(decision.skipped.map(\.reason) == [.numberTooShort(length: 3, strip: 3)])
    }

    @Test func aProviderWithoutLineAccountingIsSkippedAsUnknown() {
        let decision = router.decide(number: "112", registered: { _ in true }, lines: { $0 == "acme" ? LineUsage(busy: 0, limit: .limited(2)) : nil })
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        #expect(call.provider.name == "acme")
        #expect(decision.skipped.map(\.reason) == [.unknownProvider])
    }
}

@Suite struct OutboundPlacementTests {
    let router = OutboundRouter(bundle: OutboundRouterTests.bundle)

    @Test func placeTakesTheLineItChose() throws {
        let pool = LinePool(bundle: OutboundRouterTests.bundle)
        let (decision, lease) = router.place(number: "0301234567", registered: { _ in true }, pool: pool)
        guard case .routed(let call) = decision else { Issue.record("not routed"); return }
        #expect(call.provider.name == "northwind")
        #expect(lease?.provider == "northwind")
        #expect(pool.usage("northwind")?.busy == 1)

        // The next call finds northwind's only line taken and goes on to budget.
        let (second, secondLease) = router.place(number: "0301234567", registered: { _ in true }, pool: pool)
        guard case .routed(let next) = second else { Issue.record("not routed"); return }
        #expect(next.provider.name == "budget")
        #expect(second.skipped.map(\.reason) == [.allLinesBusy(busy: 1, limit: 1)])
        pool.release(try #require(lease))
        pool.release(try #require(secondLease))
        #expect(pool.usage("northwind")?.busy == 0)
        #expect(pool.usage("budget")?.busy == 0)
    }

    @Test func noLeaseWhenNotRouted() {
        let pool = LinePool(bundle: OutboundRouterTests.bundle)
        let held = (0..<3).compactMap { _ in pool.acquire("acme") } + [pool.acquire("northwind")].compactMap { $0 }
        #expect(held.count == 3)
        let (decision, lease) = router.place(number: "5551234", registered: { _ in true }, pool: pool)
        #expect(decision.isBusy)
        #expect(lease == nil)
        #expect(pool.usage("acme")?.busy == 2)
        #expect(pool.usage("northwind")?.busy == 1)
    }

    @Test func racingPlacementsNeverOverbook() async {
        let pool = LinePool(bundle: OutboundRouterTests.bundle)
        // 112 may use northwind (1 line) then acme (2 lines): at most 3 calls at once.
        let results = await withTaskGroup(of: LineLease?.self, returning: [LineLease?].self) { group in
            for _ in 0..<32 {
                group.addTask { router.place(number: "112", registered: { _ in true }, pool: pool).lease }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let leases = results.compactMap { $0 }
        #expect(leases.count == 3)
        #expect(Dictionary(grouping: leases, by: \.provider).mapValues(\.count) == ["northwind": 1, "acme": 2])
        leases.forEach(pool.release)
        #expect(pool.usage("acme")?.busy == 0)
    }
}
