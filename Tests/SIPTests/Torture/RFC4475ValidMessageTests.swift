import SIP
import Testing

/// RFC 4475 §3.1.1: well-formed messages a parser must accept, each checked for the facts the
/// RFC says the message is about.
@Suite struct RFC4475ValidMessageTests {
    /// §3.1.1.2 `intmeth` is the one valid message we refuse: see `intmethIsRefusedForItsControlOctets`.
    static let accepted = RFC4475Case.allCases.prefix { $0 != .badinv01 }.filter { $0 != .intmeth }

    @Test(arguments: accepted)
    func parses(_ name: RFC4475Case) throws {
        let message = try TortureFixture.rfc4475(name.rawValue).message()
        #expect(message.version == .sip2_0)
    }

    /// §3.1.1.1: folding everywhere, LWS around colons and semicolons, escaped quotes, an empty
    /// Subject, compact and long names mixed, leading zeros, an unknown header with an odd value.
    @Test func wsinv() throws {
        let message = try TortureFixture.rfc4475("wsinv").message()
        let headers = message.headers
        let requestURI = try #require(message.requestURI?.sipURI)
        #expect(requestURI.user == "vivekg" && requestURI.host.text == "chair-dnrc.example.com")
        #expect(requestURI.parameters.contains("unknownparam"))
        #expect(try headers.to.tag == "1918181833n")
        #expect(try headers.from.displayName == #"J Rosenberg \""#)
        #expect(try headers.from.tag == "98asjd8")
        #expect(try headers.maxForwards == 68)
        #expect(try headers.cseq == SIPCSeq(sequenceNumber: 9, method: .invite))
        #expect(try headers.contentLength == 150)
        #expect(message.body.count == 150)
        #expect(headers.first(name: .subject) == "")
        #expect(headers.first(name: "NewFangledHeader") == "newfangled value continued newfangled value")
        #expect(headers.first(name: "UnknownHeaderWithUnusualValue") == ";;,,;;,;")
        let vias = try headers.vias
        #expect(vias.map(\.host.text) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(vias.map(\.transport) == [.udp, .tcp, .udp])
        #expect(vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(try headers.addresses(name: .route).first?.uri.sipURI?.isLooseRouting == true)
        let contacts = try headers.contactAddresses
        #expect(contacts.count == 1)
        let contact = try #require(contacts.first)
        #expect(contact.displayName == #"Quoted string """#)
        #expect(contact.parameters["newparam"] == "newvalue")
        #expect(contact.parameters.contains("secondparam"))
        #expect(contact.q == SIPQValue(thousandths: 330))
    }

    /// §3.1.1.3: % HEX HEX escapes in the Request-URI, From, To and Contact; `value%41` is not
    /// unescaped twice.
    @Test func esc01() throws {
        let message = try TortureFixture.rfc4475("esc01").message()
        let requestURI = try #require(message.requestURI?.sipURI)
        #expect(requestURI.decodedUser == "sips:user@example.com")
        #expect(requestURI.host.text == "example.net")
        #expect(try message.headers.to.uri.sipURI?.decodedUser == "user")
        #expect(try message.headers.to.uri.sipURI?.addressOfRecord == "sip:user@example.com")
        #expect(try message.headers.from.uri.sipURI?.decodedUser == "I have spaces")
        let contacts = try message.headers.contactAddresses
        let contact = try #require(contacts.first?.uri.sipURI)
        #expect(contact.decodedUser == "caller")
        #expect(contact.parameters.contains("%6C%72"))
        #expect(contact.parameters["n%61me"] == "v%61lue%25%34%31")
        #expect(message.body.count == 150)
    }

    /// §3.1.1.4: `%00` in user parts must not shorten the AoR; two distinct contacts.
    @Test func escnull() throws {
        let message = try TortureFixture.rfc4475("escnull").message()
        let to = try #require(try message.headers.to.uri.sipURI)
        #expect(to.decodedUser == "null-\u{0}-null")
        #expect(to.addressOfRecord == "sip:null-%00-null@example.com")
        let contacts = try message.headers.contactAddresses
        #expect(contacts.compactMap(\.uri.sipURI?.decodedUser) == ["\u{0}", "\u{0}\u{0}"])
        #expect(Set(contacts.map(\.uri)).count == 2)
    }

    /// §3.1.1.5: % is not an escape in a method, a display name or a header name: the method is
    /// unknown (not REGISTER), the display names are `%Z%45`, and there are two Contacts, not three.
    @Test func esc02() throws {
        let message = try TortureFixture.rfc4475("esc02").message()
        #expect(message.method == SIPMethod("RE%47IST%45R"))
        #expect(message.method != .register)
        #expect(try message.headers.to.displayName == "%Z%45")
        #expect(try message.headers.topVia.branch == "z9hG4bK209%fzsnel234")
        let contacts = try message.headers.contactAddresses
        #expect(contacts.compactMap(\.uri.sipURI?.user) == ["alias1", "alias3"])
        #expect(message.headers.first(name: "C%6Fntact") == "<sip:alias2@host2.example.com>")
    }

    /// §3.1.1.6: no LWS between an unquoted display name and `<`.
    @Test func lwsdisp() throws {
        let from = try TortureFixture.rfc4475("lwsdisp").message().headers.from
        #expect(from.displayName == "caller")
        #expect(from.uri.sipURI?.user == "caller")
        #expect(from.tag == "323")
    }

