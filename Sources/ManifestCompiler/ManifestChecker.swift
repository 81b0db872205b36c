import Diagnostics
import YAMLSource

/// The front half of the compiler: reads every input, decodes it into one `Manifest` and
/// validates it, collecting every diagnostic on the way. Nothing here stops at the first error.
public struct ManifestChecker: Sendable {
    /// What a check produced: the manifest (with whatever could be decoded), the diagnostics,
    /// and the sources the diagnostics quote.
    public struct Result: Sendable {
        public var manifest: Manifest
        public var diagnostics: [Diagnostic]
        public var sources: SourceStore

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var yamlLimits: YAMLLimits

    public init(yamlLimits: YAMLLimits = .default) {
        self.yamlLimits = yamlLimits
    }

    public func check(_ inputs: [ManifestInput]) -> Result {
        let sink = DiagnosticSink()
        var sources = SourceStore()
        var manifest = Manifest()
        let reader = YAMLReader(limits: yamlLimits)
        let decoder = ManifestDecoder(sink: sink)
        for input in inputs {
            sources.add(SourceText(file: input.name, bytes: input.bytes))
            let read = reader.read(input.bytes, file: input.name)
            sink.emit(contentsOf: read.diagnostics)
            for document in read.documents {
                decoder.decode(document, into: &manifest)
            }
        }
        validate(manifest, sink: sink)
        return Result(manifest: manifest, diagnostics: sink.diagnostics, sources: sources)
    }

    private func validate(_ manifest: Manifest, sink: DiagnosticSink) {
        UniqueNames(sink: sink).check(manifest.providers.map(\.name), kind: "provider")
        let providers = ProviderValidator(sink: sink)
        manifest.providers.forEach(providers.validate)
    }
}
