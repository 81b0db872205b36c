import Testing
import YAMLSource

/// The reader returns on any input: every prefix of a real manifest, and random corruptions of it.
@Suite struct RobustnessTests {
    static let sample = Array("""
    # yaml-language-server: $schema=../schemas/manifest.schema.json
    version: 1
    defaults: &d
      inbound_destination: { extensions: ["100"] }
    providers:
      - name: acme
        title: 'Acme Telecom'
        calls: { incoming: true, outgoing: true }
        server: sip.acme.example:5060
        password: { env: ACME_PASSWORD }
        notes: |
          line one
          line two
        defaults: *d
        trunk: { allow: [203.0.113.0/28] }
    ---
    extensions:
      - number: "100"
        name: "Ünïcödé \\u00e9"
    """.utf8)

    @Test func everyPrefix() {
        for length in 0...Self.sample.count {
            let result = read(bytes: Array(Self.sample[0..<length]))
            // Something is always said about a cut-off file, or it is still valid YAML.
            #expect(result.documents.count <= 2)
        }
    }

    @Test func randomCorruptions() {
        var generator = SplitMix64(seed: 0x5EED)
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x26, 0x2A, 0x21, 0x3A, 0x3F,
                                    0x5B, 0x5D, 0x7B, 0x7D, 0x2D, 0x7C, 0x3E, 0x25, 0x40, 0x80, 0xC3, 0xFF]
        for _ in 0..<3_000 {
            var bytes = Self.sample
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = interesting[Int(generator.next() % UInt64(interesting.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(interesting[Int(generator.next() % UInt64(interesting.count))], at: index)
                }
            }
            let result = read(bytes: bytes)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.span.start.line >= 1 && diagnostic.span.start.column >= 1)
            }
        }
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
