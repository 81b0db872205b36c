import Testing
@testable import SIP

/// The head parser skips eight plain bytes at a time; what it must stop at, it must never skip.
@Suite struct LineScanTests {
    /// Every byte value at every position of a word of plain bytes: special exactly when below
    /// SP or above `~`.
    @Test func everySpecialByteIsFoundAtEveryPosition() {
        for value in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(SIPHeadParser.hasSpecialByte(word) == (value < 0x20 || value > 0x7E), "\(value) at \(position)")
            }
        }
    }

    /// Words mixing the edges of the plain range (SP, `~`) with specials elsewhere.
    @Test func plainEdgesAndMixedWords() {
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        #expect(!SIPHeadParser.hasSpecialByte(word([0x20, 0x7E, 0x20, 0x7E, 0x21, 0x7D, 0x30, 0x41])))
        #expect(SIPHeadParser.hasSpecialByte(word([0x20, 0x7E, 0x20, 0x7E, 0x21, 0x7D, 0x30, 0x1F])))
        #expect(SIPHeadParser.hasSpecialByte(word([0xFF, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20])))
        #expect(SIPHeadParser.hasSpecialByte(word([0x20, 0x20, 0x20, 0x00, 0x20, 0x20, 0x20, 0x7F])))
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
}
