#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ManifestCompiler

/// `IPAddress.description` writes IPv6 itself; glibc's `inet_ntop`, which it replaced, is the
/// oracle for the text.
@Suite struct IPAddressTextTests {
    private func inetNtop(_ bytes: [UInt8]) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = bytes.withUnsafeBytes { raw in
            inet_ntop(AF_INET6, raw.baseAddress, &text, socklen_t(text.count))
        }
        #expect(written != nil)
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func bytes(_ groups: [UInt16]) -> [UInt8] {
        groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    @Test(arguments: [
        [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304], [0, 0, 0, 0, 0, 0, 0x0102, 0x0304],
        [0, 0, 0, 0, 0, 0xFFFF, 0, 0], [0, 0, 0, 0, 0, 0xFFFF, 0, 1], [0, 0, 0, 0, 0, 1, 0x0102, 0x0304],
        [1, 0, 0, 2, 0, 0, 0, 3], [1, 0, 0, 2, 0, 0, 3, 4], [0, 0, 1, 0, 0, 1, 0, 0],
        [0x2001, 0xDB8, 0, 0, 0, 0, 0, 1], [0x2001, 0xDB8, 0, 1, 1, 1, 1, 1], [0x2001, 0xDB8, 0xA, 0xBC, 0xDEF, 0xFFFF, 0x10, 0x100],
        [0, 1, 0, 1, 0, 1, 0, 1], [0xFE80, 0, 0, 0, 0x1FF, 0xFE23, 0x4567, 0x890A], [0, 0, 0, 0, 0, 0, 0, 0xFFFF],
    ] as [[UInt16]])
    func writesWhatInetNtopWrites(_ groups: [UInt16]) {
        let address = bytes(groups)
        #expect(IPAddress.v6(address).description == inetNtop(address))
    }

    /// Every pattern of zero and non-zero groups (so every run of zeros, of every length and
    /// place, and every tie), with non-zero groups of one to four hexadecimal digits and
    /// `ffff` in the sixth group, which decides the IPv4-mapped form.
    @Test func everyPatternOfZeroGroupsMatchesInetNtop() {
        let values: [[UInt16]] = [
            [1, 2, 3, 4, 5, 6, 7, 8], [0xA, 0xBC, 0xDEF, 0x1234, 0xFFFF, 0xFFFF, 0x10, 0x100],
            [0xF, 0xF0, 0xF00, 0xF000, 0x8, 0xFFFF, 0x0102, 0x0304],
        ]
        for choice in values {
            for mask in 0..<256 {
                let groups = (0..<8).map { mask & (1 << $0) != 0 ? choice[$0] : 0 }
                let address = bytes(groups)
                #expect(IPAddress.v6(address).description == inetNtop(address), "\(groups)")
            }
        }
    }
}
