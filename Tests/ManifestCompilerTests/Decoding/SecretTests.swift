import Testing
@testable import ManifestCompiler

@Suite struct SecretTests {
    @Test func environmentAndFileReferences() {
        #expect(check(provider("password: { env: ACME_PASSWORD }")).manifest.providers.first?.password?.value == .environment("ACME_PASSWORD"))
        #expect(check(provider("password: { file: secrets/acme }")).manifest.providers.first?.password?.value == .file("secrets/acme"))
    }

    @Test func plaintextIsAWarningThatNamesTheRisk() throws {
        let result = check(provider("password: hunter2"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .plaintextSecret)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.label == "anyone who can read this repository can use it")
        #expect(diagnostic.help?.contains("{ env: ACME_PASSWORD }") == true)
        #expect(result.manifest.providers.first?.password?.value == .plaintext("hunter2"))
    }

    @Test(arguments: [
        ("{ env: 1PASSWORD }", ["SB2051"]), ("{ env: ACME-PASSWORD }", ["SB2051"]),
        ("{ env: A, file: b }", ["SB2012"]), ("{}", ["SB2051"]),
        ("{ vault: x }", ["SB2051", "SB2001"]), ("[a]", ["SB2002"]), ("\"\"", ["SB2003"]),
    ])
    func invalidReferences(_ value: String, _ expected: [String]) {
        #expect(codes(check(provider("password: \(value)"))) == expected)
    }
}
