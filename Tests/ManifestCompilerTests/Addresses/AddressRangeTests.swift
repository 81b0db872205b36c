import Testing
@testable import ManifestCompiler

@Suite struct AddressRangeTests {
    private func range(_ text: String) throws -> AddressRange {
        let address = try IPAddress.parse(text.split(separator: "/")[0]).get()
        let prefix = text.split(separator: "/").dropFirst().first.flatMap { Int($0) } ?? address.bitWidth
        return AddressRange(network: address, prefixLength: prefix)
    }

    @Test func containmentAndOverlap() throws {
        let wide = try range("198.51.100.0/24"), narrow = try range("198.51.100.16/28"), other = try range("198.51.101.0/24")
        #expect(wide.contains(narrow))
        #expect(!narrow.contains(wide))
        #expect(wide.overlaps(narrow) && narrow.overlaps(wide))
        #expect(!wide.overlaps(other))
        #expect(try !range("2001:db8::/32").overlaps(wide))
        var withPort = narrow
        withPort.port = 5060
        var otherPort = wide
        otherPort.port = 5080
        #expect(!withPort.overlaps(otherPort))
    }

    @Test func ipv4ParsingIsStrict() {
        #expect((try? IPAddress.parseIPv4("203.0.113.1").get())?.description == "203.0.113.1")
        #expect(IPAddress.parseIPv4("203.0.113.01") == .failure(.leadingZero(octet: "01")))
        #expect(IPAddress.parseIPv4("203.0.113.300") == .failure(.octetOutOfRange(octet: "300")))
        #expect(IPAddress.parseIPv4("203.0.113") == .failure(.wrongOctetCount(3)))
        #expect(IPAddress.parseIPv4("203.0.113.1.") == .failure(.notAnAddress))
        #expect(IPAddress.parseIPv4("0x7f.0.0.1") == .failure(.notAnAddress))
    }

    @Test func ipv6IsCanonicalised() {
        #expect((try? IPAddress.parseIPv6("2001:0DB8:0000:0000:0000:0000:0000:0001").get())?.description == "2001:db8::1")
        #expect(IPAddress.parseIPv6("fe80::1%eth0") == .failure(.zoneIndex))
    }
}
