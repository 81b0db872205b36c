import Foundation
import RuntimeBundle
import Testing
@testable import BundleDiff

private typealias F = Fixture

private func change(_ difference: BundleDifference, _ section: BundleSection, _ name: String) -> ObjectChange? {
    difference.changes.first { $0.section == section && $0.name == name }
}

private func field(_ change: ObjectChange?, _ path: String) -> FieldChange? {
    change?.fields.first { $0.path == path }
}

@Suite struct ObjectChangeTests {
    @Test func identicalBundlesHaveNoDifference() {
        let bundle = F.bundle(providers: [F.provider("acme"), F.provider("budget")])
        let difference = BundleDiff.compare(old: bundle, new: bundle)
        #expect(difference.isEmpty)
        #expect(difference.changes.isEmpty)
        #expect(difference.orderChanges.isEmpty)
        #expect(difference.oldDigest == difference.newDigest)
        #expect(difference.oldDigest.hasPrefix("sha256:"))
        #expect(difference.summary == "no changes")
    }

    @Test func movedSourcesAreNoChangeButTheDigestSaysTheBundlesDiffer() {
        let old = F.bundle(providers: [F.provider("acme", source: "providers.yaml:3:11")])
        let new = F.bundle(providers: [F.provider("acme", source: "providers/acme.yaml:9:11")])
        let difference = BundleDiff.compare(old: old, new: new)
        #expect(difference.isEmpty)
        #expect(difference.oldDigest != difference.newDigest)
        #expect(HumanDiffRenderer(colors: false).render(difference).contains("differ only in `source` locations"))
    }

    @Test func addedAndRemovedObjectsAreMatchedByIdentityNotPosition() {
        let old = F.bundle(providers: [F.provider("acme"), F.provider("legacy", lines: .limited(2))], extensions: [F.ext("100")])
        let new = F.bundle(providers: [F.provider("citynet", lines: .limited(4)), F.provider("acme")], extensions: [F.ext("100"), F.ext("101")])
        let difference = BundleDiff.compare(old: old, new: new)

        #expect(change(difference, .providers, "acme") == nil, "acme moved but did not change")
        let added = try! #require(change(difference, .providers, "citynet"))
        #expect(added.kind == .added)
        #expect(added.oldSource == nil && added.source != nil)
        #expect(field(added, "lines")?.new == .value(.integer(4)))
        #expect(field(added, "lines")?.old == .absent)
        #expect(field(added, "name") == nil, "the identity is not a field")
        #expect(field(added, "source") == nil)
        let removed = try! #require(change(difference, .providers, "legacy"))
        #expect(removed.kind == .removed)
        #expect(removed.fields.isEmpty)
        #expect(removed.source == nil && removed.oldSource != nil)
        #expect(change(difference, .extensions, "101")?.kind == .added)
        // Generated rules came and went with their providers.
        #expect(change(difference, .outbound, "outbound-citynet")?.causes == [.providerAdded("citynet")])
        #expect(change(difference, .outbound, "outbound-legacy")?.causes == [.providerRemoved("legacy")])
        #expect(change(difference, .inbound, "inbound-legacy")?.causes == [.providerRemoved("legacy")])
        #expect(change(difference, .outbound, "outbound-citynet")?.fields == [], "generated rules are explained, not listed")
    }

