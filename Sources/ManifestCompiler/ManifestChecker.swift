import Diagnostics
import RuntimeBundle
import YAMLSource

/// The front half of the compiler: reads every input, decodes it into one `Manifest`, validates
/// it, expands the default rules and runs the cross-object checks, collecting every diagnostic on
/// the way. Nothing here stops at the first error.
///
/// Files are parsed and decoded concurrently, each on its own (`DecodedFile`), and merged in the
/// root's order (`ManifestAssembly`): the result, diagnostics and their order included, is that of
/// decoding them one after another. The checks after the merge look across files and run once.
public struct ManifestChecker: Sendable {
    /// What a check produced: the expanded manifest (with whatever could be decoded), the
    /// diagnostics, the sources they quote, and the manifest root.
    public struct Result: Sendable {
        public var manifest: Manifest
        public var diagnostics: [Diagnostic]
        public var sources: SourceStore
        public var root: SourceRoot

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var yamlLimits: YAMLLimits
    /// Inputs smaller than this in all are decoded on the calling thread: starting Dispatch's
    /// worker threads costs 1–3 ms, more than decoding a few small files takes (at about 65 µs
    /// a kilobyte), as in the pre-commit check of a small repository. 64 KiB is about 200 providers.
    /// Past it, files are decoded on worker threads as they are read (`DecodingQueue`).
    public var concurrentDecodingThreshold: Int

    /// From what size a file is read in parts on all cores (`ManifestParts`); the result is the
    /// same either way (the fuzzer compares the two).
    public var partSizes: ManifestPartSizes

    public init(
        yamlLimits: YAMLLimits = .default, concurrentDecodingThreshold: Int = 64 * 1024, partSizes: ManifestPartSizes = .default
    ) {
        self.yamlLimits = yamlLimits
        self.concurrentDecodingThreshold = concurrentDecodingThreshold
        self.partSizes = partSizes
    }

    public func check(_ inputs: [ManifestInput]) -> Result {
        let queue = decodingQueue()
        inputs.forEach(queue.add)
        let root = SourceRoot(inputs)  // while the workers decode
        return check(inputs, root: root, decoded: queue.finish())
    }

    /// Finds the files of `paths` with `finder` and checks them, decoding each file while the
    /// finder walks on: what `finder.find(paths)` and then `check(_:)` give, sooner.
    public func check(finding paths: [String], with finder: ManifestFileFinder) -> (found: ManifestFileFinder.Result, result: Result) {
        let queue = decodingQueue()
        let found = finder.find(paths, onInput: queue.add)
        let root = SourceRoot(found.inputs)  // while the workers decode
        return (found, check(found.inputs, root: root, decoded: queue.finish()))
    }

    /// Files are parsed and decoded each on its own (`DecodingQueue`, on every core for large
    /// inputs) and merged in the root's order: the manifest and diagnostics of decoding them one
    /// after another. The per-file results (partial manifests, and the trees of files with
    /// `defaults`) are freed on return.
    private func decodingQueue() -> DecodingQueue {
        DecodingQueue(reader: YAMLReader(limits: yamlLimits), threshold: concurrentDecodingThreshold, partSizes: partSizes)
    }

    /// The check of `inputs`, given their root and each one decoded (`decoded[i]` is `inputs[i]`).
    ///
    /// The checks after the merge look across all files, so they run once, but side by side
    /// where they are independent. Checks that read only the providers (each object on its own,
    /// overlapping trunks) run while the default rules are expanded into a copy of the rule
    /// lists; the checks of rules, and the other check of providers (conflicting registrations,
    /// which balances the two cores best there), then read the expanded manifest together. Each
    /// reports into a sink of its own, emitted in one fixed order, so the diagnostics are the
    /// same whatever the scheduling. (At 10,000 providers these checks took 90 ms on one core.)
    private func check(_ inputs: [ManifestInput], root: SourceRoot, decoded: [DecodedFile]) -> Result {
        let sink = DiagnosticSink()
        let merged = ManifestAssembly.merge(
            root.orderedPositions(inputs).map { decoded[$0] }, reader: YAMLReader(limits: yamlLimits), sink: sink)
        let decodedManifest = merged.manifest
        let (besideProblems, expanded) = ParallelChunks.both(
            { Self.besideExpansion.map { check in Self.reported { check(decodedManifest, $0) } } },
            { () -> (manifest: Manifest, problems: [Diagnostic]) in
                var manifest = decodedManifest
                let problems = Self.reported { DefaultRuleExpansion(sink: $0).expand(&manifest) }
                return (manifest, problems)
            })
        let manifest = expanded.manifest
        let afterExpansion = Self.afterExpansion
        let afterProblems = ParallelChunks.mapElements(count: afterExpansion.count, minimumChunk: 1) { index in
            Self.reported { afterExpansion[index](manifest, $0) }
        }
        // The order they were reported in when they ran one after another: objects, expansion,
        // the three checks of rules, trunks, registrations.
        let ordered = [besideProblems[0], expanded.problems] + afterProblems[0..<3] + [besideProblems[1], afterProblems[3]]
        for problems in ordered {
            sink.emit(contentsOf: problems)
        }
        return Result(manifest: manifest, diagnostics: sink.diagnostics, sources: merged.sources, root: root)
    }

    /// Checks of each object on its own, and names unique across all files.
    private static func validateObjects(_ manifest: Manifest, sink: DiagnosticSink) {
        let names = UniqueNames(sink: sink)
        names.check(manifest.providers.map(\.name), what: "provider name", of: "provider")
        names.check(manifest.extensions.map(\.number), what: "extension number", of: "extension")
        names.check(manifest.inbound.map(\.name), what: "inbound rule name", of: "inbound rule")
        names.check(manifest.outbound.map(\.name), what: "outbound rule name", of: "outbound rule")
        let providers = ProviderValidator(sink: sink)
        // By position, so each provider is borrowed from the list rather than copied out of it.
        for position in manifest.providers.indices {
            providers.validate(manifest.providers[position])
        }
    }

    /// Checks that read only the providers, which the default rules leave as they are, run
    /// beside the expansion: each object on its own (`validateObjects`), overlapping trunks.
    private static let besideExpansion: [@Sendable (Manifest, DiagnosticSink) -> Void] = [
        { ManifestChecker.validateObjects($0, sink: $1) },
        { TrunkOverlap(sink: $1).check($0) },
    ]

    /// The checks of rules on the manifest with its default rules expanded, and conflicting
    /// registrations.
    private static let afterExpansion: [@Sendable (Manifest, DiagnosticSink) -> Void] = [
        { ReferenceCheck(sink: $1, manifest: $0).check($0) },
        { RuleReachability(sink: $1).check($0) },
        { DialPlanChecks(sink: $1).check($0) },
        { RegistrationConflicts(sink: $1).check($0) },
    ]

    /// What `body` reports into a sink of its own.
    private static func reported(_ body: (DiagnosticSink) -> Void) -> [Diagnostic] {
        let sink = DiagnosticSink()
        body(sink)
        return sink.diagnostics
    }
}
