import Diagnostics
import FuzzSupport
import ManifestCompiler
import Routing
import RuntimeBundle

/// Compiles one manifest file in memory, as `switchboard compile` would, and checks what must
/// hold whatever the bytes:
/// - the result is a bundle or at least one error, never both or neither;
/// - every renderer turns the diagnostics into text without crashing (they quote the input);
/// - a bundle encodes to bytes that `BundleLoader` accepts, that load back to the same bundle
///   and encode again to the same bytes (the file `serve` reads is the file `compile` wrote);
/// - the registrar's trunk table accepts every bundle the compiler makes (the runtime parses the
///   allow-lists again, with its own code);
/// - reading the file in parts on all cores, as large files are (forced here on every input
///   with parts of a few bytes), gives the same diagnostics and the same bundle as reading it
///   whole.
enum CompileOracle {
    static let compiler = BundleCompiler(checker: ManifestChecker(partSizes: .never))
    static let compilerInParts = BundleCompiler(
        checker: ManifestChecker(partSizes: ManifestPartSizes(minimumFileBytes: 1, minimumPartBytes: 16)))
    static let renderers: [any DiagnosticRenderer] = [
        HumanRenderer(colors: true), ShortRenderer(), JSONRenderer(), SARIFRenderer(), GitHubRenderer(),
    ]

    static func check(_ bytes: [UInt8]) {
        let result = compiler.compile([ManifestInput(name: "fuzz.yaml", bytes: bytes)])
        let inParts = compilerInParts.compile([ManifestInput(name: "fuzz.yaml", bytes: bytes)])
        fuzzCheck(inParts.check.diagnostics == result.check.diagnostics, "reading in parts gives other diagnostics")
        fuzzCheck(inParts.bundle == result.bundle, "reading in parts gives another bundle")
        let report = DiagnosticReport(diagnostics: result.check.diagnostics, sources: result.check.sources, fileCount: 1)
        for renderer in renderers { _ = renderer.render(report) }

        guard let bundle = result.bundle else {
            fuzzCheck(result.check.hasErrors, "no bundle, and no error to say why")
            return
        }
        fuzzCheck(!result.check.hasErrors, "a bundle made from a manifest with errors")
        let encoded = BundleEncoding.encode(bundle)
        let loaded: SwitchboardBundle
        do {
            loaded = try BundleLoader.load(encoded.bytes)
        } catch {
            fuzzCheck(false, "the loader refuses a compiled bundle: \(error)\n\(String(decoding: encoded.bytes, as: UTF8.self))")
            return
        }
        fuzzCheck(loaded == bundle, "the bundle loads back as a different value")
        fuzzCheck(BundleEncoding.encode(loaded).bytes == encoded.bytes, "the loaded bundle encodes to other bytes")
        do {
            _ = try TrunkTable(bundle: loaded)
        } catch {
            fuzzCheck(false, "the registrar refuses the trunk ranges of a compiled bundle: \(error)")
        }
    }
}
