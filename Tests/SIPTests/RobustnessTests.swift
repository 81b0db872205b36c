import SIP
import Testing

/// Arbitrary input never crashes the parser, the framer or the typed views: valid messages are
/// mutated (bytes flipped, inserted, deleted, lines duplicated, cut short) with a fixed seed,
/// so a failure reproduces.
@Suite struct RobustnessTests {
    /// xorshift64*: small, deterministic, good enough to scatter mutations.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let seeds: [[UInt8]] = [
        Fixture.bytes(Fixture.register),
        Fixture.bytes(Fixture.invite, body: Fixture.inviteBody),
        Fixture.bytes(Fixture.options),
        Fixture.bytes(Fixture.unauthorized),
        Fixture.bytes([
            "REGISTER sip:[2001:db8::1] SIP/2.0",
            "v: SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bK1;rport, SIP/2.0/TCP h;branch=z9hG4bK2",
            "t: \"a, \\\"b\\\"\" <sip:%61@x;lr>;tag=1",
            "f: sip:a@x;tag=2",
            "i: x@y",
            "CSeq: 1",
            " REGISTER",
            "m: *",
            "Authorization: Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:x\", response=\"0\"",
            "Date: Sat, 13 Nov 2010 23:29:00 GMT",
            "l: 0",
        ]),
    ]

    static let interesting: [UInt8] = Array(" \t\r\n:;,=<>\"\\%@[]?&/0123456789.-*".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xFF]

    static func mutate(_ input: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0...generator.below(4) {
            guard !bytes.isEmpty else { break }
            let position = generator.below(bytes.count)
            let byte = generator.below(3) == 0
                ? UInt8(truncatingIfNeeded: generator.next()) : interesting[generator.below(interesting.count)]
            switch generator.below(6) {
            case 0: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2: bytes.remove(at: position)
            case 3: bytes.removeSubrange(position...)
            case 4:
                let length = min(generator.below(40), bytes.count - position)
                bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: generator.below(bytes.count))
            default:
                let digits = Array(String(generator.next()).utf8)
                bytes.insert(contentsOf: digits, at: position)
            }
        }
        return bytes
    }

    /// Touches everything a registrar would read from a message.
    static func exercise(_ message: SIPMessage) {
        let headers = message.headers
        _ = try? headers.vias
        _ = try? headers.topVia.received
        _ = try? headers.from.uri.sipURI?.addressOfRecord
        _ = try? headers.to.tag
        _ = try? headers.contact
        _ = try? headers.cseq
        _ = try? headers.callID
        _ = try? headers.expires
        _ = try? headers.maxForwards
        _ = try? headers.supported
        _ = try? headers.date
        _ = try? headers.authValues(name: .authorization)
        _ = try? headers.addresses(name: .route)
        _ = message.serialize()
        if let source = SIPPeerAddress(ipAddress: "203.0.113.5", port: 5060) {
            _ = try? SIPResponseBuilder(request: message, source: source).response(.ok, toTag: "x").serialize()
        }
    }

    @Test func mutatedDatagramsNeverCrash() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var accepted = 0
        for iteration in 0..<6_000 {
            let seed = Self.seeds[iteration % Self.seeds.count]
            let input = Self.mutate(seed, &generator)
            switch SIPParser.parse(input) {
            case .success(let message):
                accepted += 1
                Self.exercise(message)
                // What was accepted serializes to something that parses again, and serializing
                // is then stable (the first pass may add Content-Length).
                let bytes = message.serialize()
                #expect(SIPParser.parse(bytes).value?.serialize() == bytes)
            case .failure(let error):
                _ = error.status
                _ = error.canBuildResponse
                if let response = SIPResponseBuilder.errorResponse(for: error) {
                    // The response parses, unless it copied a broken lower Via: every Via is
                    // copied as received, and only the top one has to be readable.
                    let reparsed = SIPParser.parse(response.serialize())
                    #expect(reparsed.value != nil || reparsed.failureValue?.kind == .malformedHeader(.via))
                }
            }
        }
        #expect(accepted > 0)
    }

    @Test func mutatedStreamsNeverCrash() {
        var generator = Generator(state: 0xD1B5_4A32_D192_ED03)
        for _ in 0..<400 {
            var stream = [UInt8]()
            for _ in 0..<4 {
                let seed = Self.seeds[generator.below(Self.seeds.count)]
                stream += generator.below(2) == 0 ? seed : Self.mutate(seed, &generator)
                if generator.below(3) == 0 { stream += Array("\r\n\r\n".utf8) }
            }
            var framer = SIPStreamFramer()
            var offset = 0
            streaming: while offset < stream.count {
                let length = 1 + generator.below(200)
                let end = min(stream.count, offset + length)
                framer.append(stream[offset..<end])
                offset = end
                do {
                    while let event = try framer.next() {
                        if case .message(let message) = event { Self.exercise(message) }
                    }
                } catch {
                    break streaming
                }
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = Generator(state: 42)
        for _ in 0..<2_000 {
            let bytes = (0..<generator.below(300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = SIPParser.parse(bytes)
            var framer = SIPStreamFramer()
            framer.append(bytes)
            _ = try? framer.next()
        }
    }

    @Test func componentParsersNeverCrash() {
        var generator = Generator(state: 7)
        let samples = [
            "sip:alice:pw@[2001:db8::1]:5060;transport=tcp;lr?subject=x&h=%20",
            "\"A \\\" B\" <sip:a@b>;tag=1;q=0.5;expires=60",
            "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1;rport;received=2001:db8::1",
            "Digest realm=\"r\", nonce=\"n\\\"\", qop=auth",
            "Sat, 13 Nov 2010 23:29:00 GMT",
            "tel:+1-201-555-0123;ext=1",
        ]
        for _ in 0..<5_000 {
            let seed = Array(samples[generator.below(samples.count)].utf8)
            let text = String(decoding: Self.mutate(seed, &generator), as: UTF8.self)
            _ = SIPURI(text)?.addressOfRecord
            _ = SIPAnyURI(text)
            _ = SIPAddress(text)?.description
            _ = SIPVia(text)?.description
            _ = SIPAuthHeaderValue(text)?.description
            _ = SIPDate(text)?.description
            _ = SIPHost(text, allowBareIPv6: true)
            _ = SIPCSeq(text)
            _ = SIPQValue(text)
        }
    }
}
