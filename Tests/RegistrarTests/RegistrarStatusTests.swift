import Foundation
import RuntimeBundle
import Testing
@testable import Registrar

/// The report a running registrar makes of itself, fetched from its status endpoint: bundle,
/// uptime on the injected clock, listen address, registrations, provider rows; and the endpoint
/// closing with the server.
@Suite struct RegistrarStatusTests {
    @Test func theServersReportComesFromItsStateAndClosesWithIt() async throws {
        let time = TestTime()
        let acme = BundleProvider(
            name: "acme", title: nil, enabled: true, calls: .init(incoming: true, outgoing: true), type: "standard",
            servers: [BundleAddress(host: "sip.acme.example", port: nil, transport: "udp")], proxy: nil, login: "1",
            password: .env("ACME"), lines: .limited(4), callerId: nil, registrationIp: nil,
            registration: .init(expires: 600), trunk: nil, rules: .init(inbound: "none", outbound: "none"), source: "a.yaml:1:1")
        let processor = try RequestProcessorTests.makeProcessor(
            time: time, bundle: SwitchboardBundle(providers: [acme], extensions: [], inbound: [], outbound: []))
        try processor.location.update("sip:100@pbx.example", now: time.now) {
            $0 = [LocationServiceTests.binding(100, expiresAt: time.now + 600)]
        }

        let server = try await RegistrarServer.start(processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: 1)
        let control: ListenAddress
        do {
            control = try await server.openStatusEndpoint(at: ListenAddress(host: "127.0.0.1", port: 0)) { server.statusReport() }
            time.advance(by: 90)
            let report = try await StatusClient.fetch(from: control).report
            #expect(report.uptimeSeconds == 90)
            #expect(report.generatedAt == Date(timeIntervalSince1970: TimeInterval(time.now)))
            #expect(report.bundle.digest == "sha256:test")
            #expect(report.bundle.loadedAt == Date(timeIntervalSince1970: 1_000_000))
            #expect(report.listen == [ListenAddress(try #require(server.boundAddresses.first))!.description])
            #expect(report.registrations == .init(extensions: 1, bindings: 1))
            #expect(report.providers == [
                ProviderStatus(name: "acme", type: .standard, enabled: true, state: .idle, lines: .init(busy: 0, limit: .limited(4))),
            ])
            #expect(control.port != 0)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
        await #expect(throws: StatusClient.FetchError.self) { try await StatusClient.fetch(from: control, timeout: .seconds(2)) }
    }
}
