import Testing
@testable import SIP

/// The head parser and the serializer skip eight printable bytes at a time; what they must stop
/// at, they must never skip.
@Suite struct LineScanTests {
    /// Every byte value at every position of a word of plain bytes: special exactly when below
    /// SP or above `~`.
    @Test func everyUnprintableByteIsFoundAtEveryPosition() {
        for value in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(ASCII.isPrintable(word) == (0x20...0x7E).contains(value), "\(value) at \(position)")
            }
        }
    }

    /// Words mixing the edges of the plain range (SP, `~`) with specials elsewhere.
    @Test func plainEdgesAndMixedWords() {
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        #expect(ASCII.isPrintable(word([0x20, 0x7E, 0x20, 0x7E, 0x21, 0x7D, 0x30, 0x41])))
        #expect(!ASCII.isPrintable(word([0x20, 0x7E, 0x20, 0x7E, 0x21, 0x7D, 0x30, 0x1F])))
        #expect(!ASCII.isPrintable(word([0xFF, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20])))
        #expect(!ASCII.isPrintable(word([0x20, 0x20, 0x20, 0x00, 0x20, 0x20, 0x20, 0x7F])))
    }

    /// A control character, DEL, a bare CR or a UTF-8 sequence anywhere in a long header line
    /// is seen, whatever its offset from the start of the line.
    @Test func longLinesAreCheckedAtEveryOffset() {
        for offset in 0..<24 {
            for (special, outcome) in [(UInt8(0x01), "invalid"), (0x7F, "invalid"), (0x0D, "invalid"), (0xC3, "utf8")] {
                var value = [UInt8](repeating: UInt8(ascii: "x"), count: 40)
                value[offset] = special
                if special == 0xC3 { value[offset + 1] = 0xA9 }  // é
                var datagram = Array("OPTIONS sip:a@b SIP/2.0\r\nSubject: ".utf8) + value + Array("\r\n".utf8)
                datagram += Array("Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n".utf8)
                switch (SIPParser.parse(datagram), outcome) {
                case (.failure(let error), "invalid"): #expect(error.kind == .invalidCharacter, "offset \(offset)")
                case (.success(let message), "utf8"): #expect(message.headers.first(name: .subject)?.utf8.contains(0xA9) == true)
                default: Issue.record("offset \(offset), byte \(special): unexpected outcome")
                }
            }
        }
    }

    /// A control character at any offset of a header value set through the API is written as
    /// SP, so no value can inject a line; printable values and UTF-8 pass unchanged.
    @Test func serializerRewritesControlsAtEveryOffset() {
        for offset in 0..<24 {
            var value = [UInt8](repeating: UInt8(ascii: "v"), count: 30)
            value[offset] = 0x0A
            var headers = SIPHeaders()
            headers.add(name: .subject, value: String(decoding: value, as: UTF8.self))
            headers.add(name: .userAgent, value: "zß ok \u{7E}")
            let text = String(decoding: SIPMessage(status: .ok, headers: headers).serialize(), as: UTF8.self)
            var expected = value
            expected[offset] = 0x20
            #expect(text.contains("Subject: " + String(decoding: expected, as: UTF8.self) + "\r\n"), "offset \(offset)")
            #expect(text.contains("User-Agent: zß ok ~\r\n"))
        }
    }
}