    /// §3.1.1.7: long values everywhere and 34 Via values under every spelling of the name.
    @Test func longreq() throws {
        let message = try TortureFixture.rfc4475("longreq").message()
        let headers = message.headers
        let to = try headers.to
        #expect(to.displayName == "I have a user name of " + String(repeating: "extreme", count: 10) + " proportion")
        #expect(to.uri.sipURI?.port == 6000)
        #expect(to.uri.sipURI?.parameters.count == 3)
        #expect(try headers.from.tag == "12" + String(repeating: "982", count: 50) + "424")
        #expect(try headers.callID == "longreq.one" + String(repeating: "really", count: 20) + "longcallid")
        let vias = try headers.vias
        #expect(vias.count == 34)
        #expect(vias.prefix(33).map(\.host.text) == (1...33).reversed().map { "sip\($0).example.com" })
        #expect(vias.last?.received == SIPHost("192.0.2.5"))
        #expect(vias.last?.branch == "very" + String(repeating: "long", count: 50) + "branchvalue")
        #expect(message.body.count == 150)
    }

    /// §3.1.1.8: Content-Length 0 and an INVITE after it in the same datagram: the extra octets
    /// are not part of the REGISTER (RFC 3261 §18.3).
    @Test func dblreq() throws {
        let message = try TortureFixture.rfc4475("dblreq").message()
        #expect(message.method == .register)
        #expect(message.body.isEmpty)
        #expect(try message.headers.callID == "dblreq.0ha0isndaksdj99sdfafnl3lk233412")
        #expect(message.headers[.via].count == 1)
    }

    /// §3.1.1.9: a `;` inside the user part of the Request-URI.
    @Test func semiuri() throws {
        let message = try TortureFixture.rfc4475("semiuri").message()
        let requestURI = try #require(message.requestURI?.sipURI)
        #expect(requestURI.decodedUser == "user;par=u@example.net")
        #expect(requestURI.host.text == "example.com")
        #expect(requestURI.parameters.isEmpty)
        #expect(message.headers.first(name: "Accept")?.contains("message/sipfrag") == true)
    }

    /// §3.1.1.10: every transport, and one nobody knows.
    @Test func transports() throws {
        let vias = try TortureFixture.rfc4475("transports").message().headers.vias
        #expect(vias.map(\.transport.description) == ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"])
        #expect(vias.map(\.host.text) == (1...5).map { "t\($0).example.com" })
    }

    /// §3.1.1.11: a multipart body with NUL octets and bare LFs, framed by Content-Length alone.
    @Test func mpart01() throws {
        let message = try TortureFixture.rfc4475("mpart01").message()
        #expect(message.method == .message)
        #expect(message.body.count == 553)
        #expect(message.body.contains(0x00))
        #expect(message.body.starts(with: Array("--7a9cbec02ceef655\r\n".utf8)))
        #expect(message.body.suffix(24) == Array("\r\n--7a9cbec02ceef655--\r\n".utf8)[...])
        #expect(try message.headers.date?.description == "Sat, 15 Oct 2005 04:44:56 GMT")
    }

    /// §3.1.1.12: a reason phrase with UTF-8 beyond ASCII.
    @Test func unreason() throws {
        let message = try TortureFixture.rfc4475("unreason").message()
        #expect(message.statusCode == 200)
        #expect(message.statusLine?.reasonPhrase == "= 2**3 * 5**2 но сто девяносто девять - простое")
        #expect(message.body.count == 154)
    }

    /// §3.1.1.13: no reason phrase, but the SP before it.
    @Test func noreason() throws {
        let message = try TortureFixture.rfc4475("noreason").message()
        #expect(message.statusCode == 100)
        #expect(message.statusLine?.reasonPhrase == "")
    }

    /// §3.1.1.2 `intmeth` quotes NUL, BEL and DEL in the To display name (`quoted-pair`). We
    /// refuse control octets anywhere in the header section (see docs/security.md), so the
    /// message is dropped: it has no parseable To to answer with.
    @Test func intmethIsRefusedForItsControlOctets() throws {
        let error = try #require(TortureFixture.rfc4475("intmeth").parsed.failureValue)
        #expect(error.kind == .invalidCharacter)
        #expect(!error.canBuildResponse)
    }

    /// Everything else §3.1.1.2 is about, on the same message with the three quoted control
    /// octets replaced by letters: token characters in the method, the branch, a display name
    /// of tokens and a header name; a Request-URI with a password; a Call-ID of `word` characters.
    @Test func intmethWithoutTheControlOctets() throws {
        let bytes = TortureFixture.rfc4475("intmeth").bytes.map { [0x00, 0x07, 0x7F].contains($0) ? UInt8(ascii: "x") : $0 }
        let message = try SIPParser.parse(bytes).get()
        let method = SIPMethod("!interesting-Method0123456789_*+`.%indeed'~")
        #expect(message.method == method)
        #expect(try message.headers.cseq == SIPCSeq(sequenceNumber: 139_122_385, method: method))
        let requestURI = try #require(message.requestURI?.sipURI)
        #expect(requestURI.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(requestURI.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(requestURI.host.text == "example.com")
        #expect(try message.headers.topVia.branch == "z9hG4bK-.!%66*_+`'~")
        let from = try message.headers.from
        #expect(from.displayName == "token1~` token2'+_ token3*%!.-")
        #expect(from.tag == "_token~1'+`*%!-.")
        #expect(from.parameters["fromParam''~+*_!.-%"] == "\"работающий\"")
        #expect(try message.headers.callID == #"intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{"#)
        #expect(try message.headers.maxForwards == 255)
        #expect(message.headers.first(name: "extensionHeader-!.%*+_`'~") == "\u{FEFF}大停電")
    }
}
