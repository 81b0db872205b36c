import Diagnostics
@testable import ManifestCompiler
import RuntimeBundle
import Testing
import YAMLSource

/// Long lists are decoded (`ManifestDecoder.decodeList`) and lowered (`BundleLowering`) in
/// parallel chunks. These tests hold both to what one loop gives: the same objects in the same
/// order, and the same diagnostics in the same order, with broken entries spread over every chunk.
@Suite struct ParallelDecodingTests {
    /// `count` providers, rules and extensions; every `brokenEvery`-th provider and rule has
    /// problems of several kinds (0: none).
    static func manifest(count: Int, brokenEvery: Int) -> String {
        var text = "defaults: { inbound_destination: { extensions: [\"100\"] } }\nproviders:\n"
        for index in 0..<count {
            let broken = brokenEvery > 0 && index % brokenEvery == 0
            if broken {
                text += index.isMultiple(of: 2)
                    ? "  - { name: P_\(index), server: \"bad host!\", lines: 0, colour: red, password: { env: A } }\n"
                    : "  - { server: 192.0.2.999, type: trunk, login: x }\n"
            } else {
                text += "  - { name: p\(index), server: \"sip\(index).example:\(5060 + index % 3)\", login: \"\(index)\", "
                    + "password: { env: P\(index) }, lines: \(1 + index % 4) }\n"
            }
        }
        text += "extensions:\n"
        for index in 0..<count {
            text += "  - { number: \"\(100 + index)\", password: { env: E\(index) } }\n"
        }
        text += "outbound:\n"
        for index in 0..<count {
            let broken = brokenEvery > 0 && index % brokenEvery == 1
            text += broken
                ? "  - { name: o\(index), starts_with: [\"x\"], routes: [], via: 1 }\n"
                : "  - { name: o\(index), starts_with: [\"0\(9000 + index)\"], routes: [{ provider: p\(index) }] }\n"
        }
        return text
    }

    /// The decoded manifest as `dump` text, the keys each provider was written with (a `Set`,
    /// whose order `dump` would show differently from one instance to the next), and the diagnostics.
    private static func decode(_ text: String, parallelChunk: Int) -> (manifest: String, keys: [Provider.WrittenKeys], diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        var manifest = Manifest()
        let read = YAMLReader().read(Array(text.utf8), file: "big.yaml")
        #expect(read.diagnostics.isEmpty)
        let decoder = ManifestDecoder(sink: sink, parallelChunk: parallelChunk)
        for document in read.documents { decoder.decode(document, into: &manifest) }
        let keys = manifest.providers.map(\.writtenKeys)
        for position in manifest.providers.indices { manifest.providers[position].writtenKeys = [] }
        var dumped = ""
        dump(manifest, to: &dumped)
        return (dumped, keys, sink.diagnostics)
    }

    @Test(arguments: [(1000, 7), (1000, 0), (40, 3)])
    func chunkedDecodingGivesTheInLineManifestAndDiagnostics(count: Int, brokenEvery: Int) {
        let text = Self.manifest(count: count, brokenEvery: brokenEvery)
        let inLine = Self.decode(text, parallelChunk: .max)
        #expect(inLine.diagnostics.isEmpty == (brokenEvery == 0))
        for chunk in [1, 16, 128] {
            let chunked = Self.decode(text, parallelChunk: chunk)
            #expect(chunked.diagnostics == inLine.diagnostics, "chunks of \(chunk)")
            #expect(chunked.manifest == inLine.manifest, "chunks of \(chunk)")
            #expect(chunked.keys == inLine.keys, "chunks of \(chunk)")
        }
    }

    @Test func chunkedLoweringGivesTheInLineBundle() throws {
        let check = ManifestChecker().check([ManifestInput(name: "big.yaml", text: Self.manifest(count: 600, brokenEvery: 0))])
        #expect(!check.hasErrors, "\(check.diagnostics.prefix(3))")
        var lowering = BundleLowering(root: check.root)
        lowering.parallelChunk = .max
        let inLine = lowering.lower(check.manifest)
        #expect(inLine.providers.count == 600 && inLine.outbound.count > 600)
        for chunk in [1, 7, 256] {
            lowering.parallelChunk = chunk
            #expect(lowering.lower(check.manifest) == inLine, "chunks of \(chunk)")
        }
    }
}
