import SIP
import Testing

/// Valid messages written in the unusual ways RFC 3261 allows (compare RFC 4475 §3.1.1).
@Suite struct TrickyFormTests {
    @Test func compactHeaderNamesMapToCanonicalNames() throws {
        let lines = [
            "REGISTER sip:example.com SIP/2.0",
            "v: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
            "t: <sip:bob@example.com>",
            "f: <sip:bob@example.com>;tag=1",
            "i: abc@host",
            "CSeq: 1 REGISTER",
            "m: <sip:bob@192.0.2.10>",
            "k: path",
            "l: 0",
        ]
        let message = try Fixture.parse(lines).get()
        let names = message.headers.map(\.name.name)
        #expect(names == ["Via", "To", "From", "Call-ID", "CSeq", "Contact", "Supported", "Content-Length"])
        #expect(try message.headers.callID == "abc@host")
        #expect(message.headers.first(name: .callID) == "abc@host")
        #expect(message.headers.first(name: "I") == "abc@host")
    }

    @Test(arguments: [
        ("i", "Call-ID"), ("m", "Contact"), ("e", "Content-Encoding"), ("l", "Content-Length"),
        ("c", "Content-Type"), ("f", "From"), ("s", "Subject"), ("k", "Supported"), ("t", "To"),
        ("v", "Via"), ("o", "Event"), ("u", "Allow-Events"), ("r", "Refer-To"), ("b", "Referred-By"),
        ("x", "Session-Expires"),
    ])
    func everyCompactForm(_ compact: String, _ canonical: String) {
        #expect(SIPHeaderName(compact).name == canonical)
        #expect(SIPHeaderName(compact.uppercased()) == SIPHeaderName(canonical))
        #expect(SIPHeaderName(canonical).compactForm == Character(compact))
    }

    @Test func headerNamesAreCaseInsensitive() throws {
        let lines = [
            "OPTIONS sip:example.com SIP/2.0",
            "VIA: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
            "tO: <sip:bob@example.com>",
            "FROM: <sip:bob@example.com>;tag=1",
            "call-id: abc",
            "cseq: 1 OPTIONS",
            "MAX-forwards: 70",
            "x-custom-HEADER: kept",
        ]
        let message = try Fixture.parse(lines).get()
        #expect(message.headers.map(\.name.name) == ["Via", "To", "From", "Call-ID", "CSeq", "Max-Forwards", "x-custom-HEADER"])
        #expect(message.headers.first(name: "X-Custom-Header") == "kept")
        #expect(try message.headers.maxForwards == 70)
    }

    @Test func multipleViaLinesAndCommaJoinedVias() throws {
        let lines = [
            "INVITE sip:bob@example.com SIP/2.0",
            "Via: SIP/2.0/UDP first.example.com;branch=z9hG4bK1, SIP/2.0/TCP second.example.com:5070;branch=z9hG4bK2",
            "Max-Forwards: 69",
            "v: SIP/2.0/TLS [2001:db8::9]:5061;branch=z9hG4bK3;received=2001:db8::10",
            "To: <sip:bob@example.com>",
            "From: <sip:alice@example.com>;tag=1",
            "Call-ID: abc",
            "CSeq: 2 INVITE",
        ]
        let vias = try Fixture.parse(lines).get().headers.vias
        #expect(vias.map(\.branch) == ["z9hG4bK1", "z9hG4bK2", "z9hG4bK3"])
        #expect(vias.map(\.transport) == [.udp, .tcp, .tls])
        #expect(vias[1].port == 5070)
        #expect(vias[2].host.kind == .ipv6)
        #expect(vias[2].port == 5061)
        #expect(vias[2].received == SIPHost("[2001:db8::10]"))
    }

    @Test func foldedLinesAreUnfolded() throws {
        let lines = [
            "REGISTER sip:example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10",
            "  ;branch=z9hG4bK1",
            "To:",
            "\t<sip:bob@example.com>",
            "From: <sip:bob@example.com>;",
            " tag=1",
            "Call-ID: abc",
            "CSeq: 1",
            "   REGISTER",
            "Subject: one",
            " two  ",
            "\t three",
        ]
        let headers = try Fixture.parse(lines).get().headers
        #expect(headers.first(name: .via) == "SIP/2.0/UDP 192.0.2.10 ;branch=z9hG4bK1")
        #expect(try headers.topVia.branch == "z9hG4bK1")
        #expect(headers.first(name: .to) == "<sip:bob@example.com>")
        #expect(try headers.from.tag == "1")
        #expect(try headers.cseq.method == .register)
        #expect(headers.first(name: .subject) == "one two three")
    }

