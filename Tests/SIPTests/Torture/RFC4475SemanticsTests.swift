import SIP
import Testing

/// RFC 4475 §3.2 to §3.4: messages that parse but test what an element does with them. Here,
/// what the parser hands the registrar; the answers are in the registrar's torture tests.
@Suite struct RFC4475SemanticsTests {
    /// §3.2.1: the magic cookie and nothing after it.
    @Test func badbranchHasAnEmptyTransactionIdentifier() throws {
        let via = try TortureFixture.rfc4475("badbranch").message().headers.topVia
        #expect(via.branch == "z9hG4bK")
        #expect(via.hasRFC3261Branch)
    }

    /// §3.3.1: To, From, Call-ID and Max-Forwards are missing: no response can be matched to it.
    @Test func insufCannotBeAnswered() throws {
        let error = try #require(TortureFixture.rfc4475("insuf").parsed.failureValue)
        #expect(error.kind == .missingHeader(.from))
        #expect(!error.canBuildResponse)
    }

    /// §3.3.2, §3.3.3: Request-URIs of schemes we do not handle are kept as written.
    @Test(arguments: [("unkscm", "nobodyKnowsThisScheme:totallyopaquecontent"), ("novelsc", "soap.beep://192.0.2.103:3002")])
    func unknownRequestURISchemesAreKept(_ name: String, _ uri: String) throws {
        let message = try TortureFixture.rfc4475(name).message()
        #expect(message.requestURI == .other(uri))
        #expect(message.requestURI?.sipURI == nil)
    }

    /// §3.3.4: To, From and Contact in schemes we do not know.
    @Test func unksm2KeepsTheForeignURIs() throws {
        let headers = try TortureFixture.rfc4475("unksm2").message().headers
        #expect(try headers.to.uri == .other("isbn:2983792873"))
        #expect(try headers.from.uri == .other("http://www.example.com"))
        let contacts = try headers.contactAddresses
        #expect(contacts.map(\.uri) == [.other("name:John_Smith")])
    }

    /// §3.3.5: the option tags a UAS must refuse with 420.
    @Test func bext01ListsTheRequiredExtensions() throws {
        let headers = try TortureFixture.rfc4475("bext01").message().headers
        #expect(try headers.require == ["nothingSupportsThis", "nothingSupportsThisEither"])
        #expect(try headers.optionTags(name: .proxyRequire) == ["noProxiesSupportThis", "norDoAnyProxiesSupportThis"])
    }

    /// §3.3.7: an Authorization header of an unknown scheme is still a header, not a credential.
    @Test func regaut01HasAForeignAuthorizationScheme() throws {
        let values = try TortureFixture.rfc4475("regaut01").message().headers.authValues(name: .authorization)
        #expect(values.count == 1)
        #expect(values.first?.isDigest == false)
    }

    /// §3.3.8: two Call-IDs, two CSeqs, two Froms, two Tos: dropped (no single To/From to answer).
    @Test func multi01IsRefused() throws {
        let error = try #require(TortureFixture.rfc4475("multi01").parsed.failureValue)
        #expect(error.kind == .duplicateHeader(.from) || error.kind == .duplicateHeader(.callID))
        #expect(!error.canBuildResponse)
    }

    /// §3.3.9: two different Content-Lengths: there is no way to know the body; 400.
    @Test func mcl01IsRefused() throws {
        let error = try #require(TortureFixture.rfc4475("mcl01").parsed.failureValue)
        #expect(error.kind == .malformedHeader(.contentLength))
        #expect(error.canBuildResponse)
    }

    /// §3.3.10: a response whose second Via is the broadcast address parses; responses are
    /// never sent on by the registrar.
    @Test func bcastIsAResponse() throws {
        let message = try TortureFixture.rfc4475("bcast").message()
        #expect(message.statusCode == 200)
        #expect(try message.headers.vias.last?.host.text == "255.255.255.255")
    }

    /// §3.3.11: Max-Forwards 0 is a value, not an error.
    @Test func zeromfHasMaxForwardsZero() throws {
        #expect(try TortureFixture.rfc4475("zeromf").message().headers.maxForwards == 0)
    }

    /// §3.3.12: in addr-spec form `unknownparam` is a Contact parameter, not a URI parameter.
    @Test func cparam01ParameterBelongsToTheContact() throws {
        let contact = try #require(try TortureFixture.rfc4475("cparam01").message().headers.contactAddresses.first)
        #expect(contact.parameters.contains("unknownparam"))
        #expect(contact.uri.sipURI?.parameters.isEmpty == true)
        #expect(contact.uri.sipURI?.user == "+19725552222")
    }

    /// §3.3.13: inside `<>` it is a URI parameter.
    @Test func cparam02ParameterBelongsToTheURI() throws {
        let contact = try #require(try TortureFixture.rfc4475("cparam02").message().headers.contactAddresses.first)
        #expect(contact.parameters.isEmpty)
        #expect(contact.uri.sipURI?.parameters.contains("unknownparam") == true)
    }

    /// §3.3.14: a Contact URI with an escaped header, properly in `<>`, is well formed.
    @Test func regescrtContactKeepsItsHeader() throws {
        let uri = try #require(try TortureFixture.rfc4475("regescrt").message().headers.contactAddresses.first?.uri.sipURI)
        #expect(uri.headers["Route"] == "%3Csip:sip.example.com%3E")
    }

    /// §3.3.6, §3.3.15: bodies and Accept values nobody understands parse untouched.
    @Test func invutAndSdp01Parse() throws {
        let invut = try TortureFixture.rfc4475("invut").message()
        #expect(invut.headers.first(name: .contentType) == "application/unknownformat")
        #expect(invut.body.count == 40)
        #expect(try TortureFixture.rfc4475("sdp01").message().headers.first(name: "Accept") == "text/nobodyKnowsThis")
    }

    /// §3.4.1: an RFC 2543 INVITE: no Max-Forwards, no magic cookie, no From tag, no
    /// Content-Length (the body is the rest of the datagram). In To, an addr-spec, `user=phone`
    /// is a header parameter under RFC 3261 (RFC 2543 read it as a URI parameter).
    @Test func inv2543Parses() throws {
        let message = try TortureFixture.rfc4475("inv2543").message()
        #expect(try message.headers.maxForwards == nil)
        #expect(try message.headers.topVia.branch == nil)
        #expect(try message.headers.from.tag == nil)
        #expect(message.body.count == 105)
        #expect(try message.headers.to.parameters["user"] == "phone")
        #expect(try message.headers.to.uri.sipURI?.parameters.isEmpty == true)
    }
}
