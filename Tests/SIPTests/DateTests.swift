import SIP
import Testing

/// The Date header's rfc1123-date (RFC 3261 §20.17).
@Suite struct DateTests {
    @Test(arguments: [
        ("Thu, 01 Jan 1970 00:00:00 GMT", Int64(0)),
        ("Sat, 13 Nov 2010 23:29:00 GMT", 1_289_690_940),
        ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600),
        ("Fri, 31 Dec 1999 23:59:59 GMT", 946_684_799),
        ("Sun, 07 Feb 2106 06:28:15 GMT", 4_294_967_295),
    ])
    func parseAndFormat(_ text: String, _ seconds: Int64) throws {
        let date = try #require(SIPDate(text))
        #expect(date.secondsSince1970 == seconds)
        #expect(SIPDate(secondsSince1970: seconds).description == text)
    }

    @Test func namesAreCaseInsensitiveAndSpacesLenient() {
        #expect(SIPDate("sat,  13 NOV 2010  23:29:00 gmt")?.secondsSince1970 == 1_289_690_940)
    }

    @Test func beforeTheEpoch() {
        let date = SIPDate(secondsSince1970: -1)
        #expect(date.description == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(SIPDate(date.description) == date)
    }

    @Test(arguments: [
        "", "Sat, 13 Nov 2010 23:29:00", "Sat, 13 Nov 2010 23:29:00 UTC", "Sat 13 Nov 2010 23:29:00 GMT",
        "Sat, 31 Nov 2010 23:29:00 GMT", "Sat, 29 Feb 2010 23:29:00 GMT", "Sat, 13 Nov 2010 24:00:00 GMT",
        "Sat, 13 Nov 2010 23:60:00 GMT", "Sat, 1 Nov 2010 23:29:00 GMT", "Sat, 13 Nov 10 23:29:00 GMT",
        "Xyz, 13 Nov 2010 23:29:00 GMT", "Sat, 13 Foo 2010 23:29:00 GMT", "Sat, 00 Nov 2010 23:29:00 GMT",
        "Sat, 13 Nov 2010 23:29:00 GMT extra",
    ])
    func invalid(_ text: String) {
        #expect(SIPDate(text) == nil, "\(text)")
    }

    @Test func malformedDateHeaderThrows() {
        let headers: SIPHeaders = [.date: "yesterday"]
        #expect(throws: SIPParseError(.malformedHeader(.date))) { try headers.date }
    }
}