    /// After RFC 4475 §3.1.1.1 "wsinv": whitespace and line folding everywhere it is allowed.
    @Test func extensiveWhitespace() throws {
        let body = "v=0\r\no=mhandley 29739 7272939 IN IP4 192.0.2.3\r\ns=-\r\nc=IN IP4 192.0.2.4\r\nt=0 0\r\nm=audio 49217 RTP/AVP 0 12\r\nm=video 3227 RTP/AVP 31\r\na=rtpmap:31 LPC\r\n"
        let lines = [
            "INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0",
            "TO :",
            " sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n",
            "from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>",
            "  ;",
            "  tag = 98asjd8",
            "MaX-fOrWaRdS: 0068",
            "Call-ID: wsinv.ndaksdj@192.0.2.1",
            "Content-Length   : \(body.utf8.count)",
            "cseq: 0009",
            "  INVITE",
            "Via  : SIP  /   2.0",
            " /UDP",
            "    192.0.2.2;branch=390skdjuw",
            "s :",
            "NewFangledHeader:   newfangled value",
            " continued newfangled value",
            "UnknownHeaderWithUnusualValue: ;;,,;;,;",
            "Content-Type: application/sdp",
            "Route:",
            " <sip:services.example.com;lr;unknownwith=value;unknown-no-value>",
            "v:  SIP  / 2.0  / TCP     spindle.example.com   ;",
            "  branch  =   z9hG4bK9ikj8  ,",
            " SIP  /    2.0   / UDP  192.168.255.111   ; branch=",
            " z9hG4bK30239",
            "m:\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =",
            "      newvalue ;",
            "  secondparam ; q = 0.33",
        ]
        let message = try Fixture.parse(lines, body: body).get()
        let headers = message.headers
        #expect(message.body.count == body.utf8.count)
        #expect(try headers.to.tag == "1918181833n")
        #expect(try headers.to.uri.sipURI?.user == "vivekg")
        #expect(try headers.from.displayName == "J Rosenberg \\\"")
        #expect(try headers.from.tag == "98asjd8")
        #expect(try headers.maxForwards == 68)
        #expect(try headers.cseq == SIPCSeq(sequenceNumber: 9, method: .invite))
        #expect(headers.first(name: .subject) == "")
        #expect(headers.first(name: "newfangledheader") == "newfangled value continued newfangled value")
        let vias = try headers.vias
        #expect(vias.map(\.host.text) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        let routes = try headers.addresses(name: .route)
        #expect(routes.first?.uri.sipURI?.isLooseRouting == true)
        guard case .addresses(let contacts) = try headers.contact else {
            Issue.record("expected contact addresses")
            return
        }
        #expect(contacts.first?.displayName == "Quoted string \"\"")
        #expect(contacts.first?.parameters["newparam"] == "newvalue")
        #expect(contacts.first?.parameters.contains("secondparam") == true)
        #expect(contacts.first?.q == SIPQValue(thousandths: 330))
    }

    @Test func quotedDisplayNamesWithCommasAndEscapedQuotes() throws {
        let lines = Fixture.register.filter { !$0.hasPrefix("Contact") } + [
            "Contact: \"a, b\" <sip:x@y>;q=0.5, <sip:z@w>",
            "Contact: \"He said \\\"hi, there\\\"\" <sip:q@r>;expires=60",
        ]
        let contact = try Fixture.parse(lines).get().headers.contact
        guard case .addresses(let addresses) = contact else {
            Issue.record("expected contact addresses")
            return
        }
        #expect(addresses.count == 3)
        #expect(addresses[0].displayName == "a, b")
        #expect(addresses[0].q == SIPQValue(thousandths: 500))
        #expect(addresses[1].displayName == nil)
        #expect(addresses[1].uri.sipURI?.addressOfRecord == "sip:z@w")
        #expect(addresses[2].displayName == "He said \"hi, there\"")
        #expect(addresses[2].expires == 60)
    }