    @Test func changedFieldsHavePathsAndBothValues() {
        let old = F.bundle(providers: [F.provider(
            "acme", servers: [.init(host: "sip1.acme.example", port: 5060, transport: "udp")], lines: .limited(8))])
        let new = F.bundle(providers: [F.provider(
            "acme", incoming: false,
            servers: [.init(host: "sip1.acme.example", port: 5080, transport: "udp"), .init(host: "sip2.acme.example", port: nil, transport: "udp")],
            lines: .unlimited)])
        let difference = BundleDiff.compare(old: old, new: new)
        let acme = try! #require(change(difference, .providers, "acme"))
        #expect(acme.kind == .changed)
        #expect(acme.fields.map(\.path) == [
            "calls.incoming", "servers[0].port", "servers[1].host", "servers[1].transport", "lines",
        ])
        #expect(field(acme, "servers[0].port") == FieldChange(path: "servers[0].port", old: .value(.integer(5060)), new: .value(.integer(5080))))
        #expect(field(acme, "servers[1].host")?.old == .absent)
        #expect(field(acme, "lines")?.new == .value(.string("unlimited")))
        #expect(field(acme, "calls.incoming")?.new == .value(.bool(false)))
        // …and the inbound rule generated for it vanished because of it.
        #expect(change(difference, .inbound, "inbound-acme")?.causes == [.callsRefused(provider: "acme", direction: .incoming)])

        let text = HumanDiffRenderer(colors: false).render(difference)
        #expect(text.contains("      servers[0].port: 5060 → 5080\n"))
        #expect(text.contains("      servers[1].host: (not set) → \"sip2.acme.example\"\n"))
        #expect(text.contains("      lines: 8 → \"unlimited\"\n"))
    }

    @Test func shortListsAreShownWholeLongListsEntryByEntry() {
        let old = F.bundle(
            providers: [F.provider("acme"), F.provider("northwind", type: "trunk")],
            outbound: [F.outbound("mobile", prefixes: ["8"], routes: ["acme"])])
        var new = F.bundle(
            providers: [F.provider("acme"), F.provider("northwind", type: "trunk")],
            outbound: [F.outbound("mobile", prefixes: ["8", "+7"], routes: ["acme"], strip: 1)])
        new.providers[1].trunk = .init(allow: ["198.51.100.0/28", "198.51.100.201:5060", "2001:db8::/48"], derived: false)
        var oldWithAllow = old
        oldWithAllow.providers[1].trunk = .init(allow: ["198.51.100.0/28", "198.51.100.200:5060", "2001:db8::/48"], derived: false)
        let difference = BundleDiff.compare(old: oldWithAllow, new: new)

        let mobile = change(difference, .outbound, "mobile")
        #expect(field(mobile, "prefixes") == FieldChange(
            path: "prefixes", old: .value(.array([.string("8")])), new: .value(.array([.string("8"), .string("+7")]))))
        #expect(field(mobile, "routes[0].strip")?.new == .value(.integer(1)))
        let northwind = change(difference, .providers, "northwind")
        #expect(northwind?.fields.map(\.path) == ["trunk.allow[1]"])

        let text = HumanDiffRenderer(colors: false).render(difference)
        #expect(text.contains("prefixes: [\"8\"] → [\"8\", \"+7\"]"))
        #expect(text.contains("trunk.allow[1]: \"198.51.100.200:5060\" → \"198.51.100.201:5060\""))
    }

    @Test func aReorderedListIsShownWhole() {
        let old = F.bundle(providers: [F.provider("acme")], inbound: [F.inbound("office", to: ["100", "101", "102"])])
        let new = F.bundle(providers: [F.provider("acme")], inbound: [F.inbound("office", to: ["102", "100", "101"])])
        let office = change(BundleDiff.compare(old: old, new: new), .inbound, "office")
        #expect(office?.fields.map(\.path) == ["destination.extensions"])
    }

    @Test func implicitDefaultsChangeVisiblyBecauseBundlesAreExplicit() {
        // Old manifest: no transport, no registration (defaults udp, 3600); new: `transport: tcp`
        // and `registration: { expires: 600 }` written on the provider.
        let old = F.bundle(providers: [F.provider("acme")])
        let new = F.bundle(providers: [F.provider(
            "acme", servers: [.init(host: "sip.example", port: nil, transport: "tcp")], expires: 600)])
        let acme = change(BundleDiff.compare(old: old, new: new), .providers, "acme")
        #expect(acme?.fields == [
            FieldChange(path: "servers[0].transport", old: .value(.string("udp")), new: .value(.string("tcp"))),
            FieldChange(path: "registration.expires", old: .value(.integer(3600)), new: .value(.integer(600))),
        ])
    }

    @Test func typeChangeComparesMembersPresentOnOneSideWithAbsent() {
        let old = F.bundle(providers: [F.provider("northwind")])
        let new = F.bundle(providers: [F.provider("northwind", type: "trunk")])
        let northwind = change(BundleDiff.compare(old: old, new: new), .providers, "northwind")
        #expect(northwind?.fields.map(\.path) == ["type", "login", "password", "registration.expires", "trunk.allow", "trunk.derived"])
        #expect(field(northwind, "password") == FieldChange(path: "password", old: .secret(.env("PASSWORD")), new: .absent))
        #expect(field(northwind, "trunk.allow")?.old == .absent)
    }
}

