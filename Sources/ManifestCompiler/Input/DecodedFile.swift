import Diagnostics
import YAMLSource

/// One input read and decoded on its own, with its own diagnostic sink: the unit of work that
/// `ManifestChecker` spreads over the cores. `ManifestAssembly` then merges the files in the
/// root's order into what decoding them one after another into one manifest gives.
///
/// That is exact because decoding a file depends on the files before it only through its
/// settings sections, `defaults` and `registrar` (a setting made twice is reported at the
/// second); every list is only appended to. A file with a settings section is therefore read
/// and decoded again when an earlier file had one too.
struct DecodedFile: Sendable {
    let source: SourceText
    /// The YAML problems of the file, in the order the reader found them.
    let readDiagnostics: [Diagnostic]
    /// The problems found decoding the file into an empty manifest, in the order found.
    let decodeDiagnostics: [Diagnostic]
    /// What the file declares, decoded into an empty manifest.
    let manifest: Manifest
    /// The input of a file with a `defaults` or `registrar` section, to be read and decoded again
    /// if an earlier file has one too; nil for every other file.
    ///
    /// The input rather than the file's documents: its bytes are held for the sources anyway,
    /// while the documents of a large file were a tree as large as the file, kept (and freed on
    /// the checking thread) to the end of every check, for the rare case of settings in two files.
    let inputWithSettings: ManifestInput?

    /// - Parameter partSizes: from what size the file is read in parts on all cores.
    init(_ input: ManifestInput, reader: YAMLReader, partSizes: ManifestPartSizes = .default) {
        source = SourceText(file: input.name, bytes: input.bytes)
        if let decoded = PartsDecoding.decode(input, reader: reader, sizes: partSizes) {
            // A large file without problems, decoded in parts on all cores.
            readDiagnostics = []
            decodeDiagnostics = []
            manifest = decoded.manifest
            inputWithSettings = decoded.hasSettings ? input : nil
            return
        }
        let read = reader.read(input.bytes, file: input.name)
        readDiagnostics = read.diagnostics
        let sink = DiagnosticSink()
        let decoder = ManifestDecoder(sink: sink)
        var manifest = Manifest()
        for document in read.documents {
            decoder.decode(document, into: &manifest)
        }
        self.manifest = manifest
        decodeDiagnostics = sink.diagnostics
        inputWithSettings = read.documents.contains(where: Self.hasSettings) ? input : nil
    }

    /// Whether the document has a top-level `defaults` or `registrar` key: the keys
    /// `ManifestDecoder` reads them from (a misspelt one is only reported, and reported the same
    /// in any order).
    private static func hasSettings(_ document: YAMLDocument) -> Bool {
        hasKey("defaults", document) || hasKey("registrar", document)
    }

    static func hasKey(_ key: String, _ document: YAMLDocument) -> Bool {
        guard case .mapping(let mapping) = document.root else { return false }
        return mapping.entry(key) != nil
    }
}
