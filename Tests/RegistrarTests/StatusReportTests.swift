import Foundation
import RuntimeBundle
import Testing
@testable import Registrar

/// The status report's model and JSON: round trip, format members, version check, the rows made
/// from a bundle, and which providers make `status` exit 1.
@Suite struct StatusReportTests {
    /// A report with one provider in every state, every optional member set on some row and
    /// absent on others.
    static func report(providers: [ProviderStatus]? = nil) -> StatusReport {
        let rows = ProviderState.allCases.enumerated().map { index, state in
            ProviderStatus(
                name: "p\(index)", title: index.isMultiple(of: 2) ? "Provider \(index)" : nil,
                type: state == .trunk ? .trunk : .standard, enabled: state != .disabled, state: state,
                detail: state == .failed ? "credentials rejected" : nil,
                lastResponse: state == .failed ? .init(code: 401, reason: "Unauthorized") : nil,
                nextAttemptIn: state == .backingOff ? 42 : nil, registrationExpiresIn: state == .registered ? 540 : nil,
                lines: .init(busy: index, limit: index.isMultiple(of: 3) ? .unlimited : .limited(10)))
        }
        return StatusReport(
            generatedAt: Date(timeIntervalSince1970: 1_750_000_000), uptimeSeconds: 3725,
            bundle: .init(digest: "sha256:abc", loadedAt: Date(timeIntervalSince1970: 1_749_999_000)),
            listen: ["127.0.0.1:5060", "[::1]:5060"], registrations: .init(extensions: 2, bindings: 3),
            providers: providers ?? rows)
    }

