import Logging
import SIP
import Testing
@testable import Registrar

/// The transports ask the guard before parsing: a banned source gets nothing over UDP, and its
/// TCP connections are closed unanswered (127.0.0.1 only, on the test's clock).
@Suite struct BannedTransportTests {
    static let options = String(decoding: MultiLoopUDPTests.options(branch: "z9hG4bK-ban"), as: UTF8.self)

    @Test func bannedSourceIsDroppedOnUDPAndTCPUntilTheBanEnds() async throws {
        let time = TestTime()
        let processor = try RequestProcessorTests.makeProcessor(time: time)
        let server = try await RegistrarServer.start(
            processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: 1)
        do {
            try exchange(with: server, processor: processor, time: time)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    private func exchange(with server: RegistrarServer, processor: RequestProcessor, time: TestTime) throws {
        let port = try #require(server.boundAddresses.first?.port)
        let client = try UDPTestSocket()

        client.send(MultiLoopUDPTests.options(branch: "z9hG4bK-before"), toPort: port)
        #expect(client.receive() != nil)
        #expect(TCPTestSocket.exchange(port: port, Self.options)?.hasPrefix("SIP/2.0 200") == true)

        let limits = processor.requestGuard.currentLimits
        for _ in 0..<limits.failedAuthPerSource {
            processor.requestGuard.authenticationFailed(user: "100", host: "127.0.0.1", now: time.now)
        }
        client.send(MultiLoopUDPTests.options(branch: "z9hG4bK-banned"), toPort: port)
        #expect(client.receive() == nil)
        #expect(TCPTestSocket.exchange(port: port, Self.options) ?? "" == "")

        time.advance(by: limits.banTime)
        processor.requestGuard.removeExpired(now: time.now)
        client.send(MultiLoopUDPTests.options(branch: "z9hG4bK-after"), toPort: port)
        #expect(client.receive() != nil)
    }

    /// A reload (`RegistrarServer.apply`) puts the bundle's new limits in force and keeps bans.
    @Test func reloadAppliesNewLimitsAndKeepsBans() async throws {
        let time = TestTime()
        let processor = try RequestProcessorTests.makeProcessor(time: time)
        let server = try await RegistrarServer.start(
            processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: 1)
        for _ in 0..<processor.requestGuard.currentLimits.failedAuthPerSource {
            processor.requestGuard.authenticationFailed(user: nil, host: "203.0.113.9", now: time.now)
        }
        var configuration = processor.state.snapshot.configuration
        configuration.bundle.registrar.limits.failedAuthPerSource = 3
        configuration.guardLimits = try GuardLimits(configuration.bundle.registrar.limits)
        server.apply(configuration, from: "bundle.json")
        #expect(processor.requestGuard.currentLimits.failedAuthPerSource == 3)
        #expect(processor.requestGuard.isBanned(host: "203.0.113.9", now: time.now))
        await server.shutdown()
    }
}
