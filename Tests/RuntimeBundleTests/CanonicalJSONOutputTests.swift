import Foundation
@testable import RuntimeBundle
import Testing

/// The bundle file is written member by member (`CanonicalJSONWritable`) instead of through
/// `contentJSON` and `CanonicalJSONWriter`. These tests hold the two paths to the same bytes, so
/// the fast writer can never drift from the documented canonical form.
@Suite struct CanonicalJSONOutputTests {
    /// The reference: the bundle built as a `JSONValue` tree and printed by the generic writer.
    private static func referenceFile(_ bundle: SwitchboardBundle, digest: String) -> [UInt8] {
        guard case .object(var members) = bundle.contentJSON else { preconditionFailure("a bundle is an object") }
        members["digest"] = .string(digest)
        return CanonicalJSONWriter.bytes(.object(members))
    }

    private static func fastContent(_ bundle: SwitchboardBundle) -> [UInt8] {
        var output = CanonicalJSONOutput()
        bundle.writeContent(to: &output)
        return output.finish()
    }

    private static func expectSameBytes(_ bundle: SwitchboardBundle, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            String(decoding: fastContent(bundle), as: UTF8.self)
                == String(decoding: CanonicalJSONWriter.bytes(bundle.contentJSON), as: UTF8.self),
            sourceLocation: sourceLocation)
        let encoded = BundleEncoding.encode(bundle)
        #expect(
            String(decoding: encoded.bytes, as: UTF8.self)
                == String(decoding: referenceFile(bundle, digest: encoded.digest), as: UTF8.self),
            sourceLocation: sourceLocation)
        #expect(BundleEncoding.digest(of: bundle) == encoded.digest, sourceLocation: sourceLocation)
    }

    /// The golden bundles of the samples (compiled by the CLI tests), decoded and re-encoded.
    static let goldenFiles = ["small-office", "multi-provider"].map { name in
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SwitchboardCLITests/Golden/\(name).bundle.json")
    }

    @Test(arguments: goldenFiles)
    func goldenBundlesReencodeToTheSameBytes(_ file: URL) throws {
        let golden = try Data(contentsOf: file)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let bundle = try decoder.decode(SwitchboardBundle.self, from: golden)
        Self.expectSameBytes(bundle)
        // The digest in the golden file was computed by the tree-based writer.
        #expect(BundleEncoding.encode(bundle).bytes == Array(golden))
    }

    @Test func loaderFixtureMatchesTheTreeWriter() {
        Self.expectSameBytes(BundleLoaderTests.bundle)
    }

    @Test func emptyBundleMatchesTheTreeWriter() {
        Self.expectSameBytes(SwitchboardBundle(providers: [], extensions: [], inbound: [], outbound: []))
    }

    /// Quotes, backslashes, every control character, `/`, non-ASCII text, empty strings, and
    /// every optional member both present and absent.
    @Test func awkwardStringsMatchTheTreeWriter() {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let awkward = [
            "", "\"", "\\", "a\"b\\c", controls, "tab\there\r\nline", "\u{7F}del", "a/b</script>",
            "é😀 東京 e\u{301}", "\u{2028}\u{2029}\u{85}", "trailing\\", "\u{0}nul",
        ]
        var providers: [BundleProvider] = []
        for (index, text) in awkward.enumerated() {
            providers.append(BundleProvider(
                name: text, title: index.isMultiple(of: 2) ? text : nil, enabled: index.isMultiple(of: 3),
                calls: .init(incoming: true, outgoing: index.isMultiple(of: 2)), type: text,
                servers: [BundleAddress(host: text, port: index.isMultiple(of: 2) ? nil : 5060 + index, transport: text)],
                proxy: index.isMultiple(of: 2) ? nil : BundleAddress(host: text, port: nil, transport: "tls"),
                login: index.isMultiple(of: 2) ? text : nil,
                password: [BundleSecret.env(text), .file(text), .inline(text)][index % 3],
                lines: index.isMultiple(of: 2) ? .unlimited : .limited(index + 1),
                callerId: index.isMultiple(of: 3) ? nil : text, registrationIp: index.isMultiple(of: 2) ? text : nil,
                registration: index.isMultiple(of: 2) ? .init(expires: 60 * index) : nil,
                trunk: index.isMultiple(of: 2) ? nil : .init(allow: index == 1 ? [] : [text, text], derived: index == 3),
                rules: .init(inbound: text, outbound: text), source: text))
        }
        let bundle = SwitchboardBundle(
            providers: providers,
            extensions: awkward.map { BundleExtension(number: $0, displayName: $0.isEmpty ? nil : $0, password: .inline($0), source: $0) },
            inbound: awkward.enumerated().map { index, text in
                BundleInboundRule(
                    name: text, generatedFor: index.isMultiple(of: 2) ? text : nil, provider: index.isMultiple(of: 3) ? nil : text,
                    calledPrefixes: index.isMultiple(of: 2) ? [] : [text], callerPrefixes: [text, text],
                    destination: .init(extensions: index == 0 ? [] : [text], ring: text), source: text)
            },
            outbound: awkward.enumerated().map { index, text in
                BundleOutboundRule(
                    name: text, generatedFor: index.isMultiple(of: 2) ? nil : text, prefixes: index.isMultiple(of: 2) ? [text] : [],
                    minLength: index.isMultiple(of: 2) ? index : nil, maxLength: index.isMultiple(of: 3) ? -index : nil,
                    callerId: index.isMultiple(of: 2) ? text : nil,
                    routes: index == 0 ? [] : [BundleRoute(provider: text, strip: index, prepend: text)], source: text)
            })
        Self.expectSameBytes(bundle)
    }

    @Test func integersIncludingExtremes() {
        for number in [0, 1, -1, 9, 10, 65_535, Int.max, Int.min] {
            var output = CanonicalJSONOutput()
            output.integer(number)
            #expect(output.finish() == CanonicalJSONWriter.bytes(.integer(number)))
            #expect(CanonicalJSONWriter.bytes(.integer(number)) == Array("\(number)\n".utf8))
        }
    }

    /// Objects and arrays nested deeper than the prepared run of indentation spaces.
    @Test func deepNestingIndentsLikeTheTreeWriter() {
        var value = JSONValue.string("leaf")
        for depth in 0..<40 { value = depth.isMultiple(of: 2) ? .array([value, .null]) : .object(["k\(depth)": value, "a": .array([])]) }
        let text = String(decoding: CanonicalJSONWriter.bytes(value), as: UTF8.self)
        #expect(text.contains("\n" + String(repeating: " ", count: 80) + "\"leaf\""))
    }
}