@Suite struct RenameTests {
    @Test func aRemovedAndAnAddedRuleEqualButForTheirNameAreARename() {
        let old = F.bundle(providers: [F.provider("acme")], outbound: [F.outbound("emergency", prefixes: ["112"], routes: ["acme"], source: "a.yaml:3:11")])
        let new = F.bundle(providers: [F.provider("acme")], outbound: [F.outbound("emergency-calls", prefixes: ["112"], routes: ["acme"], source: "a.yaml:4:11")])
        let difference = BundleDiff.compare(old: old, new: new)
        #expect(difference.changes.count == 1)
        let renamed = try! #require(difference.changes.first)
        #expect(renamed.kind == .renamed)
        #expect(renamed.oldName == "emergency" && renamed.name == "emergency-calls")
        #expect(renamed.fields.isEmpty)
        #expect(renamed.source == "a.yaml:4:11" && renamed.oldSource == "a.yaml:3:11")
        #expect(difference.orderChanges.isEmpty)
        #expect(HumanDiffRenderer(colors: false).render(difference).contains("  > emergency renamed to emergency-calls (a.yaml:4:11)\n"))
    }

    @Test func anyOtherDifferenceMakesItARemovalAndAnAddition() {
        let old = F.bundle(providers: [F.provider("acme")], outbound: [F.outbound("emergency", prefixes: ["112"], routes: ["acme"])])
        let new = F.bundle(providers: [F.provider("acme")], outbound: [F.outbound("emergency-calls", prefixes: ["112", "110"], routes: ["acme"])])
        let kinds = BundleDiff.compare(old: old, new: new).changes.map { "\($0.kind) \($0.name)" }
        #expect(kinds == ["added emergency-calls", "removed emergency"])
    }

    @Test func renamedExtensionAndProviderWithItsGeneratedRules() {
        let old = F.bundle(
            providers: [F.provider("acme"), F.provider("budget", lines: .limited(2))], extensions: [F.ext("200")],
            outbound: [F.outbound("national", prefixes: ["0"], routes: ["budget"])])
        let new = F.bundle(
            providers: [F.provider("acme"), F.provider("budget-voip", lines: .limited(2))], extensions: [F.ext("201")],
            outbound: [F.outbound("national", prefixes: ["0"], routes: ["budget-voip"])])
        let difference = BundleDiff.compare(old: old, new: new)
        let provider = change(difference, .providers, "budget-voip")
        #expect(provider?.kind == .renamed && provider?.oldName == "budget" && provider?.fields == [])
        #expect(change(difference, .extensions, "201")?.kind == .renamed)
        let generated = try! #require(change(difference, .outbound, "outbound-budget-voip"))
        #expect(generated.kind == .renamed)
        #expect(generated.oldName == "outbound-budget")
        #expect(generated.causes == [.providerRenamed(from: "budget", to: "budget-voip")])
        #expect(generated.fields.map(\.path) == ["generated_for", "routes[0].provider"])
        #expect(change(difference, .inbound, "inbound-budget-voip")?.kind == .renamed)
        #expect(field(change(difference, .outbound, "national"), "routes[0].provider")?.new == .value(.string("budget-voip")))
        #expect(difference.orderChanges.isEmpty)
    }
}

@Suite struct ConsequenceTests {
    private func causes(old: [BundleProvider], new: [BundleProvider], _ section: BundleSection, _ rule: String) -> (ObjectChange.Kind?, [Cause]) {
        let found = change(BundleDiff.compare(old: F.bundle(providers: old), new: F.bundle(providers: new)), section, rule)
        return (found?.kind, found?.causes ?? [])
    }

