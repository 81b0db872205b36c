import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `switchboard serve` registering at providers the project did not write, on 127.0.0.1 only:
/// Kamailio with digest authentication as a real provider, and SIPp mock providers for the
/// paths that must stop (wrong password, 403) with their exact timelines. Each peer is started
/// by the test on a free port and stopped by its pid.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ProviderRegistrationInteropTests {
    /// A manifest with one standard provider at 127.0.0.1:`port` and one extension.
    private func manifest(provider: String, port: UInt16, login: String, expires: Int = 3600, transport: String = "udp") -> String {
        """
        version: 1
        providers:
          - name: \(provider)
            server: { host: \(Loopback.host), port: \(port), transport: \(transport) }
            login: "\(login)"
            password: { env: INTEROP_PROVIDER_PASSWORD }
            registration: { expires: \(expires) }
            rules: { inbound: none, outbound: none }
        extensions:
          - number: "100"
            password: pw-100
        """
    }

    // MARK: Kamailio

    /// Kamailio as the provider (`KamailioProvider`), with one user and a random password.
    private func startKamailio(
        tcp: Bool = false, in workspace: Workspace
    ) async throws -> (kamailio: KamailioProvider, user: String, password: String) {
        let (user, password) = ("provideruser", "pw-\(UInt32.random(in: 0...UInt32.max))")
        return (try await KamailioProvider.start(user: user, password: password, tcp: tcp, in: workspace), user, password)
    }

    /// serve registers at Kamailio (401 → digest → 200); a query REGISTER as the same user then
    /// finds our Contact (`sb-…` at serve's listen address) among Kamailio's bindings. On SIGTERM
    /// serve unregisters, and the same query finds no binding.
    @Test func kamailioHoldsTheBindingUntilServeStops() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-kamailio")
        defer { workspace.remove() }
        let (kamailio, user, password) = try await startKamailio(in: workspace)
        defer { Task { await kamailio.stop() } }
        let bundle = try await compileBundle(manifest(provider: "kamailio", port: kamailio.port, login: user), in: workspace)

        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": password])
        let registered = await server.waitForLog("provider=kamailio state=registered")
        #expect(registered, "\(server.log.suffix(3000))\n--- kamailio ---\n\(kamailio.process.output.suffix(2000))")
        #expect(server.log.contains("code=200 expires=3600 provider=kamailio state=registered"), "\(server.log.suffix(2000))")

        let credentials = [(user: user, password: password)]
        let bound = try await runSIPp(
            sipp, scenario: "register_query_bound.xml", users: credentials, port: kamailio.port, in: workspace,
            rate: 10, limit: 1, name: "query-bound")
        #expect(bound.status == 0 && bound.successful == 1, "\(bound)")
        let ourContact = try #require(bound.messages.range(of: #"<sip:sb-[0-9a-f]{12}@127\.0\.0\.1:[0-9]+>"#, options: .regularExpression),
                                      "Kamailio lists no Contact of ours:\n\(bound.messages.suffix(3000))")
        #expect(bound.messages[ourContact].hasSuffix("@\(Loopback.host):\(server.port)>"), "\(bound.messages[ourContact])")

        let status = await server.stop()
        #expect(status == 0, "serve did not exit cleanly:\n\(server.log.suffix(2000))")
        #expect(server.log.contains("provider=kamailio state=unregistering"), "\(server.log.suffix(2000))")
        #expect(server.log.contains("provider=kamailio state=idle"), "\(server.log.suffix(2000))")

        let unbound = try await runSIPp(
            sipp, scenario: "register_query_unbound.xml", users: credentials, port: kamailio.port, in: workspace,
            rate: 10, limit: 1, name: "query-unbound")
        #expect(unbound.status == 0 && unbound.successful == 1, "the binding survived serve's shutdown:\n\(unbound)")
        await kamailio.stop()
    }

    /// The same over TCP: serve opens a connection to Kamailio and registers through it; the
    /// binding's Contact says `transport=tcp`.
    @Test func kamailioOverTCP() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-kamailio-tcp")
        defer { workspace.remove() }
        let (kamailio, user, password) = try await startKamailio(tcp: true, in: workspace)
        defer { Task { await kamailio.stop() } }
        let bundle = try await compileBundle(
            manifest(provider: "kamailio", port: kamailio.port, login: user, transport: "tcp"), in: workspace)

        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": password])
        #expect(await server.waitForLog("provider=kamailio state=registered"),
                "\(server.log.suffix(3000))\n--- kamailio ---\n\(kamailio.process.output.suffix(2000))")
        let bound = try await runSIPp(
            sipp, scenario: "register_query_bound.xml", users: [(user, password)], port: kamailio.port, in: workspace,
            rate: 10, limit: 1, name: "query-bound")
        #expect(bound.status == 0 && bound.successful == 1, "\(bound)")
        #expect(bound.messages.contains(";transport=tcp>"), "\(bound.messages.suffix(3000))")
        #expect(await server.stop() == 0, "\(server.log.suffix(2000))")
        #expect(server.log.contains("provider=kamailio state=idle"))
        await kamailio.stop()
    }

    // MARK: Failover

    /// The provider's first server is a closed UDP port on 127.0.0.1, its second Kamailio: the
    /// ICMP port unreachable ends the first REGISTER at once (no 32 s Timer F), serve moves to
    /// the second server and registers there within seconds; Kamailio holds the binding, and
    /// the unregistration at SIGTERM goes there too.
    @Test func aClosedFirstServerFailsOverToKamailioAtOnce() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-failover")
        defer { workspace.remove() }
        let (kamailio, user, password) = try await startKamailio(in: workspace)
        defer { Task { await kamailio.stop() } }
        let closed = try #require(Loopback.freePort(), "no free port for the closed first server")
        let servers = """
            servers:
              - { host: \(Loopback.host), port: \(closed), transport: udp }
              - { host: \(Loopback.host), port: \(kamailio.port), transport: udp }
        """
        let source = manifest(provider: "kamailio", port: kamailio.port, login: user)
            .replacingOccurrences(of: "    server: { host: \(Loopback.host), port: \(kamailio.port), transport: udp }", with: servers)
        #expect(source.contains("servers:"), "\(source)")
        let bundle = try await compileBundle(source, in: workspace)

        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": password])
        // Bounded well below Timer F (32 s): a failover that waited for it would miss this.
        #expect(await server.waitForLog("provider=kamailio state=registered", seconds: 10),
                "\(server.log.suffix(3000))\n--- kamailio ---\n\(kamailio.process.output.suffix(2000))")
        let move = "provider=kamailio reason=\(Loopback.host):\(closed)/udp is unreachable: Connection refused "
            + "server=\(Loopback.host):\(kamailio.port)/udp"
        #expect(server.log.contains(move), "\(server.log.suffix(3000))")
        #expect(!server.log.contains("state=backing off"), "one quick step, no backoff: \(server.log.suffix(3000))")

        let bound = try await runSIPp(
            sipp, scenario: "register_query_bound.xml", users: [(user, password)], port: kamailio.port, in: workspace,
            rate: 10, limit: 1, name: "query-bound")
        #expect(bound.status == 0 && bound.successful == 1, "\(bound)")
        #expect(await server.stop() == 0, "\(server.log.suffix(2000))")
        let unbound = try await runSIPp(
            sipp, scenario: "register_query_unbound.xml", users: [(user, password)], port: kamailio.port, in: workspace,
            rate: 10, limit: 1, name: "query-unbound")
        #expect(unbound.status == 0 && unbound.successful == 1, "the binding at the second server survived shutdown:\n\(unbound)")
        await kamailio.stop()
    }

    // MARK: SIPp mock provider

    /// The mock answers a wrong password with 403: exactly two REGISTERs (the first without
    /// credentials, the second with), state `forbidden`, and nothing more within the next
    /// seconds, nor at shutdown (a forbidden client holds no binding to remove).
    @Test func forbiddenStopsAfterTwoRegisters() async throws {
        try await expectPermanentFailure(
            scenario: "uas_provider_registrar.xml", name: "forbidden", logLine: "code=403 provider=mock state=forbidden")
    }

    /// The rechallenging mock answers a wrong password with a new 401 (no stale): exactly two
    /// REGISTERs, state `failed: credentials rejected`, and no hammering afterwards.
    @Test func credentialsRejectedStopsAfterTwoRegisters() async throws {
        try await expectPermanentFailure(
            scenario: "uas_provider_rechallenge.xml", name: "rechallenge",
            logLine: "code=401 provider=mock state=failed: credentials rejected")
    }

    private func expectPermanentFailure(scenario: String, name: String, logLine: String) async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-\(name)")
        defer { workspace.remove() }
        let mock = try await SIPpServer(sipp, scenario: scenario, in: workspace, name: name)
        defer { Task { await mock.stop() } }
        let bundle = try await compileBundle(manifest(provider: "mock", port: mock.port, login: "trunkuser"), in: workspace)

        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": "not-trunkpass"])
        #expect(await server.waitForLog(logLine), "\(server.log.suffix(3000))\n--- sipp ---\n\(mock.messages.suffix(3000))")
        #expect(await eventuallyCount(mock, 2))
        let registers = mock.receivedRegisters
        #expect(registers.count == 2, "\(mock.messages.suffix(4000))")
        #expect(!(registers.first ?? "").contains("Authorization:"), "the first REGISTER carries no credentials")
        #expect((registers.last ?? "").contains("Authorization: Digest username=\"trunkuser\""), "\(registers.last ?? "")")

        // A bounded window in which a hammering client would have sent again (a retry after a
        // backoff or a re-answer would come within milliseconds to seconds).
        try await Task.sleep(for: .seconds(3))
        #expect(mock.receivedRegisters.count == 2, "REGISTERs after the permanent failure:\n\(mock.messages.suffix(4000))")
        #expect(await server.stop() == 0, "\(server.log.suffix(2000))")
        #expect(mock.receivedRegisters.count == 2, "shutdown sent a REGISTER although nothing was bound")
        await mock.stop()
    }

    /// The right password: REGISTER → 401 → REGISTER with credentials → 200 granting 20 s (the
    /// mock's answer), then, at shutdown, an unregistration (`Expires: 0`).
    @Test func theMockGrantsTwentySecondsAndShutdownUnregisters() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-mock-ok")
        defer { workspace.remove() }
        let mock = try await SIPpServer(sipp, scenario: "uas_provider_registrar.xml", in: workspace, name: "ok")
        defer { Task { await mock.stop() } }
        let bundle = try await compileBundle(manifest(provider: "mock", port: mock.port, login: "trunkuser", expires: 60), in: workspace)

        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": "trunkpass"])
        #expect(await server.waitForLog("code=200 expires=20 provider=mock state=registered"),
                "\(server.log.suffix(3000))\n--- sipp ---\n\(mock.messages.suffix(3000))")
        #expect(mock.receivedRegisters.count == 2)
        #expect(mock.receivedRegisters.allSatisfy { $0.contains("Expires: 60") })
        // SIPp drops a message of a call that ended less than -deadcall_wait (1 s) ago; the
        // unregistration shares the registration's Call-ID.
        try await Task.sleep(for: .milliseconds(1500))
        #expect(await server.stop() == 0, "\(server.log.suffix(2000))")
        let unregistrations = mock.receivedRegisters.filter { $0.contains("Expires: 0") }
        #expect(!unregistrations.isEmpty, "no unregistration reached the mock:\n\(mock.messages.suffix(4000))")
        #expect(unregistrations.allSatisfy { $0.contains(";expires=0") })
        #expect(server.log.contains("provider=mock state=idle"))
        await mock.stop()
    }

    // MARK: Start and reload

    /// A provider password that cannot be read stops the start, naming the provider.
    @Test func aMissingProviderPasswordStopsTheStart() async throws {
        let workspace = try Workspace("provider-missing-secret")
        defer { workspace.remove() }
        let bundle = try await compileBundle(manifest(provider: "acme", port: 5060, login: "74951234567"), in: workspace)
        let serve = try ChildProcess(
            switchboardExecutable, ["serve", bundle.path, "--listen", "\(Loopback.host):0"], in: workspace.url,
            log: workspace.file("serve.log"), environment: ["INTEROP_PROVIDER_PASSWORD": ""])
        let status = await serve.wait(seconds: 20)
        #expect(status == 2, "\(serve.output)")
        #expect(serve.output.contains(
            "switchboard: the password of provider acme cannot be read: the environment variable INTEROP_PROVIDER_PASSWORD is not set"),
            "\(serve.output)")
    }

    /// SIGHUP with a bundle whose provider password is missing is refused as a whole; SIGHUP with
    /// a bundle that changes only an extension keeps the provider's registration untouched: the
    /// mock sees no REGISTER after the first two.
    @Test func reloadLeavesAnUnchangedProviderAlone() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("provider-reload")
        defer { workspace.remove() }
        let mock = try await SIPpServer(sipp, scenario: "uas_provider_registrar.xml", in: workspace, name: "reload")
        defer { Task { await mock.stop() } }
        let original = manifest(provider: "mock", port: mock.port, login: "trunkuser")
        let bundle = try await compileBundle(original, in: workspace)
        let server = try await RunningRegistrar.start(
            bundle: bundle, in: workspace, environment: ["INTEROP_PROVIDER_PASSWORD": "trunkpass"])
        #expect(await server.waitForLog("provider=mock state=registered"), "\(server.log.suffix(3000))")
        #expect(mock.receivedRegisters.count == 2)

        try await compileBundle(original.replacingOccurrences(of: "INTEROP_PROVIDER_PASSWORD", with: "INTEROP_UNSET_PASSWORD"), in: workspace)
        server.process.send(SIGHUP)
        #expect(await server.waitForLog("reload refused"), "\(server.log.suffix(2000))")
        #expect(server.log.contains("the password of provider mock cannot be read"), "\(server.log.suffix(2000))")

        try await compileBundle(original + "\n  - number: \"101\"\n    password: pw-101\n", in: workspace)
        server.process.send(SIGHUP)
        #expect(await server.waitForLog("reloaded"), "\(server.log.suffix(2000))")
        try await Task.sleep(for: .milliseconds(500))
        #expect(mock.receivedRegisters.count == 2, "the unchanged provider registered again:\n\(mock.messages.suffix(3000))")
        #expect(server.log.components(separatedBy: "provider=mock state=registered").count == 2, "\(server.log.suffix(2000))")
        #expect(await server.stop() == 0)
        await mock.stop()
    }

    /// Waits until the mock has received `count` REGISTERs, at most 5 s.
    private func eventuallyCount(_ mock: SIPpServer, _ count: Int) async -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if mock.receivedRegisters.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
