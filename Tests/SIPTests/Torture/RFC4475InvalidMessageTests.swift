import SIP
import Testing

/// RFC 4475 §3.1.2: messages that break the grammar. Each is refused with the error a `400`
/// (or `505`) is built from, dropped when no response can be matched to it, or, where the RFC
/// lets an element be liberal and we are, accepted with the fault kept out of what we use.
@Suite struct RFC4475InvalidMessageTests {
    /// What the parser does with a message.
    enum Outcome: Sendable {
        /// Refused with this error; `answerable` when a response can be built (else dropped).
        case refused(SIPParseError.Kind, answerable: Bool)
        /// Accepted: the RFC allows it and we gain nothing by refusing.
        case accepted
    }

    static let outcomes: [(RFC4475Case, Outcome)] = [
        (.badinv01, .refused(.malformedHeader(.via), answerable: false)),
        (.clerr, .refused(.contentLengthMismatch, answerable: true)),
        (.ncl, .refused(.malformedHeader(.contentLength), answerable: true)),
        (.scalar02, .refused(.malformedHeader(.cseq), answerable: false)),
        (.scalarlg, .refused(.malformedHeader(.cseq), answerable: false)),
        (.quotbal, .refused(.malformedHeader(.to), answerable: false)),
        (.ltgtruri, .refused(.malformedRequestURI, answerable: true)),
        (.lwsruri, .refused(.malformedStartLine, answerable: false)),
        (.lwsstart, .accepted),
        (.trws, .accepted),
        (.escruri, .refused(.malformedRequestURI, answerable: true)),
        (.baddate, .accepted),
        (.regbadct, .accepted),
        (.badaspec, .refused(.malformedHeader(.to), answerable: false)),
        (.baddn, .accepted),
        (.badvers, .refused(.unsupportedVersion(SIPVersion(major: 7, minor: 0)), answerable: true)),
        (.mismatch01, .refused(.cseqMethodMismatch, answerable: true)),
        (.mismatch02, .refused(.cseqMethodMismatch, answerable: true)),
        (.bigcode, .refused(.malformedStartLine, answerable: false)),
    ]

    @Test func everyInvalidMessageHasAnOutcome() {
        let invalid = RFC4475Case.allCases.drop { $0 != .badinv01 }.prefix { $0 != .badbranch }
        #expect(Self.outcomes.map(\.0) == Array(invalid))
    }

    @Test(arguments: outcomes)
    func outcome(_ name: RFC4475Case, _ expected: Outcome) throws {
        let result = TortureFixture.rfc4475(name.rawValue).parsed
        switch expected {
        case .refused(let kind, let answerable):
            let error = try #require(result.failureValue, "\(name) must be refused")
            #expect(error.kind == kind)
            #expect(error.canBuildResponse == answerable)
            if answerable { #expect(error.status.code == (kind == .unsupportedVersion(SIPVersion(major: 7, minor: 0)) ? 505 : 400)) }
        case .accepted:
            #expect(result.value != nil, "\(name) is accepted")
        }
    }

    /// §3.1.2.2 and §3.1.2.3 over TCP: a Content-Length beyond the data waits for more, a
    /// negative one is a framing error that closes the connection.
    @Test func contentLengthOnAStream() throws {
        var framer = SIPStreamFramer()
        framer.append(TortureFixture.rfc4475("clerr").bytes)
        #expect(try framer.next() == nil)
        var negative = SIPStreamFramer()
        negative.append(TortureFixture.rfc4475("ncl").bytes)
        #expect(throws: SIPParseError.self) { try negative.next() }
    }

    /// §3.1.2.9 and §3.1.2.10: the extra spaces are not part of what we read.
    @Test func extraSpacesInTheRequestLineAreNotKept() throws {
        let lwsstart = try TortureFixture.rfc4475("lwsstart").message()
        #expect(lwsstart.requestURI?.description == "sip:user@example.com")
        let trws = try TortureFixture.rfc4475("trws").message()
        #expect(trws.version == .sip2_0)
        #expect(trws.requestURI?.description == "sip:remote-target@example.com")
    }

    /// §3.1.2.12: a Date outside GMT is malformed; the registrar never reads a request's Date.
    @Test func baddateHasAMalformedDate() throws {
        let headers = try TortureFixture.rfc4475("baddate").message().headers
        #expect(throws: SIPParseError(.malformedHeader(.date))) { try headers.date }
    }

    /// §3.1.2.13: a URI with escaped headers outside `<>` is a malformed Contact, which the
    /// registrar answers with 400 (see the registrar's torture tests).
    @Test func regbadctHasAMalformedContact() throws {
        let headers = try TortureFixture.rfc4475("regbadct").message().headers
        #expect(throws: SIPParseError(.malformedHeader(.contact))) { try headers.contact }
    }

    /// §3.1.2.15: unquoted display names with non-token characters are read liberally, as the
    /// RFC allows; the URI and tag are unaffected.
    @Test func baddnIsReadLiberally() throws {
        let headers = try TortureFixture.rfc4475("baddn").message().headers
        #expect(try headers.from.displayName == "Bell, Alexander")
        #expect(try headers.from.tag == "43")
        #expect(try headers.to.uri.sipURI?.addressOfRecord == "sip:t.watson@example.org")
    }
}
