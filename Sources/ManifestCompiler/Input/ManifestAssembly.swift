import Diagnostics
import YAMLSource

/// Merges files decoded on their own (`DecodedFile`), in the root's order, into one manifest,
/// the sources, and the diagnostics in a shared sink: the same manifest, diagnostics and order as
/// decoding the files one after another into one manifest.
enum ManifestAssembly {
    /// - Parameter reader: reads a file with settings again when an earlier file had some too.
    static func merge(_ files: [DecodedFile], reader: YAMLReader, sink: DiagnosticSink) -> (manifest: Manifest, sources: SourceStore) {
        var manifest = Manifest()
        var sources = SourceStore()
        sources.reserveCapacity(files.count)
        var earlierSettings = false
        for (position, file) in files.enumerated() {
            sources.add(file.source)
            sink.emit(contentsOf: file.readDiagnostics)
            if let input = file.inputWithSettings, earlierSettings {
                // An earlier file had `defaults` or `registrar` too: decode this one again on top
                // of them, so that a setting made twice is reported here, as a serial decode
                // reports it. Its YAML problems were reported above; reading again finds the same.
                let decoder = ManifestDecoder(sink: sink)
                for document in reader.read(input.bytes, file: input.name).documents {
                    decoder.decode(document, into: &manifest)
                }
                continue
            }
            sink.emit(contentsOf: file.decodeDiagnostics)
            if position == 0 {
                // The first file's manifest as it is: a single file's lists are not copied.
                manifest = file.manifest
                if files.count > 1 { reserveCapacity(in: &manifest, for: files) }
            } else {
                if file.inputWithSettings != nil {
                    // The first file with settings: the manifest's were untouched until now, as
                    // they were when this file was decoded on its own.
                    manifest.defaults = file.manifest.defaults
                    manifest.registrar = file.manifest.registrar
                }
                manifest.providers.append(contentsOf: file.manifest.providers)
                manifest.extensions.append(contentsOf: file.manifest.extensions)
                manifest.inbound.append(contentsOf: file.manifest.inbound)
                manifest.outbound.append(contentsOf: file.manifest.outbound)
            }
            earlierSettings = earlierSettings || file.inputWithSettings != nil
        }
        return (manifest, sources)
    }

    /// Room for the objects of all the files at once, so the lists grow once.
    private static func reserveCapacity(in manifest: inout Manifest, for files: [DecodedFile]) {
        manifest.providers.reserveCapacity(files.reduce(0) { $0 + $1.manifest.providers.count })
        manifest.extensions.reserveCapacity(files.reduce(0) { $0 + $1.manifest.extensions.count })
        manifest.inbound.reserveCapacity(files.reduce(0) { $0 + $1.manifest.inbound.count })
        manifest.outbound.reserveCapacity(files.reduce(0) { $0 + $1.manifest.outbound.count })
    }
}
