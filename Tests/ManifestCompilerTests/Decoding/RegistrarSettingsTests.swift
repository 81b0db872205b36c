import Diagnostics
import RuntimeBundle
import Testing
@testable import ManifestCompiler

/// The `registrar:` section: typed like every other value, written out with its defaults, and
/// allowed once across all files.
@Suite struct RegistrarSettingsTests {
    private static func compile(_ texts: [(String, String)]) -> BundleCompiler.Result {
        BundleCompiler().compile(texts.map { ManifestInput(name: $0.0, text: $0.1) })
    }

    @Test func absentSectionLowersToTheDefaults() throws {
        let bundle = try #require(Self.compile([("a.yaml", provider())]).bundle)
        #expect(bundle.registrar == .defaults)
        #expect(bundle.registrar.limits.failedAuthPerSource == 10)
        #expect(bundle.registrar.limits.banTime == 900)
        #expect(bundle.registrar.tcp.maxConnections == 1024)
    }

    @Test func givenValuesReplaceOnlyTheirDefaults() throws {
        let yaml = provider() + """
            registrar:
              limits: { failed_auth_per_source: 3, ban_time: 60, exempt: [192.0.2.0/24, "2001:db8::/48", 198.51.100.7] }
              tcp: { idle_timeout: 30 }

            """
        let result = Self.compile([("a.yaml", yaml)])
        #expect(result.check.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.check.diagnostics)")
        let registrar = try #require(result.bundle).registrar
        #expect(registrar.limits.failedAuthPerSource == 3)
        #expect(registrar.limits.banTime == 60)
        #expect(registrar.limits.failedAuthPerUser == BundleRegistrar.Limits.defaults.failedAuthPerUser)
        #expect(registrar.limits.exempt == ["192.0.2.0/24", "2001:db8::/48", "198.51.100.7"])
        #expect(registrar.tcp.idleTimeout == 30)
        #expect(registrar.tcp.messageTimeout == BundleRegistrar.TCP.defaults.messageTimeout)
    }

    @Test func emptyExemptListIsAChoice() throws {
        let result = check(provider() + "registrar: { limits: { exempt: [] } }\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.manifest.registrar?.limits.exempt?.isEmpty == true)
    }

    /// Out of range is an error at the value, with the range; never clamped.
    @Test(arguments: [
        ("limits: { failed_auth_per_source: 0 }", "`failed_auth_per_source` must be between 1 and 1000 failures, found `0`"),
        ("limits: { ban_time: 5 }", "`ban_time` must be between 10 and 604800 seconds, found `5`"),
        ("limits: { requests_per_source: 100001 }", "`requests_per_source` must be between 0 and 100000 requests a second, found `100001`"),
        ("tcp: { message_timeout: 601 }", "`message_timeout` must be between 1 and 600 seconds, found `601`"),
        ("tcp: { max_connections: 0 }", "`max_connections` must be between 1 and 1000000 connections, found `0`"),
    ])
    func outOfRangeIsAnError(_ setting: String, _ message: String) throws {
        let result = check(provider() + "registrar:\n  \(setting)\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .valueOutOfRange)
        #expect(diagnostic.message == message)
        #expect(diagnostic.span.start.line == 10)
        #expect(Self.compile([("test.yaml", provider() + "registrar:\n  \(setting)\n")]).bundle == nil)
    }

    @Test func zeroSwitchesOnlyTheRateLimitOff() {
        #expect(check(provider() + "registrar: { limits: { requests_per_source: 0 } }\n").diagnostics.isEmpty)
        #expect(codes(check(provider() + "registrar: { limits: { failed_auth_window: 0 } }\n")) == ["SB2008"])
    }

    @Test(arguments: ["ten", "1e2", "010", "-1"])
    func notAWholeNumber(_ text: String) {
        #expect(codes(check(provider() + "registrar: { limits: { failed_auth_per_user: \(text) } }\n")) == [text == "-1" ? "SB2008" : "SB2006"])
    }

    @Test(arguments: [
        ("192.0.2.1:5060", "exempt sources are addresses or networks without a port"),
        ("192.0.2.1/0", "`/0` would exempt every address on the internet from the limits"),
        ("192.0.2.1/24", "the address has bits set beyond the /24 prefix"),
        ("office.example", "exempt sources must be IP addresses, not host names"),
    ])
    func invalidExemptEntries(_ entry: String, _ reason: String) throws {
        let result = check(provider() + "registrar: { limits: { exempt: [\"\(entry)\"] } }\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidAddressRange)
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
    }

    @Test func unknownKeysAreSuggested() throws {
        let result = check(provider() + "registrar: { limits: { bantime: 60 } }\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownKey)
        #expect(diagnostic.help == "did you mean `ban_time`?")
    }

    /// A second section is reported where it is, with the first as related location, in either
    /// order of decoding (the files are decoded concurrently, then merged).
    @Test func secondSectionInAnotherFileIsADuplicate() throws {
        let result = Self.compile([
            ("a.yaml", provider() + "registrar: { limits: { ban_time: 60 } }\n"),
            ("b.yaml", "registrar:\n  tcp: { idle_timeout: 60 }\n"),
        ])
        let duplicate = try #require(result.check.diagnostics.first { $0.code == .duplicateSetting })
        #expect(duplicate.span.file == "b.yaml")
        #expect(duplicate.message == "`registrar` is defined twice")
        #expect(duplicate.related.first?.span.file == "a.yaml")
        #expect(result.bundle == nil)
    }

    @Test func sectionInALaterFileIsUsed() throws {
        let result = Self.compile([
            ("a.yaml", provider()),
            ("b.yaml", "registrar: { limits: { ban_time: 60 } }\n"),
            ("c.yaml", "extensions: [{ number: \"101\", password: { env: P101 } }]\n"),
        ])
        #expect(result.check.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.check.diagnostics)")
        #expect(try #require(result.bundle).registrar.limits.banTime == 60)
    }
}
