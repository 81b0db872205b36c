import Diagnostics
import Foundation
import Testing
import YAMLSource
@testable import ManifestCompiler

/// `ManifestChecker` decodes files concurrently and merges them in the root's order; these tests
/// hold it to decoding them one after another into one manifest, as it did before.
@Suite struct ConcurrentCheckTests {
    /// What the checker decoded before files were decoded concurrently: every file in the root's
    /// order, read and decoded into one manifest with one sink.
    private func serialDecode(_ inputs: [ManifestInput]) -> (manifest: Manifest, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let decoder = ManifestDecoder(sink: sink)
        var manifest = Manifest()
        for input in SourceRoot(inputs).ordered(inputs) {
            let read = YAMLReader().read(input.bytes, file: input.name)
            sink.emit(contentsOf: read.diagnostics)
            for document in read.documents {
                decoder.decode(document, into: &manifest)
            }
        }
        return (manifest, sink.diagnostics)
    }

    private func concurrentDecode(_ inputs: [ManifestInput]) -> (manifest: Manifest, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let reader = YAMLReader()
        let queue = DecodingQueue(reader: reader, threshold: 0)
        SourceRoot(inputs).ordered(inputs).forEach(queue.add)
        let files = queue.finish()
        let manifest = ManifestAssembly.merge(files, reader: reader, sink: sink).manifest
        return (manifest, sink.diagnostics)
    }

    /// The text of file `index` of a generated repository: mostly clean providers, with YAML
    /// errors, unknown keys, bad values, duplicate names across files, several documents, and
    /// `defaults` in more than one file spread across it.
    private func manifest(_ index: Int) -> String {
        var text = "version: 1\nproviders:\n"
        text += "  - name: p\(index % 97 == 5 ? 3 : index)\n    server: sip\(index).example\n"
        text += "    login: \"\(index)\"\n    password: { env: P\(index)_PASSWORD }\n"
        if index % 7 == 3 { text += "    registration-ip: 10.0.0.1\n" }           // unknown key
        if index % 11 == 4 { text += "    lines: many\n" }                         // bad value
        if index % 13 == 6 { text += "extensions:\n  - { number: \"\(100 + index)\", password: { env: E\(index) } }\n" }
        if index % 17 == 8 { text += "---\noutbound:\n  - { name: out\(index), starts_with: [\"0\"], routes: [{ provider: p\(index) }] }\n" }
        if index % 19 == 9 { text += "defaults:\n  inbound_destination: { extensions: [\"\(100 + index)\"] }\n" }
        if index % 23 == 10 { text += "defaults:\n  inbound_destination: { extensions: 5 }\n" }  // a bad one
        if index % 29 == 12 { text += "inbound:\n  - { name: in\(index), to: { extensions: [\"1\" }\n" }  // YAML error
        return text
    }

    private var inputs: [ManifestInput] {
        // Named so that the root's order differs from the order given here.
        (0..<240).map { ManifestInput(name: "f\(($0 * 37) % 240).yaml", text: manifest($0)) }
    }

    @Test func decodingConcurrentlyGivesTheManifestAndDiagnosticsOfDecodingOneByOne() {
        let serial = serialDecode(inputs)
        let concurrent = concurrentDecode(inputs)
        #expect(serial.diagnostics.count > 50)  // the generated files really have problems to keep in order
        #expect(Set(serial.diagnostics.map(\.code)).contains(.duplicateSetting))
        #expect(concurrent.diagnostics == serial.diagnostics)
        #expect(dumped(concurrent.manifest) == dumped(serial.manifest))
    }

