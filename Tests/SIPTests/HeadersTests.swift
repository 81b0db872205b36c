import SIP
import Testing

/// The ordered header list: lookup, list splitting, and editing.
@Suite struct HeadersTests {
    @Test func listSplittingRespectsQuotesAndBrackets() {
        let headers: SIPHeaders = [
            .contact: "\"a, b\" <sip:x@y>;q=0.5, <sip:z@w>",
            .route: "<sip:p1.example.com;lr>,<sip:p2.example.com;lr>",
            .supported: " path ,, outbound ,",
        ]
        #expect(headers.elements(name: .contact) == ["\"a, b\" <sip:x@y>;q=0.5", "<sip:z@w>"])
        #expect(headers.elements(name: .route) == ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"])
        #expect(headers.elements(name: .supported) == ["path", "outbound"])
    }

    @Test func escapedQuoteDoesNotEndTheQuotedString() {
        let headers: SIPHeaders = [.contact: #""x\", y" <sip:a@b>, <sip:c@d>"#]
        #expect(headers.elements(name: .contact) == [#""x\", y" <sip:a@b>"#, "<sip:c@d>"])
    }

    @Test func commaInsideAngleBracketsIsNotASeparator() {
        let headers: SIPHeaders = [.contact: "<sip:a@b?subject=a,b>, <sip:c@d>"]
        #expect(headers.elements(name: .contact).count == 2)
    }

    @Test func lookupIsCaseInsensitiveAndOrderIsKept() {
        var headers = SIPHeaders()
        headers.add(name: "X-A", value: "1")
        headers.add(name: "via", value: "v1")
        headers.add(name: "x-a", value: "2")
        #expect(headers[SIPHeaderName("X-a")] == ["1", "2"])
        #expect(headers.first(name: .via) == "v1")
        #expect(headers.count(name: "X-A") == 2)
        #expect(headers.contains(name: "v"))
        #expect(!headers.contains(name: .route))
    }

    @Test func editing() {
        var headers: SIPHeaders = [.via: "a", .to: "t", .via: "b", .from: "f"]
        headers.insert(name: .via, value: "top", at: 0)
        #expect(headers[.via] == ["top", "a", "b"])
        headers.replaceOrAdd(name: .via, value: "only")
        #expect(headers.map(\.name) == [.via, .to, .from])
        #expect(headers[.via] == ["only"])
        headers.replaceOrAdd(name: .callID, value: "c")
        #expect(headers.last?.name == .callID)
        headers.remove(name: .to)
        #expect(headers.map(\.name) == [.via, .from, .callID])
        headers.insert(name: .route, value: "r", at: 99)
        #expect(headers.last?.name == .route)
    }

    @Test func headerNames() {
        #expect(SIPHeaderName("call-id") == .callID)
        #expect(SIPHeaderName("CALL-ID").name == "Call-ID")
        #expect(SIPHeaderName("www-authenticate").name == "WWW-Authenticate")
        #expect(SIPHeaderName("X-Custom").name == "X-Custom")
        #expect(SIPHeaderName("x-custom") == SIPHeaderName("X-CUSTOM"))
        #expect(SIPHeaderName("X-Custom").isKnown == false)
        #expect(SIPHeaderName.via.isKnown)
        #expect(Set([SIPHeaderName("Via"), SIPHeaderName("v"), SIPHeaderName("VIA")]).count == 1)
    }

    @Test func typedAccessorsReportDuplicatesAndMissing() {
        let headers: SIPHeaders = [.cseq: "1 INVITE", .cseq: "2 INVITE", .expires: "x"]
        #expect(throws: SIPParseError(.duplicateHeader(.cseq))) { try headers.cseq }
        #expect(throws: SIPParseError(.missingHeader(.callID))) { try headers.callID }
        #expect(throws: SIPParseError(.malformedHeader(.expires))) { try headers.expires }
        #expect(throws: SIPParseError(.missingHeader(.via))) { try headers.vias }
        #expect(throws: SIPParseError(.missingHeader(.via))) { try headers.topVia }
    }

    @Test func callIDMustBeOneWord() {
        let spaced: SIPHeaders = [.callID: "a b"]
        #expect(throws: SIPParseError(.malformedHeader(.callID))) { try spaced.callID }
        let empty: SIPHeaders = [.callID: ""]
        #expect(throws: SIPParseError(.malformedHeader(.callID))) { try empty.callID }
    }

    @Test func expiresSaturatesAtTheLargestDeltaSeconds() throws {
        let headers: SIPHeaders = [.expires: "4294967296000"]
        #expect(try headers.expires == UInt32.max)
    }

    @Test func optionTagsMustBeTokens() {
        let headers: SIPHeaders = [.require: "path, bad tag"]
        #expect(throws: SIPParseError(.malformedHeader(.require))) { try headers.require }
    }

    @Test func parameters() {
        var parameters: SIPParameters = [SIPParameter(name: "Transport", value: "tcp"), SIPParameter(name: "lr")]
        #expect(parameters["transport"] == "tcp")
        #expect(parameters.contains("LR"))
        #expect(parameters["lr"] == nil)
        parameters.set("TRANSPORT", value: "udp")
        parameters.set("maddr", value: "192.0.2.1")
        #expect(parameters.description == ";Transport=udp;lr;maddr=192.0.2.1")
        parameters.remove("lr")
        #expect(parameters.description == ";Transport=udp;maddr=192.0.2.1")
        #expect(SIPParameter(name: "x", value: #""a\"b""#).unquotedValue == #"a"b"#)
        #expect(SIPParameter(name: "x", value: "plain").unquotedValue == "plain")
    }
}
