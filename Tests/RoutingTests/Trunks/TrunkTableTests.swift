import RuntimeBundle
import Testing
@testable import Routing

@Suite struct TrunkTableTests {
    static func table(_ entries: [(String, String)]) throws -> TrunkTable {
        try TrunkTable(entries: entries.map { (provider: $0.0, text: $0.1) })
    }

    @Test func longestPrefixWins() throws {
        let table = try Self.table([
            ("wide", "198.51.100.0/24"), ("narrow", "198.51.100.0/28"), ("host", "198.51.100.7"),
            ("six-wide", "2001:db8::/32"), ("six-narrow", "2001:db8:100::/48"), ("six-host", "2001:db8:100::1"),
        ])
        #expect(table.provider(forSource: "198.51.100.7", port: 5060) == "host")
        #expect(table.provider(forSource: "198.51.100.8", port: 5060) == "narrow")
        #expect(table.provider(forSource: "198.51.100.15", port: 5060) == "narrow")
        #expect(table.provider(forSource: "198.51.100.16", port: 5060) == "wide")
        #expect(table.provider(forSource: "198.51.101.1", port: 5060) == nil)
        #expect(table.provider(forSource: "2001:db8:100::1", port: 5060) == "six-host")
        #expect(table.provider(forSource: "2001:db8:100::2", port: 5060) == "six-narrow")
        #expect(table.provider(forSource: "2001:db8:200::1", port: 5060) == "six-wide")
        #expect(table.provider(forSource: "2001:db9::1", port: 5060) == nil)
        #expect(table.entryCount == 6)
    }

    @Test func portBoundEntryBeatsTheSamePrefixWithoutPort() throws {
        let table = try Self.table([
            ("any-port", "198.51.100.7"), ("sip-port", "198.51.100.7:5060"), ("net-port", "198.51.100.0/28:5080"),
            ("six-any", "2001:db8::1"), ("six-port", "[2001:db8::1]:5060"),
        ])
        #expect(table.provider(forSource: "198.51.100.7", port: 5060) == "sip-port")
        #expect(table.provider(forSource: "198.51.100.7", port: 5061) == "any-port")
        // A longer prefix without a port still beats a shorter one with the matching port.
        #expect(table.provider(forSource: "198.51.100.7", port: 5080) == "any-port")
        #expect(table.provider(forSource: "198.51.100.8", port: 5080) == "net-port")
        #expect(table.provider(forSource: "198.51.100.8", port: 5060) == nil)
        #expect(table.provider(forSource: "2001:db8::1", port: 5060) == "six-port")
        #expect(table.provider(forSource: "2001:db8::1", port: 5062) == "six-any")
    }

    @Test func ipv4MappedSourcesMatchIPv4Entries() throws {
        let table = try Self.table([("northwind", "198.51.100.0/28"), ("mapped", "::ffff:203.0.113.0/120")])
        #expect(table.provider(forSource: "::ffff:198.51.100.3", port: 5060) == "northwind")
        #expect(table.provider(forSource: "::ffff:198.51.100.16", port: 5060) == nil)
        // An entry written in the mapped form is the same range as the IPv4 one.
        #expect(table.provider(forSource: "203.0.113.9", port: 5060) == "mapped")
        // Only the mapped form, not IPv4-compatible or plain IPv6 with the same low bits.
        #expect(table.provider(forSource: "::198.51.100.3", port: 5060) == nil)
    }

    @Test func slash32AndSlash128AreOneAddress() throws {
        let table = try Self.table([("v4", "192.0.2.1/32"), ("v6", "2001:db8::1/128")])
        #expect(table.provider(forSource: "192.0.2.1", port: 1) == "v4")
        #expect(table.provider(forSource: "192.0.2.0", port: 1) == nil)
        #expect(table.provider(forSource: "192.0.2.2", port: 1) == nil)
        #expect(table.provider(forSource: "2001:db8::1", port: 1) == "v6")
        #expect(table.provider(forSource: "2001:db8::", port: 1) == nil)
    }

    @Test func shortestPrefixesCoverHalfTheSpace() throws {
        let table = try Self.table([("upper-v4", "128.0.0.0/1"), ("upper-v6", "8000::/1")])
        #expect(table.provider(forSource: "255.255.255.255", port: 5060) == "upper-v4")
        #expect(table.provider(forSource: "127.255.255.255", port: 5060) == nil)
        #expect(table.provider(forSource: "ffff::1", port: 5060) == "upper-v6")
        #expect(table.provider(forSource: "7fff::1", port: 5060) == nil)
        // An IPv4 range never swallows IPv6 sources, nor the reverse.
        #expect(table.provider(forSource: "::ffff:128.0.0.1", port: 5060) == "upper-v4")
    }