    @Test func theCheckStartsWithTheDiagnosticsOfDecodingOneByOne() {
        let serial = serialDecode(inputs)
        let concurrent = ManifestChecker(concurrentDecodingThreshold: 0)
        let result = concurrent.check(inputs)
        #expect(Array(result.diagnostics.prefix(serial.diagnostics.count)) == serial.diagnostics)
        #expect(result.manifest.providers.map(\.name.value).prefix(serial.manifest.providers.count)
            == serial.manifest.providers.map(\.name.value)[...])
        #expect(concurrent.check(inputs.reversed()).diagnostics == result.diagnostics)
        #expect(ManifestChecker(concurrentDecodingThreshold: .max).check(inputs).diagnostics == result.diagnostics)
    }

    @Test func laterDefaultsAreReportedWhereASerialDecodeReportsThem() {
        let files = [
            ManifestInput(name: "a.yaml", text: "defaults:\n  inbound_destination: { extensions: [\"100\"] }\n"),
            ManifestInput(name: "b.yaml", text: "providers:\n  - { name: b, serve: x }\n"),
            ManifestInput(name: "c.yaml", text: "defaults:\n  inbound_destination: { extensions: 7 }\nextensions:\n  - { number: 1x }\n"),
            ManifestInput(name: "d.yaml", text: "defaults: {}\n"),
        ]
        let serial = serialDecode(files)
        let concurrent = concurrentDecode(files)
        #expect(concurrent.diagnostics == serial.diagnostics)
        #expect(serial.diagnostics.contains { $0.code == .duplicateSetting && $0.span.file == "c.yaml" })
        #expect(dumped(concurrent.manifest) == dumped(serial.manifest))
    }

    /// A large file read in parts keeps no documents; when an earlier file has settings too, it
    /// is read again whole, and its repeated setting is reported as a serial decode reports it.
    @Test func aFileReadInPartsIsReadAgainAfterEarlierSettings() {
        var big = "providers:\n"
        for index in 0..<200 { big += "  - name: p\(index)\n    server: sip\(index).example\n    login: u\(index)\n    password: { env: P\(index) }\n" }
        big += "defaults:\n  inbound_destination: { extensions: [\"200\"] }\n"
        let files = [
            ManifestInput(name: "a.yaml", text: "defaults:\n  inbound_destination: { extensions: [\"100\"] }\n"),
            ManifestInput(name: "b.yaml", text: big),
        ]
        let small = ManifestPartSizes(minimumFileBytes: 1, minimumPartBytes: 512)
        let reader = YAMLReader()
        #expect(PartsDecoding.decode(files[1], reader: reader, sizes: small)?.hasSettings == true)
        let queue = DecodingQueue(reader: reader, threshold: 0, partSizes: small)
        files.forEach(queue.add)
        let sink = DiagnosticSink()
        let merged = ManifestAssembly.merge(queue.finish(), reader: reader, sink: sink)
        let serial = serialDecode(files)
        #expect(serial.diagnostics.contains { $0.code == .duplicateSetting && $0.span.file == "b.yaml" })
        #expect(sink.diagnostics == serial.diagnostics)
        #expect(dumped(merged.manifest) == dumped(serial.manifest))
    }

    /// A fresh folder holding `count` generated manifests (`manifest(index)`) at `path(index)`.
    private func repository(_ count: Int, at path: (Int) -> String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-concurrent-\(UUID().uuidString)")
        for index in 0..<count {
            let url = root.appendingPathComponent(path(index))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(manifest(index).utf8).write(to: url)
        }
        return root
    }

    @Test func aRepositoryOnDiskChecksAsItsFilesOneByOne() throws {
        let root = try repository(120) { "g\($0 % 5)/m\($0).yaml" }
        defer { try? FileManager.default.removeItem(at: root) }
        let found = ManifestFileFinder().find([root.path])
        #expect(found.problems.isEmpty)
        let serial = serialDecode(found.inputs)
        let result = ManifestChecker(concurrentDecodingThreshold: 0).check(found.inputs)
        #expect(Array(result.diagnostics.prefix(serial.diagnostics.count)) == serial.diagnostics)
        #expect(Set(result.diagnostics.map(\.span.file)).count > 20)
    }

    @Test func theDecodingQueueReturnsFilesInTheOrderAdded() {
        // Enough files for several batches on worker threads, each naming its position.
        let inputs = (0..<400).map { ManifestInput(name: "f\($0).yaml", text: "providers:\n  - { name: p\($0), serve: \"\($0)\" }\n") }
        for threshold in [0, 8 * 1024, Int.max] {
            let queue = DecodingQueue(reader: YAMLReader(), threshold: threshold)
            inputs.forEach(queue.add)
            let files = queue.finish()
            #expect(files.map(\.source.file) == inputs.map(\.name))
            #expect(files.map { $0.manifest.providers.map(\.name.value) } == inputs.indices.map { ["p\($0)"] })
        }
        #expect(DecodingQueue(reader: YAMLReader(), threshold: 0).finish().isEmpty)
    }

    @Test func checkingWhileFindingGivesTheCheckOfTheFoundFiles() throws {
        let root = try repository(150) { "z\($0 % 3)/n\(149 - $0).yaml" }
        defer { try? FileManager.default.removeItem(at: root) }
        for threshold in [0, .max] {
            let checker = ManifestChecker(concurrentDecodingThreshold: threshold)
            let (found, result) = checker.check(finding: [root.path], with: ManifestFileFinder())
            let afterwards = checker.check(ManifestFileFinder().find([root.path]).inputs)
            #expect(found.inputs.count == 150)
            #expect(result.diagnostics == afterwards.diagnostics)
            #expect(result.diagnostics.count > 30)
            #expect(dumped(result.manifest) == dumped(afterwards.manifest))
        }
    }
}
