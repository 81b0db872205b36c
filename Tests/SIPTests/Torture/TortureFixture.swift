import Foundation
import SIP
import Testing

/// One message of the RFC 4475 / RFC 5118 torture corpus, read byte for byte from
/// `Tests/SIPTests/Fixtures/` (see the README there for where the bytes come from).
struct TortureFixture: Sendable, CustomTestStringConvertible {
    /// The RFC the message comes from: `rfc4475` or `rfc5118`.
    let rfc: String
    /// The RFC's file name for the message, without `.dat` (e.g. `wsinv`).
    let name: String

    init(_ rfc: String, _ name: String) {
        self.rfc = rfc
        self.name = name
    }

    /// The folder holding the fixture folders, found from this source file.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The exact bytes of the message.
    var bytes: [UInt8] {
        let url = Self.folder.appendingPathComponent(rfc).appendingPathComponent(name + ".dat")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return Array(data)
    }

    var testDescription: String { "\(rfc)/\(name)" }

    /// The message parsed as one UDP datagram.
    var parsed: Result<SIPMessage, SIPParseError> { SIPParser.parse(bytes) }

    /// The parsed message; fails the test with the parse error if it does not parse.
    func message(sourceLocation: SourceLocation = #_sourceLocation) throws -> SIPMessage {
        try parsed.get()
    }

    static func rfc4475(_ name: String) -> TortureFixture { TortureFixture("rfc4475", name) }
    static func rfc5118(_ name: String) -> TortureFixture { TortureFixture("rfc5118", name) }

    /// Every message of the corpus, as named in the RFCs' archives.
    static let all: [TortureFixture] = RFC4475Case.allCases.map { .rfc4475($0.rawValue) }
        + RFC5118Case.allCases.map { .rfc5118($0.rawValue) }
}

/// The 49 messages of RFC 4475 §3, by file name, in the order of the RFC's sections.
enum RFC4475Case: String, CaseIterable, Sendable {
    // §3.1.1 valid messages
    case wsinv, intmeth, esc01, escnull, esc02, lwsdisp, longreq, dblreq, semiuri, transports, mpart01, unreason,
        noreason
    // §3.1.2 invalid messages
    case badinv01, clerr, ncl, scalar02, scalarlg, quotbal, ltgtruri, lwsruri, lwsstart, trws, escruri, baddate,
        regbadct, badaspec, baddn, badvers, mismatch01, mismatch02, bigcode
    // §3.2 transaction layer semantics
    case badbranch
    // §3.3 application layer semantics
    case insuf, unkscm, novelsc, unksm2, bext01, invut, regaut01, multi01, mcl01, bcast, zeromf, cparam01,
        cparam02, regescrt, sdp01
    // §3.4 backward compatibility
    case inv2543
}

/// The 12 messages of RFC 5118 §4, by file name.
enum RFC5118Case: String, CaseIterable, Sendable {
    case ipv6Good = "ipv6-good"
    case ipv6Bad = "ipv6-bad"
    case portAmbiguous = "port-ambiguous"
    case portUnambiguous = "port-unambiguous"
    case viaReceivedWithDelimiters = "via-received-param-with-delim"
    case viaReceivedWithoutDelimiters = "via-received-param-no-delim"
    case ipv6InSDP = "ipv6-in-sdp"
    case multipleIPsInHeaders = "mult-ip-in-header"
    case multipleIPsInSDP = "mult-ip-in-sdp"
    case ipv4MappedIPv6 = "ipv4-mapped-ipv6"
    case threeColons = "ipv6-bug-abnf-3-colons"
    case twoColons = "ipv6-correct-abnf-2-colons"
}

extension SIPHeaders {
    /// The Contact addresses; empty for none or `*`. Throws if Contact is malformed.
    var contactAddresses: [SIPAddress] {
        get throws {
            if case .addresses(let addresses) = try contact { return addresses }
            return []
        }
    }
}
