import Foundation
import Testing

/// `switchboard serve` under the scanners every SIP port meets on the internet: SIPVicious
/// (Debian `sipvicious`) `svmap`, `svwar` and `svcrack`, run from 127.0.0.2 while a legitimate
/// client (SIPp) registers from 127.0.0.1. Bounded in time and count, stopped by pid.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ScannerInteropTests {
    static let attacker = "127.0.0.2"
    /// Lower than the defaults so the test is quick; the mechanism is the same.
    static let limits = """
        registrar:
          limits: { failed_auth_per_source: 5, failed_auth_per_user: 50, ban_time: 120 }

        """

    /// A bundle for `users`, with the test's limits.
    private func bundle(_ users: Users, in workspace: Workspace) async throws -> URL {
        try await compileBundle(users.manifest() + Self.limits, in: workspace)
    }

    /// Runs a SIPVicious tool from the attacker's address, bounded in time; returns its output.
    private func scan(_ tool: URL, _ arguments: [String], in workspace: Workspace, name: String) async throws -> String {
        let process = try ChildProcess(tool, arguments, in: workspace.url, log: workspace.file("\(name).log"))
        let status = await process.wait(seconds: 60)
        #expect(status != nil, "\(name) did not finish in time:\n\(process.output)")
        return "$ \(process.commandLine)\n\(process.output)"
    }

    /// Legitimate registrations from 127.0.0.1 during `seconds`, `perSecond` a second; all must succeed.
    private func legitimateClient(
        _ sipp: URL, _ users: Users, server: RunningRegistrar, in workspace: Workspace, calls: Int, name: String
    ) async throws -> SIPpResult {
        let rows = users.numbers.prefix(calls).map { (user: $0, password: Users.password($0)) }
        return try await runSIPp(
            sipp, scenario: "register_auth.xml", users: Array(rows), server: server, in: workspace, rate: 4, limit: 2,
            name: name)
    }

    @Test func svmapFindsServeWhileAPhoneKeepsRegistering() async throws {
        let svmap = try requirePeer("svmap", debianPackage: "sipvicious")
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("svmap")
        defer { workspace.remove() }
        let users = Users(count: 20)
        try await withRegistrar(bundle: try await bundle(users, in: workspace), in: workspace) { server in
            async let phone = legitimateClient(sipp, users, server: server, in: workspace, calls: 20, name: "phone")
            let output = try await scan(
                svmap, ["-b", Self.attacker, "-p", String(server.port), Loopback.host], in: workspace, name: "svmap")
            let registered = try await phone
            #expect(output.contains("\(Loopback.host):\(server.port)"), "svmap did not find serve:\n\(output)")
            #expect(registered.status == 0 && registered.failed == 0 && registered.successful == 20, "\(registered)")
        }
    }

    /// svwar over a range with existing and missing extensions: every one gets the same answer,
    /// so it reports none as existing, or all of them the same way.
    @Test func svwarCannotTellExistingExtensionsFromUnknownOnes() async throws {
        let svwar = try requirePeer("svwar", debianPackage: "sipvicious")
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("svwar")
        defer { workspace.remove() }
        let users = Users(first: 100_000, count: 10)
        try await withRegistrar(bundle: try await bundle(users, in: workspace), in: workspace) { server in
            async let phone = legitimateClient(sipp, users, server: server, in: workspace, calls: 10, name: "phone")
            // 99995..100014: five unknown, ten existing, five unknown.
            let range = "99995-100014"
            var reports: [String] = []
            for method in ["REGISTER", "INVITE", "OPTIONS"] {
                let output = try await scan(
                    svwar, ["-b", Self.attacker, "-p", String(server.port), "-e", range, "-m", method, "--force", Loopback.host],
                    in: workspace, name: "svwar-\(method)")
                let found = Set(output.split(separator: "\n").compactMap { line -> String? in
                    guard let match = line.firstMatch(of: #/extension '(\d+)'/#) else { return nil }
                    return String(match.1)
                })
                // Either none found, or the whole range alike: an unknown one among them.
                #expect(found.isEmpty || found.contains("99995") && found.contains("100014") && found.count == 20,
                        "svwar -m \(method) told extensions apart: \(found.sorted())\n\(output)")
                reports.append(output)
            }
            let registered = try await phone
            #expect(registered.status == 0 && registered.failed == 0 && registered.successful == 10, "\(registered)")
            #expect(!server.log.contains("banned"), "svwar's requests are not failed authentications:\n\(server.log)")
        }
    }

    /// svcrack with a dictionary that holds the right password after the ban threshold.
    ///
    /// As it is, svcrack gets no challenge at all: its REGISTER is smaller than serve's 401, which
    /// serve then does not send (no reflection amplification). Through a `PaddingRelay` that
    /// makes its requests phone-sized (a better-equipped attacker, at 127.0.0.2), it gets its
    /// challenges, guesses, and is banned before it reaches the password: it finds nothing, and
    /// serve logs the ban with the source address. A phone registers from 127.0.0.1 throughout.
    @Test func svcrackIsBannedBeforeItFindsThePassword() async throws {
        let svcrack = try requirePeer("svcrack", debianPackage: "sipvicious")
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("svcrack")
        defer { workspace.remove() }
        let users = Users(count: 20)
        let target = users.numbers[0]
        let guesses = (0..<12).map { "guess\($0)" } + [Users.password(target)] + ["after"]
        let dictionary = try workspace.write("dictionary.txt", guesses.joined(separator: "\n") + "\n")
        let relayHost = "127.0.0.3"
        // The relay's address is the Request-URI svcrack writes: serve must serve it.
        let arguments = ["--domain", Loopback.host, "--domain", relayHost]
        try await withRegistrar(bundle: try await bundle(users, in: workspace), in: workspace, arguments: arguments) { server in
            async let phone = legitimateClient(sipp, users, server: server, in: workspace, calls: 20, name: "phone")
            let direct = try await scan(
                svcrack,
                ["-b", Self.attacker, "-p", String(server.port), "-u", target, "-d", dictionary.path, "--maximumtime", "2",
                 Loopback.host],
                in: workspace, name: "svcrack-direct")
            #expect(direct.contains("no server response"), "svcrack got an answer to its bare REGISTER:\n\(direct)")
            #expect(!server.log.contains("banned"), "\(server.log)")

            let relay = try #require(PaddingRelay(listenHost: relayHost, sourceHost: Self.attacker, serverPort: server.port))
            defer { relay.stop() }
            let output = try await scan(
                svcrack,
                ["-b", relayHost, "-p", String(relay.listenPort), "-u", target, "-d", dictionary.path, "--maximumtime", "3",
                 relayHost],
                in: workspace, name: "svcrack-relayed")
            let registered = try await phone
            #expect(!output.contains(Users.password(target)), "svcrack found the password:\n\(output)")
            #expect(output.contains("found nothing"), "\(output)")
            let banLine = server.log.split(separator: "\n").first { $0.contains("banned") }
            #expect(banLine?.contains("source=\(Self.attacker)") == true, "no ban of \(Self.attacker) logged:\n\(server.log)")
            #expect(banLine?.contains("reason=failed authentications") == true, "\(banLine ?? "")")
            #expect(registered.status == 0 && registered.failed == 0 && registered.successful == 20, "\(registered)")
        }
    }
}
