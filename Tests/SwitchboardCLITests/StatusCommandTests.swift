import Foundation
import NIOPosix
import Registrar
import Testing
@testable import SwitchboardCLI

/// `switchboard status`: the table (golden strings for a report with every state), colours, the
/// exit statuses against an in-process status endpoint, and an endpoint that is not there.
@Suite struct StatusCommandTests {
    /// One provider in every state, as a registration client would report them.
    static let everyState = StatusReport(
        generatedAt: Date(timeIntervalSince1970: 1_750_000_000), uptimeSeconds: 3725,
        bundle: .init(
            digest: "sha256:290b5a82c3f4d1e2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6",
            loadedAt: Date(timeIntervalSince1970: 1_749_999_000)),
        listen: ["127.0.0.1:5060", "[::1]:5060"], registrations: .init(extensions: 2, bindings: 3),
        providers: [
            ProviderStatus(
                name: "acme", title: "Acme Telecom", type: .standard, enabled: true, state: .registered,
                lastResponse: .init(code: 200, reason: "OK"), nextAttemptIn: 545, registrationExpiresIn: 600,
                lines: .init(busy: 2, limit: .limited(8))),
            ProviderStatus(
                name: "citynet", type: .standard, enabled: true, state: .registering,
                lastResponse: .init(code: 401, reason: "Unauthorized"), lines: .init(busy: 0, limit: .limited(2))),
            ProviderStatus(
                name: "budget-voip", type: .standard, enabled: true, state: .backingOff, detail: "Retry-After 120 s",
                lastResponse: .init(code: 503, reason: "Service Unavailable"), nextAttemptIn: 42,
                lines: .init(busy: 0, limit: .unlimited)),
            ProviderStatus(
                name: "wrongpass", type: .standard, enabled: true, state: .failed, detail: "credentials rejected",
                lastResponse: .init(code: 401, reason: "Unauthorized"), lines: .init(busy: 0, limit: .limited(4))),
            ProviderStatus(
                name: "banned", type: .standard, enabled: true, state: .forbidden, detail: "403 is permanent",
                lastResponse: .init(code: 403, reason: "Forbidden"), lines: .init(busy: 0, limit: .limited(1))),
            ProviderStatus(
                name: "tlsonly", type: .standard, enabled: true, state: .unsupported, detail: "transport tls",
                lines: .init(busy: 0, limit: .limited(1))),
            ProviderStatus(
                name: "spare", type: .standard, enabled: true, state: .idle, nextAttemptIn: 0,
                lines: .init(busy: 0, limit: .limited(2))),
            ProviderStatus(
                name: "legacy", type: .standard, enabled: false, state: .disabled, lines: .init(busy: 0, limit: .unlimited)),
            ProviderStatus(
                name: "northwind", type: .trunk, enabled: true, state: .trunk, lines: .init(busy: 30, limit: .limited(30))),
        ])

    static let everyStateTable = """
        PROVIDER     TYPE      STATE        LAST  NEXT       LINES        DETAIL
        acme         standard  registered   200   in 9m 05s  2/8
        citynet      standard  registering  401   -          0/2
        budget-voip  standard  backing off  503   in 42s     0/unlimited  Retry-After 120 s
        wrongpass    standard  failed       401   -          0/4          credentials rejected
        banned       standard  forbidden    403   -          0/1          403 is permanent
        tlsonly      standard  unsupported  -     -          0/1          transport tls
        spare        standard  idle         -     now        0/2
        legacy       standard  disabled     -     -          0/unlimited
        northwind    trunk     trunk        -     -          30/30

        9 providers: 1 registered, 1 registering, 1 backing off, 1 failed, 1 forbidden, 1 unsupported, 1 idle, 1 disabled, 1 trunk
        not registered: citynet, budget-voip, wrongpass, banned, tlsonly, spare
        serve up 1h 02m, SIP on 127.0.0.1:5060, [::1]:5060; 2 extensions registered (3 bindings)
        bundle sha256:290b5a82c3f4 loaded 2025-06-15 14:50:00 UTC

        """

    @Test func tableWithEveryState() {
        #expect(StatusTableRenderer(colors: false).render(Self.everyState) == Self.everyStateTable)
    }

