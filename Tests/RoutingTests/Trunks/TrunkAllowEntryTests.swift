import Testing
@testable import Routing

@Suite struct TrunkAllowEntryTests {
    @Test(arguments: [
        ("198.51.100.7", "::ffff:198.51.100.7", 128, nil),
        ("198.51.100.0/28", "::ffff:198.51.100.0", 124, nil),
        ("198.51.100.7:5060", "::ffff:198.51.100.7", 128, 5060),
        ("198.51.100.0/28:5061", "::ffff:198.51.100.0", 124, 5061),
        ("198.51.100.7/32", "::ffff:198.51.100.7", 128, nil),
        ("128.0.0.0/1", "::ffff:128.0.0.0", 97, nil),
        ("2001:db8::1", "2001:db8::1", 128, nil),
        ("2001:db8::/48", "2001:db8::", 48, nil),
        ("[2001:db8::1]:5060", "2001:db8::1", 128, 5060),
        ("[2001:db8::/48]:5060", "2001:db8::", 48, 5060),
        ("[2001:db8::1]", "2001:db8::1", 128, nil),
        ("2001:db8::1/128", "2001:db8::1", 128, nil),
        ("8000::/1", "8000::", 1, nil),
        ("::ffff:198.51.100.0/120", "::ffff:198.51.100.0", 120, nil),
    ] as [(String, String, Int, Int?)])
    func parsesEveryForm(_ text: String, _ network: String, _ prefix: Int, _ port: Int?) throws {
        let entry = try TrunkAllowEntry(parsing: text)
        #expect(entry.network == TrunkAddress(network))
        #expect(entry.prefixLength == prefix)
        #expect(entry.port == port)
    }

    @Test(arguments: [
        ("sbc.provider.example", TrunkAllowEntry.ParseError.notAnAddress("sbc.provider.example")),
        ("010.0.0.1", .notAnAddress("010.0.0.1")),
        ("198.51.100", .notAnAddress("198.51.100")),
        ("256.0.0.1", .notAnAddress("256.0.0.1")),
        ("fe80::1%eth0", .notAnAddress("fe80::1%eth0")),
        ("", .notAnAddress("")),
        ("198.51.100.7/33", .invalidPrefix("33", maximum: 32)),
        ("2001:db8::/129", .invalidPrefix("129", maximum: 128)),
        ("198.51.100.0/028", .invalidPrefix("028", maximum: 32)),
        ("198.51.100.0/", .invalidPrefix("", maximum: 32)),
        ("198.51.100.0/-1", .invalidPrefix("-1", maximum: 32)),
        ("0.0.0.0/0", .zeroPrefix),
        ("::/0", .zeroPrefix),
        ("198.51.100.7/28", .hostBitsSet(prefix: 28)),
        ("2001:db8::1/48", .hostBitsSet(prefix: 48)),
        ("198.51.100.7:0", .invalidPort("0")),
        ("198.51.100.7:65536", .invalidPort("65536")),
        ("198.51.100.7:", .invalidPort("")),
        ("198.51.100.7:05060", .invalidPort("05060")),
        ("[2001:db8::1", .unclosedBracket),
        ("[2001:db8::1]5060", .textAfterBracket("5060")),
        ("[2001:db8::1]:x", .invalidPort("x")),
    ] as [(String, TrunkAllowEntry.ParseError)])
    func refusesMalformedEntries(_ text: String, _ expected: TrunkAllowEntry.ParseError) {
        #expect(throws: expected) { try TrunkAllowEntry(parsing: text) }
    }

    @Test func portBoundEntryMatchesOnlyItsPort() throws {
        let entry = try TrunkAllowEntry(parsing: "198.51.100.7:5060")
        let address = try #require(TrunkAddress("198.51.100.7"))
        #expect(entry.matches(address, port: 5060))
        #expect(!entry.matches(address, port: 5061))
    }
}

@Suite struct TrunkAddressTests {
    @Test func ipv4AndItsMappedFormAreOneAddress() {
        #expect(TrunkAddress("198.51.100.7") == TrunkAddress("::ffff:198.51.100.7"))
        #expect(TrunkAddress("198.51.100.7") == TrunkAddress("::FFFF:c633:6407"))
        #expect(TrunkAddress("198.51.100.7")?.isIPv4 == true)
        #expect(TrunkAddress("2001:db8::1")?.isIPv4 == false)
        // IPv4-compatible (deprecated) is not IPv4-mapped.
        #expect(TrunkAddress("::198.51.100.7") != TrunkAddress("198.51.100.7"))
    }

    @Test func storesBitsInNetworkOrder() {
        #expect(TrunkAddress("0.0.0.1")?.bits == 0xFFFF_0000_0001)
        #expect(TrunkAddress("255.255.255.255")?.bits == 0xFFFF_FFFF_FFFF)
        #expect(TrunkAddress("::1")?.bits == 1)
        #expect(TrunkAddress("8000::")?.bits == UInt128(1) << 127)
        #expect(TrunkAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")?.bits == ~UInt128(0))
    }

    @Test(arguments: ["", "198.51.100.7\u{0}", "198.51.100.7\u{0}junk", "::1\u{0}", "1.2.3", "1.2.3.4.5", " 1.2.3.4", "1.2.3.4 ", "01.2.3.4", "[::1]", "::1%lo", "1:2:3", "host.example", "::g"])
    func refusesWhatIsNotAnAddress(_ text: String) {
        #expect(TrunkAddress(text) == nil)
    }
}
