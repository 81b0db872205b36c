import Registrar
import Testing

/// The `Date` header of every 200 (RFC 3261 §20.17, RFC 1123 dates in GMT).
@Suite struct RegistrarClockTests {
    @Test(arguments: [
        (UInt64(0), "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_289_690_940, "Sat, 13 Nov 2010 23:29:00 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (253_402_300_800, "Sat, 01 Jan 10000 00:00:00 GMT"),
    ])
    func httpDate(_ seconds: UInt64, _ expected: String) {
        #expect(RegistrarClock.httpDate(seconds) == expected)
    }
}