    @Test func generatedRulesVanishWithTheReason() {
        let before = [F.provider("acme"), F.provider("budget")]
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget", outgoing: false)], .outbound, "outbound-budget")
            == (.removed, [.callsRefused(provider: "budget", direction: .outgoing)]))
        #expect(causes(old: before, new: [F.provider("acme")], .outbound, "outbound-budget") == (.removed, [.providerRemoved("budget")]))
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget", rules: ("auto", "none"))], .outbound, "outbound-budget")
            == (.removed, [.rulesSetting(provider: "budget", direction: .outgoing, value: "none")]))
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget", enabled: false)], .inbound, "inbound-budget")
            == (.removed, [.providerDisabled("budget")]))
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget", enabled: false, rules: ("none", "auto"))], .inbound, "inbound-budget")
            == (.removed, [.providerDisabled("budget"), .rulesSetting(provider: "budget", direction: .incoming, value: "none")]))
    }

    @Test func generatedRulesAppearWithTheReason() {
        let before = [F.provider("acme"), F.provider("budget", enabled: false, incoming: false)]
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget", incoming: false)], .outbound, "outbound-budget")
            == (.added, [.providerEnabled("budget")]))
        #expect(causes(old: before, new: [F.provider("acme"), F.provider("budget")], .inbound, "inbound-budget")
            == (.added, [.providerEnabled("budget"), .callsAllowed(provider: "budget", direction: .incoming)]))
        #expect(causes(old: [F.provider("acme")], new: [F.provider("acme"), F.provider("sipgate")], .outbound, "outbound-sipgate")
            == (.added, [.providerAdded("sipgate")]))
    }

    @Test func sentencesNameTheProviderAndWhatChanged() {
        let old = F.bundle(providers: [F.provider("acme"), F.provider("budget")])
        let new = F.bundle(providers: [F.provider("acme"), F.provider("budget", outgoing: false)])
        let text = HumanDiffRenderer(colors: false).render(BundleDiff.compare(old: old, new: new))
        #expect(text.contains("  - outbound-budget removed — provider `budget` now refuses outgoing calls (generated; was providers.yaml:1:6)\n"))
        #expect(Cause.rulesSetting(provider: "budget", direction: .outgoing, value: "none").text
            == "`rules.outbound` of provider `budget` is now `none`")
        #expect(Cause.providerDisabled("budget").text == "provider `budget` was disabled")
        #expect(Cause.providerRemoved("budget").text == "provider `budget` was removed")
    }

    @Test func anExplicitRuleReplacingTheGeneratedOneIsAChangeWithItsReason() {
        let old = F.bundle(providers: [F.provider("acme")])
        let new = F.bundle(providers: [F.provider("acme")], outbound: [F.outbound("outbound-acme", prefixes: ["0"], routes: ["acme"])])
        let rule = try! #require(change(BundleDiff.compare(old: old, new: new), .outbound, "outbound-acme"))
        #expect(rule.kind == .changed)
        #expect(rule.causes == [.replacedByExplicitRule])
        #expect(rule.fields.map(\.path) == ["generated_for", "prefixes"])
        let back = try! #require(change(BundleDiff.compare(old: new, new: old), .outbound, "outbound-acme"))
        #expect(back.causes == [.generatedAgain(provider: "acme")])
    }
}

