import SIP
import Testing

/// `Retry-After` (RFC 3261 §20.33): the delta-seconds, whatever comment and parameters follow.
@Suite struct RetryAfterTests {
    @Test(arguments: [
        ("120", UInt32(120)),
        ("18000;duration=3600", 18000),
        ("120 (I'm in a meeting)", 120),
        (" 5 ", 5),
        ("99999999999999", UInt32.max),
    ])
    func deltaSeconds(_ value: String, _ expected: UInt32) throws {
        let headers: SIPHeaders = [.retryAfter: value]
        #expect(try headers.retryAfter == expected)
    }

    @Test func absentIsNil() throws {
        #expect(try SIPHeaders().retryAfter == nil)
    }

    @Test(arguments: ["soon", "", "-5", "12x"])
    func malformedIsAnError(_ value: String) {
        let headers: SIPHeaders = [.retryAfter: value]
        #expect(throws: SIPParseError.self) { try headers.retryAfter }
    }
}