    /// Bans and locks get a line only when there are some.
    @Test func floodControlLineOnlyWhenSomethingIsBanned() {
        var report = Self.everyState
        report.security = StatusReport.Security(bannedSources: 0, lockedUsers: 0)
        #expect(StatusTableRenderer(colors: false).render(report) == Self.everyStateTable)
        report.security = StatusReport.Security(bannedSources: 3, lockedUsers: 1)
        #expect(StatusTableRenderer(colors: false).render(report)
            == Self.everyStateTable + "flood control: 3 sources banned, 1 user locked\n")
    }

    @Test func tableWithoutDetailsHasNoDetailColumn() {
        var report = Self.everyState
        report.providers = [report.providers[0], report.providers[7], report.providers[8]]
        report.registrations = .init(extensions: 1, bindings: 1)
        report.listen = ["127.0.0.1:5060"]
        #expect(StatusTableRenderer(colors: false).render(report) == """
            PROVIDER   TYPE      STATE       LAST  NEXT       LINES
            acme       standard  registered  200   in 9m 05s  2/8
            legacy     standard  disabled    -     -          0/unlimited
            northwind  trunk     trunk       -     -          30/30

            3 providers: 1 registered, 1 disabled, 1 trunk
            serve up 1h 02m, SIP on 127.0.0.1:5060; 1 extension registered (1 binding)
            bundle sha256:290b5a82c3f4 loaded 2025-06-15 14:50:00 UTC

            """)
    }

    @Test func coloursMarkOnlyTheStateAndKeepTheColumnsAligned() {
        let coloured = StatusTableRenderer(colors: true).render(Self.everyState)
        #expect(coloured.contains("acme         standard  \u{1B}[32mregistered\u{1B}[0m   200"))
        #expect(coloured.contains("\u{1B}[33mbacking off\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31mforbidden\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2mdisabled\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == Self.everyStateTable)
    }

    @Test func textFromTheWireCannotDriveTheTerminal() {
        var report = Self.everyState
        report.providers = [ProviderStatus(
            name: "evil", type: .standard, enabled: true, state: .failed, detail: "\u{1B}[2Jgone\u{7}",
            lines: .init(busy: 0, limit: .limited(1)))]
        let table = StatusTableRenderer(colors: false).render(report)
        #expect(!table.contains("\u{1B}") && !table.contains("\u{7}"))
        #expect(table.contains("\u{241B}[2Jgone\u{2407}"))
    }

    @Test(arguments: [(0, "0s"), (59, "59s"), (60, "1m 00s"), (545, "9m 05s"), (3599, "59m 59s"), (3600, "1h 00m"),
                      (86_399, "23h 59m"), (90_061, "1d 01h"), (-5, "0s")])
    func durations(seconds: Int, text: String) {
        #expect(StatusTableRenderer.duration(seconds) == text)
    }

    // MARK: The command against an endpoint

    /// Runs `status` in-process against an endpoint serving `report`.
    static func runStatus(_ report: StatusReport, format: StatusFormat = .table) async throws -> (status: Int32, output: String, errors: String) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await StatusEndpoint.bind(ListenAddress(host: "127.0.0.1", port: 0), group: group) { report }
        let port = channel.localAddress?.port ?? 0
        let console = Console.capturing()
        let status = await StatusRunner(
            address: ListenAddress(host: "127.0.0.1", port: port), format: format, color: .auto, environment: [:]
        ).run(console: console)
        try await channel.close()
        try await group.shutdownGracefully()
        return (status.rawValue, console.output, console.errors)
    }

    @Test func exitsOneWhenAnEnabledStandardProviderIsNotRegistered() async throws {
        let run = try await Self.runStatus(Self.everyState)
        #expect(run.status == 1)
        #expect(run.output == Self.everyStateTable, "a captured console is not a terminal: no colour")
    }

    @Test func exitsZeroWhenEveryEnabledStandardProviderIsRegistered() async throws {
        var report = Self.everyState
        report.providers = report.providers.filter { [.registered, .disabled, .trunk].contains($0.state) }
        #expect(try await Self.runStatus(report).status == 0)
        report.providers = []
        #expect(try await Self.runStatus(report).status == 0)
    }

    @Test func jsonIsWhatServeSent() async throws {
        let run = try await Self.runStatus(Self.everyState, format: .json)
        #expect(run.status == 1)
        #expect(run.output == String(decoding: Self.everyState.jsonBytes(), as: UTF8.self))
    }

    @Test func exitsTwoAndNamesTheAddressWhenServeIsNotThere() async throws {
        // Bind a port, close it: nothing listens there now.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await StatusEndpoint.bind(ListenAddress(host: "127.0.0.1", port: 0), group: group) { Self.everyState }
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        try await group.shutdownGracefully()

        let console = Console.capturing()
        let status = await StatusRunner(address: ListenAddress(host: "127.0.0.1", port: port), timeout: .seconds(3)).run(console: console)
        #expect(status.rawValue == 2)
        #expect(console.output.isEmpty)
        #expect(console.errors.contains("cannot reach switchboard serve at 127.0.0.1:\(port): connection refused"))
        #expect(console.errors.contains("--control"))
    }

    // MARK: Usage

    @Test func serveRefusesANonLoopbackControlAddress() throws {
        for address in ["0.0.0.0:5065", "192.0.2.1", "[2001:db8::1]:5065", "localhost:5065"] {
            let run = try runSwitchboard(["serve", "no-such-bundle.json", "--control", address])
            #expect(run.status == 2, "\(address)")
            #expect(run.errors.contains("listens only on loopback"), "\(run.errors)")
        }
        let malformed = try runSwitchboard(["serve", "no-such-bundle.json", "--control", "127.0.0.1:http"])
        #expect(malformed.status == 2 && malformed.errors.contains("is not host:port or none"), "\(malformed.errors)")
    }

    @Test func statusRefusesAMalformedAddress() throws {
        let run = try runSwitchboard(["status", "--control", "127.0.0.1:99999"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--control 127.0.0.1:99999 is not host:port"))
    }
}