@Suite struct OrderChangeTests {
    @Test func theFallbackChainOfGeneratedRules() {
        let old = F.bundle(providers: [F.provider("a"), F.provider("b")])
        let new = F.bundle(providers: [F.provider("b"), F.provider("a")])
        let difference = BundleDiff.compare(old: old, new: new)
        #expect(difference.changes.isEmpty, "provider order is no change of any object")
        let outbound = try! #require(difference.orderChanges.first { $0.section == .outbound })
        #expect(outbound.old == ["outbound-a", "outbound-b"])
        #expect(outbound.new == ["outbound-b", "outbound-a"])
        #expect(outbound.moved.count == 1)
        #expect(outbound.effects == [.fallbackOrder(old: ["a", "b"], new: ["b", "a"], onlyGenerated: true)])
        #expect(outbound.effects[0].text
            == "numbers that no explicit rule matches now go out through `b` first, then `a` (was `a` first, then `b`)")
        // The generated inbound rules swapped too, but they never match the same call.
        let inbound = try! #require(difference.orderChanges.first { $0.section == .inbound })
        #expect(inbound.effects == [.noOverlap(section: .inbound, first: "inbound-b", second: "inbound-a")])
    }

    @Test func explicitOutboundRulesThatOverlapAndThatDoNot() {
        let providers = [F.provider("acme", rules: ("none", "none")), F.provider("northwind", rules: ("none", "none"))]
        let national = F.outbound("national", prefixes: ["0"], min: 6, routes: ["northwind", "acme"])
        let mobile = F.outbound("mobile", prefixes: ["01"], routes: ["acme"])
        let russia = F.outbound("russia", prefixes: ["89"], min: 11, max: 11, routes: ["acme"])
        let emergency = F.outbound("emergency", prefixes: ["112"], max: 3, routes: ["northwind"])
        let old = F.bundle(providers: providers, outbound: [emergency, national, mobile, russia])
        let new = F.bundle(providers: providers, outbound: [emergency, mobile, russia, national])
        let order = try! #require(BundleDiff.compare(old: old, new: new).orderChanges.first)
        #expect(order.moved == ["national"])
        #expect(order.effects == [
            .outboundPrecedence(first: "mobile", firstProviders: ["acme"], second: "national", secondProviders: ["northwind", "acme"]),
            .noOverlap(section: .outbound, first: "russia", second: "national"),
        ])
        #expect(order.effects[0].text == "numbers that both `mobile` and `national` match now try `mobile` (through `acme`) before `national` (through `northwind`, `acme`)")
    }

    @Test func lengthBoundsDecideOverlap() {
        let short = F.outbound("short", prefixes: ["1"], max: 3, routes: ["a"])
        let long = F.outbound("long", prefixes: ["11"], min: 4, routes: ["a"])
        let tooLongPrefix = F.outbound("x", prefixes: ["1123"], routes: ["a"])
        let any = F.outbound("any", routes: ["a"])
        #expect(!OrderAnalysis.overlaps(short, long))
        #expect(!OrderAnalysis.overlaps(short, tooLongPrefix), "a 4-character prefix cannot fit in 3 characters")
        #expect(OrderAnalysis.overlaps(long, tooLongPrefix))
        #expect(OrderAnalysis.overlaps(any, short))
        #expect(!OrderAnalysis.overlaps(F.outbound("p", prefixes: ["+7"], routes: ["a"]), F.outbound("q", prefixes: ["8"], routes: ["a"])))
    }

    @Test func inboundRulesThatOverlapNowRingOtherExtensions() {
        let providers = [F.provider("northwind", rules: ("none", "auto"))]
        let sales = F.inbound("sales-line", provider: "northwind", called: ["+4930123457"], to: ["102"])
        let keyCustomers = F.inbound("key-customers", caller: ["+4930555"], to: ["101", "100"])
        let otherProvider = F.inbound("acme-only", provider: "acme", to: ["100"])
        let old = F.bundle(providers: providers, inbound: [sales, keyCustomers, otherProvider])
        let new = F.bundle(providers: providers, inbound: [otherProvider, keyCustomers, sales])
        let order = try! #require(BundleDiff.compare(old: old, new: new).orderChanges.first)
        #expect(order.section == .inbound)
        #expect(order.old == ["sales-line", "key-customers", "acme-only"])
        #expect(order.new == ["acme-only", "key-customers", "sales-line"])
        #expect(order.effects.contains(
            .inboundPrecedence(first: "key-customers", firstExtensions: ["101", "100"], second: "sales-line", secondExtensions: ["102"])))
        #expect(order.effects.contains(.noOverlap(section: .inbound, first: "acme-only", second: "sales-line")))
        #expect(OrderEffect.inboundPrecedence(first: "key-customers", firstExtensions: ["101", "100"], second: "sales-line", secondExtensions: ["102"]).text
            == "calls that both `key-customers` and `sales-line` match now ring `101`, `100` (rule `key-customers`) instead of `102` (rule `sales-line`)")
    }

    @Test func onlyRulesPresentInBothCount() {
        let providers = [F.provider("acme", rules: ("none", "none"))]
        let a = F.outbound("a", prefixes: ["1"], routes: ["acme"]), b = F.outbound("b", prefixes: ["2"], routes: ["acme"])
        let c = F.outbound("c", prefixes: ["3"], routes: ["acme"])
        // `c` is inserted before `a`, and `b` removed: the common rules keep their order.
        let difference = BundleDiff.compare(
            old: F.bundle(providers: providers, outbound: [a, b]), new: F.bundle(providers: providers, outbound: [c, a]))
        #expect(difference.orderChanges.isEmpty)
    }

    @Test func manySwapsAreCountedNotListed() {
        let providers = [F.provider("acme", rules: ("none", "none"))]
        let rules = (0..<30).map { F.outbound("r\($0)", prefixes: ["\($0 + 100)"], routes: ["acme"]) }
        let difference = BundleDiff.compare(
            old: F.bundle(providers: providers, outbound: rules), new: F.bundle(providers: providers, outbound: rules.reversed()))
        let order = try! #require(difference.orderChanges.first)
        #expect(order.effects.count == OrderAnalysis.describedPairs + 1)
        #expect(order.effects.last == .more(30 * 29 / 2 - OrderAnalysis.describedPairs))
        #expect(order.moved.count == 29)
    }

    @Test func longestIncreasingSubsequenceAndInversions() {
        #expect(Order.longestIncreasingSubsequence([0, 3, 1, 2, 4]) == [0, 1, 2, 4])
        #expect(Order.longestIncreasingSubsequence([]) == [])
        #expect(Order.inversions([0, 3, 1, 2, 4]) == 2)
        #expect(Order.inversions([3, 2, 1, 0]) == 6)
        #expect(Order.inversions([]) == 0)
    }
}
