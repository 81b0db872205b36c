import Testing
@testable import ManifestCompiler

/// Every cross-object check with a failing and a passing case.
@Suite struct CrossObjectTests {
    /// Providers `acme` and `beta` (standard) with generated inbound rules turned off, extensions
    /// 100 and 101; `providerExtra` is added to acme's mapping.
    private func manifest(_ rules: String, acme: String = "", beta: String = "") -> ManifestChecker.Result {
        check("""
            extensions:
              - { number: "100", password: { env: E100 } }
              - { number: "101", password: { env: E101 } }
            providers:
              - { name: acme, server: sip.acme.example, login: "1", password: { env: A }, rules: { inbound: none }\(acme) }
              - { name: beta, server: sip.beta.example, login: "2", password: { env: B }, rules: { inbound: none }\(beta) }
            \(rules)
            """)
    }

    // MARK: References

    @Test func unknownProviderWithSuggestion() throws {
        let result = manifest("outbound:\n  - { name: r, routes: [acne] }\ninbound:\n  - { name: i, provider: unknown, to: { extensions: [\"100\"] } }")
        #expect(codes(result) == ["SB2060", "SB2060"])
        #expect(result.diagnostics.sorted().first?.help == "did you mean `acme`?")
        #expect(result.diagnostics.sorted().last?.help == "the providers are: `acme`, `beta`")
        #expect(codes(manifest("outbound:\n  - { name: r, routes: [acme] }")).isEmpty)
    }

    @Test func unknownExtension() throws {
        let result = manifest("inbound:\n  - { name: i, to: { extensions: [\"100\", \"110\"] } }\ndefaults: { inbound_destination: { extensions: [\"999\"] } }")
        #expect(locations(result) == ["SB2061@8:42", "SB2061@9:49"])
        #expect(result.diagnostics.sorted().first?.help == "did you mean `100`?")
        #expect(codes(manifest("inbound:\n  - { name: i, to: { extensions: [\"100\", \"101\"] } }")).isEmpty)
    }

    // MARK: Providers that cannot carry the call

    @Test func routeThroughDisabledProvider() {
        let result = manifest("outbound:\n  - { name: r, starts_with: [\"8\"], routes: [acme, beta] }", beta: ", enabled: false")
        #expect(locations(result) == ["SB2062@8:51"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(codes(manifest("outbound:\n  - { name: r, starts_with: [\"8\"], routes: [acme, beta] }")).isEmpty)
    }

    @Test func routeThroughOutgoingDenied() {
        let result = manifest("outbound:\n  - { name: r, starts_with: [\"8\"], routes: [acme, beta] }", beta: ", calls: { outgoing: false }")
        #expect(locations(result) == ["SB2063@8:51"])
    }

    @Test func ruleWithoutAnyUsableRoute() throws {
        let result = manifest("outbound:\n  - { name: r, starts_with: [\"8\"], routes: [beta] }", beta: ", enabled: false")
        #expect(codes(result) == ["SB2065", "SB2062"])
        #expect(result.diagnostics.first { $0.code == .ruleWithoutUsableRoute }?.severity == .error)
    }

    @Test func inboundForProviderThatRefusesCalls() {
        let result = manifest("inbound:\n  - { name: i, provider: beta, to: { extensions: [\"100\"] } }", beta: ", calls: { incoming: false }")
        #expect(locations(result) == ["SB2064@8:26"])
        #expect(codes(manifest("inbound:\n  - { name: i, provider: beta, to: { extensions: [\"100\"] } }")).isEmpty)
    }

    // MARK: Reachability

    @Test func shadowedOutboundRule() throws {
        let result = manifest("""
            outbound:
              - { name: all-eights, starts_with: ["8"], routes: [acme, beta] }
              - { name: moscow, starts_with: ["8495"], routes: [beta] }
            """)
        #expect(locations(result) == ["SB2066@9:13"])
        #expect(result.diagnostics.first?.related.first?.span.start.line == 8)
    }

    @Test func laterRuleWithAnotherProviderIsAFallbackNotShadowed() {
        let result = manifest("""
            outbound:
              - { name: all-eights, starts_with: ["8"], routes: [acme] }
              - { name: moscow, starts_with: ["8495"], routes: [beta] }
            """)
        #expect(codes(result).isEmpty)
    }

    @Test func lengthBoundsNarrowCoverage() {
        let result = manifest("""
            outbound:
              - { name: short, starts_with: ["8"], length: { max: 5 }, routes: [acme] }
              - { name: long, starts_with: ["8"], length: { min: 11 }, routes: [acme] }
            """)
        #expect(codes(result).isEmpty)
    }

    @Test func shadowedInboundRule() {
        let result = manifest("""
            inbound:
              - { name: everything, to: { extensions: ["100"] } }
              - { name: sales, provider: acme, starts_with: ["+7495"], to: { extensions: ["101"] } }
            """)
        #expect(locations(result) == ["SB2066@9:13"])
        let specificFirst = manifest("""
            inbound:
              - { name: sales, provider: acme, starts_with: ["+7495"], to: { extensions: ["101"] } }
              - { name: everything, to: { extensions: ["100"] } }
            """)
        #expect(codes(specificFirst).isEmpty)
    }