    @Test func slashZeroIsALoadError() {
        #expect(throws: TrunkTable.LoadError.malformedEntry(provider: "open", entry: "0.0.0.0/0", reason: .zeroPrefix)) {
            try Self.table([("open", "0.0.0.0/0")])
        }
        #expect(throws: TrunkTable.LoadError.malformedEntry(provider: "open", entry: "::/0", reason: .zeroPrefix)) {
            try Self.table([("open", "::/0")])
        }
    }

    @Test func malformedEntryNamesProviderAndEntry() {
        let bundle = Fixtures.bundle(providers: [
            Fixtures.provider("good", type: "trunk", allow: ["198.51.100.0/28"]),
            Fixtures.provider("bad", type: "trunk", allow: ["198.51.100.7", "sbc.bad.example"]),
        ])
        do {
            _ = try TrunkTable(bundle: bundle)
            Issue.record("a host name in trunk.allow was accepted")
        } catch {
            #expect(error == .malformedEntry(provider: "bad", entry: "sbc.bad.example", reason: .notAnAddress("sbc.bad.example")))
            #expect(error.description == "trunk `bad`: allow entry `sbc.bad.example` is not a source range: "
                + "`sbc.bad.example` is not an IPv4 or IPv6 address")
        }
    }

    @Test func sameRangeInTwoProvidersIsALoadError() throws {
        #expect(throws: TrunkTable.LoadError.ambiguousEntry(entry: "198.51.100.0/28", providers: ["first", "second"])) {
            try Self.table([("first", "198.51.100.0/28"), ("second", "198.51.100.0/28")])
        }
        // The same address in two spellings is the same range.
        #expect(throws: TrunkTable.LoadError.ambiguousEntry(entry: "198.51.100.7", providers: ["first", "second"])) {
            try Self.table([("first", "198.51.100.7"), ("second", "::ffff:198.51.100.7/128")])
        }
        // Different ports are different entries, and a repeat within one provider is harmless.
        let table = try Self.table([("first", "198.51.100.7:5060"), ("second", "198.51.100.7:5080"), ("first", "198.51.100.7:5060")])
        #expect(table.entryCount == 2)
        #expect(table.provider(forSource: "198.51.100.7", port: 5080) == "second")
    }

    @Test func onlyEnabledTrunksAreRecognised() throws {
        let bundle = Fixtures.bundle(providers: [
            Fixtures.provider("on", type: "trunk", allow: ["198.51.100.0/28"]),
            Fixtures.provider("off", type: "trunk", enabled: false, allow: ["203.0.113.0/24"]),
            Fixtures.provider("standard", allow: ["192.0.2.0/24"]),
        ])
        let table = try TrunkTable(bundle: bundle)
        #expect(table.provider(forSource: "198.51.100.1", port: 5060) == "on")
        #expect(table.provider(forSource: "203.0.113.1", port: 5060) == nil)
        #expect(table.provider(forSource: "192.0.2.1", port: 5060) == nil)
    }

    @Test(arguments: ["", "not-an-address", "198.51.100.1:5060", "[2001:db8::1]", "fe80::1%eth0", "198.51.100.01"])
    func sourcesThatAreNotAddressesMatchNothing(_ host: String) throws {
        let table = try Self.table([("wide", "128.0.0.0/1"), ("lower", "0.0.0.0/1"), ("six", "2000::/3")])
        #expect(table.provider(forSource: host, port: 5060) == nil)
    }

    /// The table against the obvious linear scan over random sources near the entries.
    @Test func agreesWithALinearScan() throws {
        let texts = [
            ("a", "10.0.0.0/8"), ("b", "10.1.0.0/16"), ("c", "10.1.2.0/24"), ("d", "10.1.2.3"), ("e", "10.1.2.3:5060"),
            ("f", "10.1.2.0/24:5070"), ("g", "2001:db8::/32"), ("h", "2001:db8:1::/48"), ("i", "[2001:db8:1::5]:5060"),
        ]
        let table = try Self.table(texts)
        let entries = try texts.map { ($0.0, try TrunkAllowEntry(parsing: $0.1)) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let base = try #require(entries.randomElement(using: &generator)).1.network.bits
            let address = TrunkAddress(bits: base ^ (UInt128(UInt64.random(in: 0...0xFFFF, using: &generator)) << Int.random(in: 0...24)))
            let port = [5060, 5070, 5080].randomElement(using: &generator)!
            let expected = entries.filter { $0.1.matches(address, port: port) }
                .max { ($0.1.prefixLength, $0.1.port == nil ? 0 : 1) < ($1.1.prefixLength, $1.1.port == nil ? 0 : 1) }?.0
            #expect(table.provider(forSource: address, port: port) == expected)
        }
    }
}
