import Testing
@testable import ManifestCompiler

/// Plain scalars are typed by the field they fill, from their exact text: YAML 1.1's implicit
/// types never leak in.
@Suite struct ScalarTypingTests {
    @Test(arguments: ["true", "false", "\"true\""])
    func booleansAcceptOnlyTrueAndFalse(_ text: String) {
        let result = check(provider("enabled: \(text)"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.providers.first?.enabled?.value == text.contains("true"))
    }

    @Test(arguments: [("no", "false"), ("yes", "true"), ("off", "false"), ("On", "true"), ("True", "true")])
    func yaml11BooleansAreRefusedWithTheFix(_ text: String, _ meant: String) throws {
        let result = check(provider("enabled: \(text)"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidBoolean)
        #expect(diagnostic.help == "write `enabled: \(meant)`")
        #expect(result.manifest.providers.first?.enabled == nil)
    }

    @Test func leadingZeroIsNotOctal() throws {
        let result = check(provider("lines: 0123"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidInteger)
        #expect(diagnostic.help == "write `lines: 123`")
        #expect(result.manifest.providers.first?.lines == nil)
    }

    @Test(arguments: ["1:20", "1e3", "4.5", "four", "0x10", "1_000", "+4"])
    func nonDecimalNumbersAreRefused(_ text: String) {
        #expect(codes(check(provider("lines: \(text)"))) == ["SB2006"])
    }

    @Test(arguments: ["0", "-1", "65536", "99999999999999999999999"])
    func linesOutOfRange(_ text: String) {
        #expect(codes(check(provider("lines: \(text)"))) == ["SB2008"])
    }

    @Test func linesAcceptsPositiveNumbersQuotedOrNotAndUnlimited() {
        #expect(check(provider("lines: 4")).manifest.providers.first?.lines?.value == 4)
        #expect(check(provider("lines: \"12\"")).manifest.providers.first?.lines?.value == 12)
        let unlimited = check(provider("lines: unlimited"))
        #expect(unlimited.diagnostics.isEmpty)
        #expect(unlimited.manifest.providers.first?.lines == nil)
    }

    @Test func phoneNumbersStayText() {
        let result = check(provider("login: 0049301234", "caller_id: +74951234567"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest.providers.first?.login?.value == "0049301234")
        #expect(result.manifest.providers.first?.callerID?.value == "+74951234567")
    }

    @Test(arguments: ["~", "null", ""])
    func emptyValuesAreReportedNotDefaulted(_ text: String) throws {
        let result = check(provider("lines: \(text)"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .missingValue)
        #expect(diagnostic.message == "`lines` has no value")
    }

    @Test func aSequenceWhereAValueBelongs() {
        #expect(codes(check(provider("login: [a, b]"))) == ["SB2002"])
    }
}
