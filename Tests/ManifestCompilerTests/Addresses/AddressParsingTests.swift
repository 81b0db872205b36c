import Testing
@testable import ManifestCompiler

/// The address parsers read printable ASCII on its UTF-8 bytes and fall back to the
/// `Character`-based rules for anything else. These tests hold the byte paths to exactly what the
/// general rules say, on hand-picked and on generated text.
@Suite struct AddressParsingTests {
    static let handPicked: [String] = [
        "", "a", "sip.acme.example", "SIP.Acme.Example:5080", "203.0.113.5", "203.0.113.5:65535",
        "[2001:db8::1]:5060", "[2001:db8::1]", "2001:db8::1", "[2001:DB8:0:0::1]", "a-1.b", "[", "]", "[]", "[]:",
        "[::1]x", "[::1]:", ":", "::", ":5060", "host:", "a:b:c", "sip:sip.acme.example", "SIPS:host:5061",
        "tel:+123", "sipx:host", "user@host", "user@host:5060", "a@b@c", "host;transport=tcp", "host;transport=tcp;x=y",
        "sip:100@sip.acme.example;transport=tcp", "host/path", "host?header=1", "host:5060/path", "010.1.2.3",
        "256.1.2.3", "1.2.3", "1.2.3.4.", "1..2.3", ".", "..", "sip_acme.example", "-acme.example", "acme-.example",
        "acme..example", "sip.acme.example.", "fe80::1%eth0", "[2001:db8::g]:5060", "::ffff:1.2.3.4", "1.2.3.4:0",
        String(repeating: "a", count: 64) + ".example", String(repeating: "c", count: 63) + ".example",
        Array(repeating: String(repeating: "b", count: 60), count: 5).joined(separator: "."), "A-B.C-D", "0x7f.0.0.1",
    ]

    /// Deterministic text over the characters that matter to the parsers.
    static let generated: [String] = {
        let pieces = ["a", "Z", "0", "9", "1", "25", ".", ":", "::", "[", "]", "-", "_", "@", ";", "/", "?", "%", "sip", "SIPS",
                      "tel", ";transport=", "tls", "f", "G", "~"]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<4000).map { _ in (0..<next(9)).map { _ in pieces[next(pieces.count)] }.joined() }
    }()

    @Test func shorthandBytePathMatchesTheGeneralRules() {
        for text in Self.handPicked + Self.generated {
            #expect(AddressShorthand(Substring(text)) == AddressShorthand(general: Substring(text)), "\(text)")
        }
    }

    @Test func hostBytePathMatchesTheGeneralRules() {
        for text in Self.handPicked + Self.generated where text.utf8.allSatisfy(ASCII.isPrintable) {
            #expect(HostName.parseASCII(Substring(text)) == HostName.parseGeneral(Substring(text)), "\(text)")
        }
    }

    /// Text outside printable ASCII takes the general path, cut at whole characters.
    @Test func nonASCIIAndWhiteSpaceTakeTheGeneralPath() {
        for text in ["héllo.example", "a b", "host\r\n:5060", "東京.example:5060", "e\u{301}:1", ":\u{301}5060"] {
            #expect(AddressShorthand(Substring(text)) == AddressShorthand(general: Substring(text)))
            #expect(HostName.parse(Substring(text)) == HostName.parseGeneral(Substring(text)))
        }
        #expect(HostName.parse("héllo.example") == .failure(.invalidCharacter("é", label: "héllo")))
        #expect(HostName.parse("a\r\nb") == .failure(.invalidCharacter("\r\n", label: "a\r\nb")))
    }

    @Test func hostNamesAreLowercasedOnlyWhenNeeded() {
        #expect(HostName.parse("SIP.Acme.Example") == .success(.name("sip.acme.example")))
        #expect(HostName.parse("sip.acme.example") == .success(.name("sip.acme.example")))
    }

    @Test func ipAddressesOnBytes() throws {
        #expect(try IPAddress.parse("203.0.113.1").get() == .v4(0xCB00_7101))
        #expect(try IPAddress.parse("::1").get().description == "::1")
        #expect(IPAddress.parseIPv4("1.2.3.4\u{301}") == .failure(.notAnAddress))
        #expect(IPAddress.parseIPv4("1.2.3.1000") == .failure(.octetOutOfRange(octet: "1000")))
        #expect(IPAddress.parseIPv4("99999999999999999999999.1.1.1") == .failure(.octetOutOfRange(octet: "99999999999999999999999")))
        #expect(IPAddress.parseIPv6("2001:db8::1%25") == .failure(.zoneIndex))
        #expect(IPAddress.parseIPv6("2001:db8::x") == .failure(.notAnAddress))
        #expect(IPAddress.parseIPv6("2001:db8:::1") == .failure(.invalidIPv6))
        let long = String(repeating: "0:", count: 5000) + "1"
        #expect(IPAddress.parseIPv6(long) == .failure(.invalidIPv6))
    }

    @Test func namesNumbersAndVariablesOnBytes() {
        for (text, expected) in [("acme", true), ("a1-b2", true), ("a--b", false), ("a-", false), ("1a", false), ("", false),
                                 ("Acme", false), ("acmé", false), (String(repeating: "a", count: 63), true),
                                 (String(repeating: "a", count: 64), false)] {
            #expect(NameRules.isSlug(text) == expected, "\(text)")
        }
        for (text, expected) in [("+74951234567", true), ("+0123", false), ("+1", false), ("74951234567", false),
                                 ("+" + String(repeating: "1", count: 15), true), ("+" + String(repeating: "1", count: 16), false),
                                 ("+7495123456\u{301}", false)] {
            #expect(CallerID.isE164(text) == expected, "\(text)")
        }
        for (text, expected) in [("ACME_PASSWORD", true), ("_x1", true), ("1X", false), ("A-B", false), ("É", false), ("", false)] {
            #expect(SecretDecoder.isVariableName(text) == expected, "\(text)")
        }
        for (text, expected) in [("8", true), ("+7", true), ("*21#", true), ("+", false), ("", false), ("8-9", false),
                                 (String(repeating: "1", count: 20), true), (String(repeating: "1", count: 21), false)] {
            #expect(DialPatterns.isPrefix(text) == expected, "\(text)")
        }
    }
}