    @Test func ipv6HostsInRequestURIViaAndContact() throws {
        let lines = [
            "REGISTER sip:[2001:db8::1]:5060 SIP/2.0",
            "Via: SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bK1;rport",
            "To: <sip:bob@[2001:DB8:0:0::1]>",
            "From: <sip:bob@[2001:db8::1]>;tag=1",
            "Call-ID: abc",
            "CSeq: 1 REGISTER",
            "Contact: <sip:bob@[2001:db8::9]:5060;transport=udp>",
        ]
        let message = try Fixture.parse(lines).get()
        let requestURI = try #require(message.requestURI?.sipURI)
        #expect(requestURI.host.kind == .ipv6)
        #expect(requestURI.host.text == "[2001:db8::1]")
        #expect(requestURI.port == 5060)
        #expect(try message.headers.topVia.host.canonical == "[2001:db8::9]")
        #expect(try message.headers.to.uri.sipURI?.addressOfRecord == "sip:bob@[2001:db8::1]")
    }

    @Test func parametersWithoutValues() throws {
        let lines = Fixture.replacing(
            "Contact", with: "Contact: <sip:bob@192.0.2.10;lr;ob>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";pub-gruu",
            in: Fixture.register)
        let contact = try Fixture.parse(lines).get().headers.contact
        guard case .addresses(let addresses) = contact, let address = addresses.first else {
            Issue.record("expected one contact")
            return
        }
        #expect(address.uri.sipURI?.parameters.contains("lr") == true)
        #expect(address.uri.sipURI?.parameters["lr"] == nil)
        #expect(address.uri.sipURI?.parameters.contains("ob") == true)
        #expect(address.parameters.contains("pub-gruu"))
        #expect(address.parameters["reg-id"] == "1")
        #expect(address.parameters.first(named: "+SIP.INSTANCE")?.unquotedValue == "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>")
    }

    @Test func wildcardContact() throws {
        var lines = Fixture.replacing("Contact", with: "Contact: *", in: Fixture.register)
        lines = Fixture.replacing("Expires", with: "Expires: 0", in: lines)
        let headers = try Fixture.parse(lines).get().headers
        #expect(try headers.contact == .wildcard)
        #expect(try headers.expires == 0)
    }

    @Test func wildcardMixedWithAddressesIsMalformed() throws {
        let lines = Fixture.replacing("Contact", with: "Contact: *, <sip:bob@192.0.2.10>", in: Fixture.register)
        let headers = try Fixture.parse(lines).get().headers
        #expect(throws: SIPParseError(.malformedHeader(.contact))) { try headers.contact }
    }

    @Test func methodsAreCaseSensitive() throws {
        let lines = Fixture.register.map { $0.replacing("REGISTER", with: "register") }
        let message = try Fixture.parse(lines).get()
        #expect(message.method == SIPMethod("register"))
        #expect(message.method != .register)
        #expect(message.method?.isKnown == false)
    }

    @Test func unknownMethodMatchingCSeqIsAccepted() throws {
        let lines = Fixture.options.map { $0.replacing("OPTIONS", with: "NEWMETHOD") }
        #expect(try Fixture.parse(lines).get().method == "NEWMETHOD")
    }

    @Test func bareLineFeedsAreTolerated() throws {
        let text = Fixture.options.joined(separator: "\n") + "\n\n"
        let message = try SIPParser.parse(Array(text.utf8)).get()
        #expect(message.method == .options)
        #expect(message.headers.count == 8)
    }

    @Test func addrSpecParametersBelongToTheHeader() throws {
        let lines = Fixture.replacing("From", with: "From: sip:bob@example.com;tag=xyz;transport=tcp", in: Fixture.register)
        let from = try Fixture.parse(lines).get().headers.from
        #expect(from.tag == "xyz")
        #expect(from.parameters["transport"] == "tcp")
        #expect(from.uri.sipURI?.parameters.isEmpty == true)
    }

    @Test func telURIsAndOtherSchemesParse() throws {
        let lines = [
            "INVITE tel:+1-201-555-0123;phone-context=example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1",
            "To: <tel:+1-201-555-0123>",
            "From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1",
            "Call-ID: abc",
            "CSeq: 1 INVITE",
            "Contact: <mailto:alice@example.com>",
        ]
        let message = try Fixture.parse(lines).get()
        guard case .tel(let tel) = message.requestURI else {
            Issue.record("expected a tel URI")
            return
        }
        #expect(tel.digits == "+12015550123")
        #expect(tel.parameters["phone-context"] == "example.com")
        #expect(try message.headers.to.uri.scheme == "tel")
        guard case .addresses(let contacts) = try message.headers.contact else {
            Issue.record("expected contact addresses")
            return
        }
        #expect(contacts.first?.uri == .other("mailto:alice@example.com"))
    }
}