    static func json(_ report: StatusReport) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(report.jsonBytes())) as? [String: Any])
    }

    @Test func roundTripKeepsEveryMember() throws {
        let report = Self.report()
        #expect(try StatusReport.decode(report.jsonBytes()) == report)
    }

    @Test func jsonHasTheFormatMembersSnakeCaseKeysAndRFC3339Times() throws {
        let object = try Self.json(Self.report())
        #expect(object["format"] as? String == "switchboard-status")
        #expect(object["format_version"] as? Int == 1)
        #expect(object["generated_at"] as? String == "2025-06-15T15:06:40Z")
        #expect(object["uptime_seconds"] as? Int == 3725)
        #expect((object["bundle"] as? [String: Any])?["loaded_at"] as? String == "2025-06-15T14:50:00Z")
        let rows = try #require(object["providers"] as? [[String: Any]])
        let failed = try #require(rows.first { $0["state"] as? String == "failed" })
        #expect((failed["last_response"] as? [String: Any])?["code"] as? Int == 401)
        #expect(rows.first { $0["state"] as? String == "backing_off" }?["next_attempt_in_seconds"] as? Int == 42)
        #expect(rows.first { $0["state"] as? String == "registered" }?["registration_expires_in_seconds"] as? Int == 540)
        #expect((rows[0]["lines"] as? [String: Any])?["limit"] as? String == "unlimited")
        #expect((rows[1]["lines"] as? [String: Any])?["limit"] as? Int == 10)
        // Absent members are left out, never null.
        #expect(rows[1]["title"] == nil && rows[1]["detail"] == nil && rows[1]["last_response"] == nil)
        #expect(!String(decoding: Self.report().jsonBytes(), as: UTF8.self).contains("null"))
    }

    @Test func anotherVersionOrFormatIsRefusedByName() {
        let text = String(decoding: Self.report().jsonBytes(), as: UTF8.self)
        #expect(throws: StatusReport.DecodingFailure.unsupportedVersion(2)) {
            try StatusReport.decode(Array(text.replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : 2").utf8))
        }
        #expect(throws: StatusReport.DecodingFailure.notAStatusReport("its format is switchboard-bundle")) {
            try StatusReport.decode(Array(text.replacingOccurrences(of: "switchboard-status", with: "switchboard-bundle").utf8))
        }
        #expect(throws: StatusReport.DecodingFailure.self) { try StatusReport.decode(Array("<html>".utf8)) }
    }

    @Test func aMissingOrMistypedMemberIsNamed() {
        let text = String(decoding: Self.report().jsonBytes(), as: UTF8.self)
        #expect(throws: StatusReport.DecodingFailure.invalid("missing .bundle.digest")) {
            try StatusReport.decode(Array(text.replacingOccurrences(of: "\"digest\"", with: "\"hash\"").utf8))
        }
        let unknownState = text.replacingOccurrences(of: "\"backing_off\"", with: "\"asleep\"")
        do {
            _ = try StatusReport.decode(Array(unknownState.utf8))
            Issue.record("an unknown state was accepted")
        } catch {
            #expect("\(error)".contains(".providers[2].state"), "\(error)")
        }
    }

    @Test func bundleRowsAreIdleTrunkOrDisabledWithTheirLimitsAndNothingBusy() {
        func provider(_ name: String, type: String, enabled: Bool, lines: LineLimit) -> BundleProvider {
            BundleProvider(
                name: name, title: "T \(name)", enabled: enabled, calls: .init(incoming: true, outgoing: true), type: type,
                servers: [BundleAddress(host: "sip.example", port: nil, transport: "udp")], proxy: nil, login: nil,
                password: nil, lines: lines, callerId: nil, registrationIp: nil, registration: nil, trunk: nil,
                rules: .init(inbound: "auto", outbound: "auto"), source: "p.yaml:1:1")
        }
        let rows = [
            provider("acme", type: "standard", enabled: true, lines: .limited(8)),
            provider("north", type: "trunk", enabled: true, lines: .limited(30)),
            provider("old", type: "standard", enabled: false, lines: .unlimited),
            provider("oldtrunk", type: "trunk", enabled: false, lines: .unlimited),
        ].map(ProviderStatus.init(unregistered:))
        #expect(rows.map(\.state) == [.idle, .trunk, .disabled, .disabled])
        #expect(rows.map(\.type) == [.standard, .trunk, .standard, .trunk])
        #expect(rows.map(\.lines) == [.init(busy: 0, limit: .limited(8)), .init(busy: 0, limit: .limited(30)),
                                      .init(busy: 0, limit: .unlimited), .init(busy: 0, limit: .unlimited)])
        #expect(rows[0].title == "T acme" && rows[0].lastResponse == nil && rows[0].nextAttemptIn == nil)
    }

    @Test func onlyEnabledStandardProvidersThatAreNotRegisteredCount() {
        let report = Self.report()
        #expect(report.unregisteredProviders.map(\.state) == [.registering, .backingOff, .failed, .forbidden, .unsupported, .idle])
        let healthy = Self.report(providers: report.providers.filter { [.registered, .trunk, .disabled].contains($0.state) })
        #expect(healthy.unregisteredProviders.isEmpty)
        #expect(Self.report(providers: []).unregisteredProviders.isEmpty)
    }

    @Test func loopbackAddressesAreLiteralLoopbackOnly() {
        let loopback = ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]
        let other = ["0.0.0.0", "192.0.2.1", "::", "2001:db8::1", "localhost", "128.0.0.1", "::ffff:10.0.0.1"]
        #expect(loopback.allSatisfy { ListenAddress(host: $0, port: 1).isLoopback })
        #expect(!other.contains { ListenAddress(host: $0, port: 1).isLoopback })
    }

    @Test func aBareHostGetsTheDefaultPortAskedFor() {
        #expect(ListenAddress("127.0.0.1", defaultPort: 5065) == ListenAddress(host: "127.0.0.1", port: 5065))
        #expect(ListenAddress("[::1]", defaultPort: 5065) == ListenAddress(host: "::1", port: 5065))
        #expect(ListenAddress("127.0.0.1:0", defaultPort: 5065) == ListenAddress(host: "127.0.0.1", port: 0))
        #expect(ListenAddress("127.0.0.1") == ListenAddress(host: "127.0.0.1", port: 5060))
    }

    @Test func locationCountsLiveAddressesOfRecordAndBindings() throws {
        let location = LocationService(stripes: 4)
        try location.update("sip:100@pbx.example", now: 0) {
            $0 = [LocationServiceTests.binding(100, expiresAt: 100), LocationServiceTests.binding(101, expiresAt: 10)]
        }
        try location.update("sip:102@pbx.example", now: 0) { $0 = [LocationServiceTests.binding(102, expiresAt: 10)] }
        #expect(location.counts(now: 5) == (2, 3))
        #expect(location.counts(now: 50) == (1, 1))
        #expect(location.counts(now: 500) == (0, 0))
    }
}
