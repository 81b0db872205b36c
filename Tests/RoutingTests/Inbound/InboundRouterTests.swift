import RuntimeBundle
import Testing
@testable import Routing

@Suite struct InboundRouterTests {
    static let bundle = Fixtures.bundle(
        providers: [
            Fixtures.provider("acme"),
            Fixtures.provider("northwind", type: "trunk", allow: ["198.51.100.0/28"]),
            Fixtures.provider("legacy", enabled: false),
            Fixtures.provider("budget", incoming: false),
        ],
        inbound: [
            Fixtures.inbound("sales-line", provider: "northwind", called: ["+4930123457"], to: ["102"]),
            Fixtures.inbound("key-customers", caller: ["+4930555"], to: ["101", "100"]),
            Fixtures.inbound("inbound-acme", provider: "acme", to: ["100", "101"]),
        ])

    let router = InboundRouter(bundle: Self.bundle)

    func ruleName(_ provider: String, _ called: String, _ caller: String?) -> String? {
        guard case .routed(let rule) = router.decide(provider: provider, called: called, caller: caller) else { return nil }
        return rule.name
    }

    @Test func firstMatchingRuleWins() {
        #expect(ruleName("northwind", "+493012345799", "+4930555123") == "sales-line")
        #expect(ruleName("acme", "+493012345799", "+4930555123") == "key-customers")
        #expect(ruleName("acme", "+74951234567", "+4930111") == "inbound-acme")
    }

    @Test func ruleProviderMustBeTheCallsProvider() {
        #expect(ruleName("acme", "+4930123457", nil) == "inbound-acme")
        #expect(router.decide(provider: "northwind", called: "+4930999", caller: "+4930111") == .noMatchingRule)
    }

    @Test func anonymousCallersMatchOnlyRulesWithoutCallerPrefixes() {
        #expect(ruleName("northwind", "+4930123457", nil) == "sales-line")
        #expect(router.decide(provider: "northwind", called: "+4930999", caller: nil) == .noMatchingRule)
    }

    @Test func destinationIsTheRulesDestination() {
        let decision = router.decide(provider: "acme", called: "+1", caller: "+4930555000")
        #expect(decision.destination == BundleDestination(extensions: ["101", "100"], ring: "together"))
        #expect(InboundDecision.noMatchingRule.destination == nil)
    }

    @Test func providersThatTakeNoCallsAreRefusedBeforeAnyRule() {
        // key-customers names no provider, so without the check it would match all three.
        #expect(router.decide(provider: "legacy", called: "+1", caller: "+4930555000") == .providerRefused(provider: "legacy", reason: .disabled))
        #expect(router.decide(provider: "budget", called: "+1", caller: "+4930555000") == .providerRefused(provider: "budget", reason: .incomingNotAllowed))
        #expect(router.decide(provider: "ghost", called: "+1", caller: "+4930555000") == .providerRefused(provider: "ghost", reason: .unknownProvider))
    }

    @Test func emptyPrefixListsMatchEveryNumber() {
        let router = InboundRouter(bundle: Fixtures.bundle(providers: [Fixtures.provider("p")], inbound: [Fixtures.inbound("all", to: ["100"])]))
        for (called, caller) in [("", nil), ("+1", "+2"), ("*21#", "anonymous")] as [(String, String?)] {
            #expect(router.decide(provider: "p", called: called, caller: caller).destination?.extensions == ["100"])
        }
    }
}
