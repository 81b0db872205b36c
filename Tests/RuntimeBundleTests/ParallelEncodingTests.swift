@testable import RuntimeBundle
import Synchronization
import Testing

/// Long lists of the bundle are written in parallel chunks (`CanonicalJSONOutput.member(_:_:parallelChunk:estimatedSize:)`)
/// and `ParallelChunks` joins work in order. These tests hold the chunked writer to the bytes of
/// the in-line writer and of the `JSONValue` tree writer, at every chunk boundary that matters:
/// empty lists, one element, and lists split into many chunks.
@Suite struct ParallelEncodingTests {
    /// A bundle with `count` objects of each kind, every optional member both present and absent.
    static func bundle(count: Int) -> SwitchboardBundle {
        SwitchboardBundle(
            providers: (0..<count).map { index in
                BundleProvider(
                    name: "p\(index)", title: index.isMultiple(of: 2) ? "Provider \(index)" : nil,
                    enabled: !index.isMultiple(of: 5), calls: .init(incoming: true, outgoing: index.isMultiple(of: 3)),
                    type: index.isMultiple(of: 4) ? "trunk" : "standard",
                    servers: [BundleAddress(host: "sip\(index).example", port: index.isMultiple(of: 2) ? nil : 5060, transport: "udp")],
                    proxy: nil, login: "\(index)", password: .env("P\(index)"),
                    lines: index.isMultiple(of: 2) ? .unlimited : .limited(index + 1), callerId: nil,
                    registrationIp: nil, registration: .init(expires: 3600), trunk: nil,
                    rules: .init(inbound: "auto", outbound: "auto"), source: "a.yaml:\(index + 1):9")
            },
            extensions: (0..<count).map { BundleExtension(number: "\(100 + $0)", displayName: nil, password: .env("E\($0)"), source: "e.yaml:\($0):3") },
            inbound: (0..<count).map { index in
                BundleInboundRule(
                    name: "in\(index)", generatedFor: index.isMultiple(of: 2) ? "p\(index)" : nil, provider: nil,
                    calledPrefixes: index.isMultiple(of: 3) ? [] : ["49"], callerPrefixes: [],
                    destination: .init(extensions: ["100"], ring: "together"), source: "r.yaml:\(index):3")
            },
            outbound: (0..<count).map { index in
                BundleOutboundRule(
                    name: "out\(index)", generatedFor: nil, prefixes: ["0\(index)"], minLength: index, maxLength: nil,
                    callerId: nil, routes: index.isMultiple(of: 7) ? [] : [BundleRoute(provider: "p\(index)", strip: 1, prepend: "+")],
                    source: "r.yaml:\(index):5")
            })
    }

    @Test(arguments: [0, 1, 2, 3, 17, 1000])
    func chunkedWritingGivesTheInLineBytes(count: Int) {
        let bundle = Self.bundle(count: count)
        let inLine = BundleEncoding.encode(bundle, parallelChunk: .max)
        for chunk in [1, 2, 5, 256] {
            let chunked = BundleEncoding.encode(bundle, parallelChunk: chunk)
            #expect(chunked.bytes == inLine.bytes, "chunks of \(chunk), \(count) objects")
            #expect(chunked.digest == inLine.digest)
        }
        var content = CanonicalJSONOutput()
        bundle.writeContent(to: &content, parallelChunk: 1)
        #expect(content.finish() == CanonicalJSONWriter.bytes(bundle.contentJSON))
    }

    @Test func parallelChunksKeepTheOrder() {
        for count in [0, 1, 7, 100, 10_000] {
            for minimum in [1, 3, 64, .max] {
                let chunks = ParallelChunks.map(count: count, minimumChunk: minimum) { Array($0) }
                #expect(chunks.flatMap { $0 } == Array(0..<count))
                #expect(ParallelChunks.mapElements(count: count, minimumChunk: minimum) { $0 * 2 } == (0..<count).map { $0 * 2 })
            }
        }
        // Many elements and a small minimum make several chunks on a machine with more than one core.
        let expected = ParallelChunks.coreCount > 1 ? ParallelChunks.coreCount * 4 : 1
        #expect(ParallelChunks.map(count: 1000, minimumChunk: 1) { $0 }.count == expected)
    }

    /// Elements that own references are initialized in place exactly once: each is freed once
    /// the result is, none before and none twice.
    @Test func mapElementsOwnsEachElementOnce() {
        final class Tally: Sendable {
            let count = Mutex(0)
            var value: Int { count.withLock { $0 } }
        }
        final class Counted: Sendable {
            let value: Int
            let freed: Tally
            init(_ value: Int, freed: Tally) {
                self.value = value
                self.freed = freed
            }
            deinit { freed.count.withLock { $0 += 1 } }
        }
        for count in [0, 1, 1000] {
            let freed = Tally()
            do {
                let elements = ParallelChunks.mapElements(count: count, minimumChunk: 1) { Counted($0, freed: freed) }
                #expect(elements.map(\.value) == Array(0..<count))
                #expect(freed.value == 0)
            }
            #expect(freed.value == count)
        }
    }

    @Test func bothRunsEachHalfOnceAndReturnsItsResult() {
        let calls = Mutex((first: 0, second: 0))
        let (number, text) = ParallelChunks.both(
            { calls.withLock { $0.first += 1 }; return 42 },
            { calls.withLock { $0.second += 1 }; return "forty-two" })
        #expect(number == 42)
        #expect(text == "forty-two")
        let counted = calls.withLock { $0 }
        #expect(counted.first == 1 && counted.second == 1)
    }
}
