@testable import SIP
import Testing

/// The hand-maintained tables inside the module agree with the definitions they encode.
@Suite struct CharacterTableTests {
    /// Each class, as RFC 3261 §25.1 defines it.
    static let definitions: [(CharacterClass, String)] = [
        (.digit, "0123456789"),
        (.alpha, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        (.hexDigit, "0123456789abcdefABCDEF"),
        (.token, alphanumerics + "-.!%*_+`'~"),
        (.unreserved, alphanumerics + "-_.!~*'()"),
        (.userUnreserved, "&=+$,;?/"),
        (.passwordUnreserved, "&=+$,"),
        (.paramUnreserved, "[]/:&+$"),
        (.headerUnreserved, "[]/?:+$"),
        (.whitespace, " \t"),
        (.hostLabel, alphanumerics + "-_"),
        (.word, alphanumerics + "-.!%*_+`'~()<>:\\\"/[]?{}"),
    ]

    static let alphanumerics = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    @Test func everyClassHasExactlyItsCharacters() {
        for (characterClass, members) in Self.definitions {
            let expected = Set(members.utf8)
            for byte in UInt8.min...UInt8.max {
                #expect(byte.is(characterClass) == expected.contains(byte), "byte \(byte) in \(characterClass)")
            }
        }
        for byte in UInt8.min...UInt8.max {
            #expect(byte.is(.visible) == (0x21...0x7E).contains(byte), "byte \(byte) visible")
        }
    }

    @Test func knownHeaderNamesHaveDistinctIdentities() {
        let ids = SIPHeaderName.known.map(\.id)
        #expect(!ids.contains(0))
        #expect(Set(ids).count == ids.count)
        #expect(Set(SIPHeaderName.known.map { $0.name.lowercased() }).count == ids.count)
        for name in SIPHeaderName.known {
            #expect(SIPHeaderName(name.name.uppercased()) == name)
            #expect(SIPHeaderName(name.name.lowercased()).name == name.name)
        }
    }
}
