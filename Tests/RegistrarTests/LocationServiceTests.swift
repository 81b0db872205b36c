import Testing
@testable import Registrar

/// The location service across its lock stripes: every AoR is found, listed and expired
/// whichever stripe it falls in.
@Suite struct LocationServiceTests {
    static func binding(_ user: Int, expiresAt: UInt64) -> Binding {
        Binding(
            contact: "sip:\(user)@10.0.0.1", contactKey: "sip:\(user)@10.0.0.1:0;", qualityThousandths: 1000,
            expiresAt: expiresAt, callID: "call-\(user)", cseq: 1,
            source: PacketSource(host: "10.0.0.1", port: 5060, transport: .udp))
    }

    @Test func everyStripeIsSeenBySnapshotRemovalAndRetain() throws {
        let location = LocationService(stripes: 8)
        for user in 0..<200 {
            try location.update("sip:\(user)@pbx.example", now: 0) { $0 = [Self.binding(user, expiresAt: user < 100 ? 50 : 500)] }
        }
        #expect(location.snapshot(now: 10).count == 200)
        #expect(location.lookup("sip:150@pbx.example", now: 10).map(\.contact) == ["sip:150@10.0.0.1"])
        let removed = try location.removeExpired(now: 60)
        #expect(Set(removed.keys) == Set((0..<100).map { "sip:\($0)@pbx.example" }))
        #expect(location.snapshot(now: 60).count == 100)
        try location.retain { $0.hasPrefix("sip:1") }
        #expect(Set(location.snapshot(now: 60).keys) == Set((100..<200).map { "sip:\($0)@pbx.example" }))
    }
}