    @Test func inboundCallerPrefixesNarrowCoverage() {
        let result = manifest("""
            inbound:
              - { name: vip, caller_starts_with: ["+4930555"], to: { extensions: ["101"] } }
              - { name: rest, caller_starts_with: ["+49"], to: { extensions: ["100"] } }
            """)
        #expect(codes(result).isEmpty)
    }

    @Test func catchAllBeforeSpecificRules() throws {
        let result = manifest("""
            outbound:
              - { name: anything, routes: [acme] }
              - { name: mobile, starts_with: ["89"], routes: [beta] }
              - { name: moscow, starts_with: ["8495"], routes: [beta] }
            """)
        #expect(locations(result) == ["SB2067@8:13"])
        #expect(result.diagnostics.first?.related.first?.span.start.line == 9)
        let ordered = manifest("""
            outbound:
              - { name: mobile, starts_with: ["89"], routes: [beta] }
              - { name: anything, routes: [acme] }
            """)
        #expect(codes(ordered).isEmpty)
    }

    // MARK: Dial plan

    @Test func stripLongerThanPrefix() throws {
        let result = manifest("outbound:\n  - { name: r, starts_with: [\"8\", \"+7\"], routes: [{ provider: acme, strip: 2 }] }")
        #expect(locations(result) == ["SB2068@8:76"])
        #expect(result.diagnostics.first?.help == "strip at most 1, or use longer prefixes")
        #expect(codes(manifest("outbound:\n  - { name: r, starts_with: [\"8\", \"+7\"], routes: [{ provider: acme, strip: 1 }] }")).isEmpty)
        #expect(codes(manifest("outbound:\n  - { name: r, routes: [{ provider: acme, strip: 1 }] }")) == ["SB2068"])
    }

    @Test func prefixThatCapturesExtensions() throws {
        let result = manifest("outbound:\n  - { name: r, starts_with: [\"1\"], routes: [acme] }")
        #expect(locations(result) == ["SB2069@8:30"])
        #expect(result.diagnostics.first?.message == "prefix `1` of outbound rule `r` matches extension `100` and 1 more")
        #expect(result.diagnostics.first?.help == "add `length: { min: 4 }` or use a longer prefix")
        #expect(codes(manifest("outbound:\n  - { name: r, starts_with: [\"1\"], length: { min: 4 }, routes: [acme] }")).isEmpty)
        #expect(codes(manifest("outbound:\n  - { name: r, starts_with: [\"11\"], routes: [acme] }")).isEmpty)
    }

    // MARK: Trunks and registrations

    private func trunks(_ first: String, _ second: String) -> ManifestChecker.Result {
        check("""
            providers:
              - { name: t1, type: trunk, server: t1.example, trunk: { allow: [\(first)] }, rules: { inbound: none } }
              - { name: t2, type: trunk, server: t2.example, trunk: { allow: [\(second)] }, rules: { inbound: none } }
            """)
    }

    @Test func identicalTrunkRangesAreAnError() throws {
        let result = trunks("198.51.100.0/28", "\"198.51.100.0/28\"")
        #expect(codes(result) == ["SB2070"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.related.first?.span.start.line != diagnostic.span.start.line)
    }

    @Test func nestedTrunkRangesWarn() {
        let result = trunks("198.51.100.0/24", "198.51.100.16/28")
        #expect(codes(result) == ["SB2071"])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func distinctTrunkRangesAndPortsAreFine() {
        #expect(codes(trunks("198.51.100.0/28", "198.51.100.16/28")).isEmpty)
        #expect(codes(trunks("\"198.51.100.1:5060\"", "\"198.51.100.1:5080\"")).isEmpty)
        #expect(codes(trunks("198.51.100.0/28", "\"2001:db8::/32\"")).isEmpty)
    }

    @Test func derivedAllowListsAreComparedToo() {
        let result = check("""
            providers:
              - { name: t1, type: trunk, server: 198.51.100.7, rules: { inbound: none } }
              - { name: t2, type: trunk, server: 198.51.100.7, rules: { inbound: none } }
            """)
        #expect(codes(result) == ["SB2070"])
    }

    @Test func twoProvidersRegisteringTheSameLogin() {
        let same = manifest("", beta: "").diagnostics.isEmpty
        #expect(same)
        let result = check("""
            providers:
              - { name: a, server: sip.acme.example, login: "1", password: { env: A }, rules: { inbound: none } }
              - { name: b, server: SIP.ACME.example:5080, login: "1", password: { env: B }, rules: { inbound: none } }
            """)
        #expect(locations(result) == ["SB2072@3:54"])
        let failover = check("""
            providers:
              - { name: a, servers: [x.example, y.example], login: "1", password: { env: A }, rules: { inbound: none } }
              - { name: b, server: y.example, login: "1", password: { env: B }, rules: { inbound: none } }
            """)
        #expect(codes(failover) == ["SB2072"])
    }
}
