import NIOCore
import ProviderRegistration
import Registrar
import RuntimeBundle
import SIP
import Testing
@testable import SwitchboardCLI

/// The provider rows serve reports: the bundle's providers, with the registration client's live
/// state for the enabled standard ones.
@Suite struct ProviderStatusRowsTests {
    static func provider(_ name: String, type: String = "standard", enabled: Bool = true, lines: LineLimit = .limited(4)) -> BundleProvider {
        BundleProvider(
            name: name, title: nil, enabled: enabled, calls: .init(incoming: true, outgoing: true), type: type,
            servers: [BundleAddress(host: "sip.\(name).example", port: nil, transport: "udp")], proxy: nil, login: "l",
            password: .env("P"), lines: lines, callerId: nil, registrationIp: nil,
            registration: type == "standard" ? .init(expires: 600) : nil,
            trunk: type == "trunk" ? .init(allow: ["192.0.2.1"], derived: false) : nil,
            rules: .init(inbound: "auto", outbound: "auto"), source: "a.yaml:1:1")
    }

    static let bundle = SwitchboardBundle(
        providers: [
            provider("acme"), provider("backup"), provider("old", enabled: false), provider("carrier", type: "trunk", lines: .unlimited),
            provider("fresh"),
        ],
        extensions: [], inbound: [], outbound: [])

    @Test func liveRegistrationsFillTheStandardRows() {
        let now = NIODeadline.uptimeNanoseconds(1_000_000_000_000)
        let target = RegistrationTarget(host: "sip2.acme.example", port: 5080, transport: .udp)
        var acme = ProviderRegistrationStatus(provider: "acme", state: .registered, target: target, server: target)
        acme.lastResponse = SIPResponseStatus(code: 200, reasonPhrase: "OK")
        acme.nextAttempt = now + .milliseconds(41_500)
        acme.bindingExpiresAt = now + .seconds(101)
        let backupTarget = RegistrationTarget(host: "sip.backup.example", port: 5060, transport: .udp)
        var backup = ProviderRegistrationStatus(
            provider: "backup", state: .backingOff(reason: "503 Service Unavailable"), target: backupTarget, server: backupTarget)
        backup.lastResponse = SIPResponseStatus(code: 503, reasonPhrase: "Service Unavailable")
        backup.nextAttempt = now + .seconds(30)

        let rows = ProviderStatusRows.rows(of: Self.bundle, registrations: [acme, backup], now: now)
        #expect(rows.map(\.name) == ["acme", "backup", "old", "carrier", "fresh"])
        #expect(rows.map(\.state) == [.registered, .backingOff, .disabled, .trunk, .idle])
        #expect(rows[0].lastResponse == ProviderStatus.Response(code: 200, reason: "OK"))
        #expect(rows[0].nextAttemptIn == 42)
        #expect(rows[0].registrationExpiresIn == 101)
        #expect(rows[0].server == "sip2.acme.example:5080/udp")
        #expect(rows[1].detail == "503 Service Unavailable")
        #expect(rows[1].nextAttemptIn == 30 && rows[1].registrationExpiresIn == nil)
        // A provider the client has no status for yet, and the others, stay as the bundle says.
        #expect(rows[4].server == nil && rows[4].lastResponse == nil)
        #expect(rows[3].lines == ProviderStatus.Lines(busy: 0, limit: .unlimited))
        #expect(rows.allSatisfy { $0.lines.busy == 0 })
    }

    @Test func everyRegistrationStateHasAStatusWord() {
        let cases: [(ProviderRegistrationState, ProviderState, String?)] = [
            (.idle, .idle, nil), (.registering, .registering, nil), (.registered, .registered, nil),
            (.backingOff(reason: "r"), .backingOff, "r"), (.failed(reason: "credentials rejected"), .failed, "credentials rejected"),
            (.forbidden, .forbidden, nil), (.unsupported(reason: "tls"), .unsupported, "tls"), (.unregistering, .idle, "unregistering"),
        ]
        for (state, word, detail) in cases {
            let mapped = ProviderStatusRows.state(state)
            #expect(mapped.0 == word && mapped.1 == detail, "\(state)")
        }
    }
}
