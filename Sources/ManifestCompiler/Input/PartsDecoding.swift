import Diagnostics
import RuntimeBundle
import Synchronization
import YAMLSource

/// A large file read and decoded in parts (`ManifestParts`) spread over the cores, then joined
/// in order: the manifest of decoding the file whole, sooner.
///
/// Only a file without a single problem is decoded this way. A part that reports anything (a
/// syntax error, an unknown key, a bad value) gives nil, and the file is read whole, so every
/// diagnostic, its wording and its order, comes from the one path that has always produced them.
enum PartsDecoding {
    struct Decoded {
        let manifest: Manifest
        /// Whether the file has a `defaults` or `registrar` section (see
        /// `DecodedFile.inputWithSettings`).
        let hasSettings: Bool
    }

    /// What one part gives: its manifest, and which settings sections it holds. Its documents
    /// are freed on the thread that decoded it.
    private struct DecodedPart {
        let manifest: Manifest
        let hasDefaults: Bool
        let hasRegistrar: Bool
    }

    /// The size of part aimed at. Parts of the same size take very different times (the rules
    /// at the end of a file decode slower than providers, and other processes slow a core now
    /// and then): with four parts on two cores, one core sat idle for 20 to 90 ms of a 200 ms
    /// read of 10,000 providers. Small parts even that out, and one part's parser buffers and
    /// tree stay in the core's cache: 32 parts of 96 KiB took 10% less CPU than four.
    static let partBytes = 96 * 1024

    static func decode(_ input: ManifestInput, reader: YAMLReader, sizes: ManifestPartSizes = .default) -> Decoded? {
        let count = max(2 * ParallelChunks.coreCount, input.bytes.count / partBytes)
        guard ParallelChunks.coreCount > 1, let parts = ManifestParts.cut(input.bytes, into: count, sizes: sizes)
        else { return nil }
        // Once a part has failed the file is read whole anyway: parts not yet started are skipped.
        let failed = Atomic<Bool>(false)
        let decoded = ParallelChunks.map(count: parts.count, minimumChunk: 1, chunksPerCore: parts.count) { range in
            range.map { position -> DecodedPart? in
                guard !failed.load(ordering: .relaxed) else { return nil }
                let part = decodePart(parts[position], file: input.name, reader: reader)
                if part == nil { failed.store(true, ordering: .relaxed) }
                return part
            }
        }.joined()
        guard decoded.allSatisfy({ $0 != nil }) else { return nil }
        var manifest = Manifest()
        manifest.providers.reserveCapacity(decoded.reduce(0) { $0 + ($1?.manifest.providers.count ?? 0) })
        var hasSettings = false
        for case let part? in decoded {
            // Top-level keys are unique in a file that was cut: each section is in one part.
            if part.hasDefaults {
                manifest.defaults = part.manifest.defaults
                hasSettings = true
            }
            if part.hasRegistrar {
                manifest.registrar = part.manifest.registrar
                hasSettings = true
            }
            manifest.providers.append(contentsOf: part.manifest.providers)
            manifest.extensions.append(contentsOf: part.manifest.extensions)
            manifest.inbound.append(contentsOf: part.manifest.inbound)
            manifest.outbound.append(contentsOf: part.manifest.outbound)
        }
        return Decoded(manifest: manifest, hasSettings: hasSettings)
    }

    /// One part, or nil if it reports anything.
    private static func decodePart(_ part: ManifestPart, file: String, reader: YAMLReader) -> DecodedPart? {
        let read = reader.read(part.bytes, file: file, lineOffset: part.lineOffset)
        guard read.diagnostics.isEmpty else { return nil }
        let sink = DiagnosticSink()
        // The part is the unit of parallel work: its lists are decoded in line.
        var decoder = ManifestDecoder(sink: sink)
        decoder.parallelChunk = .max
        var manifest = Manifest()
        for document in read.documents {
            decoder.decode(document, into: &manifest)
        }
        guard sink.diagnostics.isEmpty else { return nil }
        return DecodedPart(
            manifest: manifest,
            hasDefaults: read.documents.contains { DecodedFile.hasKey("defaults", $0) },
            hasRegistrar: read.documents.contains { DecodedFile.hasKey("registrar", $0) })
    }
}
