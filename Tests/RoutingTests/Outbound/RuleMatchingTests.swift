import RuntimeBundle
import Testing
@testable import Routing

@Suite struct RuleMatchingTests {
    @Test func emptyPrefixesMatchEveryNumber() {
        let rule = Fixtures.outbound("all", routes: [Fixtures.route("p")])
        for number in ["0", "110", "+4930123456", "*21#", ""] {
            #expect(rule.matches(number), "\(number)")
        }
    }

    @Test func anyPrefixOfTheListMatches() {
        let rule = Fixtures.outbound("mobile", prefixes: ["8", "+7"], routes: [Fixtures.route("p")])
        #expect(rule.matches("89161234567"))
        #expect(rule.matches("+79161234567"))
        #expect(rule.matches("8"))
        #expect(!rule.matches("79161234567"))
        #expect(!rule.matches("+8"))
        #expect(!rule.matches(""))
        // Numbers are compared as written: no normalisation of + or 00.
        #expect(!Fixtures.outbound("plus", prefixes: ["+49"], routes: []).matches("0049301234"))
    }

    @Test func lengthBoundsAreInclusive() {
        let rule = Fixtures.outbound("bounded", prefixes: ["0"], min: 6, max: 12, routes: [Fixtures.route("p")])
        #expect(!rule.matches("01234"))
        #expect(rule.matches("012345"))
        #expect(rule.matches("012345678901"))
        #expect(!rule.matches("0123456789012"))
        let exact = Fixtures.outbound("exact", prefixes: ["89"], min: 11, max: 11, routes: [])
        #expect(exact.matches("89161234567"))
        #expect(!exact.matches("8916123456"))
        #expect(!exact.matches("891612345678"))
        #expect(Fixtures.outbound("min-only", min: 3, routes: []).matches("123456789012345678901234567890"))
        #expect(Fixtures.outbound("max-only", max: 3, routes: []).matches("1"))
        #expect(!Fixtures.outbound("max-only", max: 3, routes: []).matches("1234"))
    }

    @Test func lengthCountsCharactersIncludingPlusAndStar() {
        let rule = Fixtures.outbound("three", min: 3, max: 3, routes: [])
        #expect(rule.matches("+12"))
        #expect(rule.matches("*2#"))
        #expect(!rule.matches("+123"))
    }

    @Test func rewriteStripsThenPrepends() {
        #expect(Fixtures.route("p", strip: 1, prepend: "+49").rewrite("0301234567") == "+49301234567")
        #expect(Fixtures.route("p", strip: 1, prepend: "+7").rewrite("89161234567") == "+79161234567")
        #expect(Fixtures.route("p").rewrite("112") == "112")
        #expect(Fixtures.route("p", prepend: "0").rewrite("112") == "0112")
        #expect(Fixtures.route("p", strip: 2).rewrite("0049301234") == "49301234")
        // Everything stripped: only what is prepended is left, and nothing at all is refused.
        #expect(Fixtures.route("p", strip: 3, prepend: "+4930").rewrite("100") == "+4930")
        #expect(Fixtures.route("p", strip: 3).rewrite("100") == nil)
        #expect(Fixtures.route("p", strip: 4, prepend: "+49").rewrite("100") == nil)
        #expect(Fixtures.route("p").rewrite("") == nil)
    }
}
