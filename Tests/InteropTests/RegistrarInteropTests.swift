import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `switchboard serve` against SIP software the project did not write: SIPp (Debian
/// `sip-tester`) and sipsak, on 127.0.0.1 only. Each test compiles its own manifest into a
/// temporary folder, starts the built executable on a free port, drives it with a peer, and
/// stops it by its pid. Serialized: the peers are CPU-heavy and the machine may have two cores.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct RegistrarInteropTests {
    // MARK: SIPp, many users

    @Test func sippRegistersTwoHundredUsersWithDigestOverUDP() async throws {
        try await registerManyUsers(count: 200, transport: "u1", name: "udp")
    }

    @Test func sippRegistersOneHundredUsersWithDigestOverTCP() async throws {
        try await registerManyUsers(count: 100, transport: "t1", name: "tcp")
    }

    /// Every user registers (REGISTER → 401 → REGISTER with Authorization → 200), rate-limited
    /// and bounded; then a sample of them queries its bindings and must find one.
    private func registerManyUsers(count: Int, transport: String, name: String) async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace(name)
        defer { workspace.remove() }
        let users = Users(count: count)
        let bundle = try await compileBundle(users.manifest(), in: workspace)
        let rows = users.numbers.map { (user: $0, password: Users.password($0)) }

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let run = try await runSIPp(
                sipp, scenario: "register_auth.xml", users: rows, server: server, in: workspace,
                transport: transport, rate: 200, limit: 50, name: "\(name)-register")
            #expect(run.status == 0, "\(run)")
            #expect(run.failed == 0, "\(run)")
            #expect(run.successful == count, "\(run)")

            let sample = Array(rows.prefix(20))
            let query = try await runSIPp(
                sipp, scenario: "register_query_bound.xml", users: sample, server: server, in: workspace,
                transport: transport, rate: 100, limit: 20, name: "\(name)-query")
            #expect(query.status == 0 && query.failed == 0 && query.successful == sample.count, "\(query)")
            #expect(server.errorLines.isEmpty, "serve logged errors:\n\(server.errorLines.joined(separator: "\n"))")
        }
    }

    // MARK: Wrong password

    /// A wrong password is answered with a new 401, not 200 or 403, and leaves no binding: the
    /// same user, with the right password, then queries and finds none.
    @Test func wrongPasswordIsChallengedAgainAndStoresNoBinding() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("wrong-password")
        defer { workspace.remove() }
        let users = Users(count: 3)
        let bundle = try await compileBundle(users.manifest(), in: workspace)
        let user = users.numbers[1]

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let wrong = try await runSIPp(
                sipp, scenario: "register_rejected.xml", users: [(user, "not-\(Users.password(user))")],
                server: server, in: workspace, rate: 10, limit: 1, name: "wrong")
            #expect(wrong.status == 0 && wrong.failed == 0 && wrong.successful == 1, "\(wrong)")
            #expect(server.log.contains("authentication failed"), "\(server.log.suffix(2000))")

            let query = try await runSIPp(
                sipp, scenario: "register_query_unbound.xml", users: [(user, Users.password(user))],
                server: server, in: workspace, rate: 10, limit: 1, name: "query")
            #expect(query.status == 0 && query.failed == 0 && query.successful == 1, "\(query)")
            #expect(!server.log.contains("registered"), "a binding was stored:\n\(server.log.suffix(2000))")
        }
    }

    // MARK: Trunk calls

    /// A trunk recognised by its packet source: SIPp on 127.0.0.2 (the trunk's allow-list) gets
    /// its INVITE redirected to the extension SIPp registered; SIPp on 127.0.0.3, whose From names
    /// the same trunk host, gets 403.
    @Test func trunkCallsAreRecognisedByPacketSourceOnly() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("trunk")
        defer { workspace.remove() }
        let users = Users(count: 1)
        let user = users.numbers[0]
        let manifest = users.manifest() + """
            defaults:
              inbound_destination: { extensions: ["\(user)"] }
            providers:
              - name: carrier
                type: trunk
                server: sip.carrier.example
                trunk: { allow: [127.0.0.2] }

            """
        let bundle = try await compileBundle(manifest, in: workspace)

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let register = try await runSIPp(
                sipp, scenario: "register_auth.xml", users: [(user, Users.password(user))], server: server, in: workspace,
                rate: 10, limit: 1, name: "trunk-register")
            #expect(register.status == 0 && register.successful == 1, "\(register)")

            let allowed = try await runSIPp(
                sipp, scenario: "trunk_invite_redirected.xml", users: [("5551234", "-")], server: server, in: workspace,
                rate: 10, limit: 1, localHost: "127.0.0.2", domain: "sip.carrier.example", name: "trunk-allowed")
            #expect(allowed.status == 0 && allowed.failed == 0 && allowed.successful == 1, "\(allowed)\n\(server.log.suffix(2000))")

            let refused = try await runSIPp(
                sipp, scenario: "trunk_invite_refused.xml", users: [("5551234", "-")], server: server, in: workspace,
                rate: 10, limit: 1, localHost: "127.0.0.3", domain: "sip.carrier.example", name: "trunk-refused")
            #expect(refused.status == 0 && refused.failed == 0 && refused.successful == 1, "\(refused)\n\(server.log.suffix(2000))")
            #expect(server.log.contains("refused a request claiming a provider"), "\(server.log.suffix(2000))")
            #expect(server.log.contains("127.0.0.3"), "\(server.log.suffix(2000))")
        }
    }

    // MARK: sipsak

    /// sipsak's usrloc mode registers one extension with digest authentication (its password
    /// from the environment, as a deployment would keep it); SIPp then finds the binding.
    @Test func sipsakRegistersOneExtensionWithDigest() async throws {
        let sipsak = try requirePeer("sipsak", debianPackage: "sipsak")
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("sipsak")
        defer { workspace.remove() }
        let manifest = """
            version: 1
            extensions:
              - number: "100"
                password: { env: INTEROP_EXT_100_PASSWORD }
            """
        let bundle = try await compileBundle(manifest, in: workspace)
        let password = "s3cret-\(UInt32.random(in: 0...UInt32.max))"

        try await withRegistrar(bundle: bundle, in: workspace, environment: ["INTEROP_EXT_100_PASSWORD": password]) { server in
            // -x 3600: sipsak asks for 15 s by default, which is under the registrar's
            // --min-expires (60) and is correctly answered 423. --headers: the headers a phone
            // sends; sipsak's bare REGISTER is smaller than serve's 401, which serve then does not
            // send over UDP (no reflection amplification, docs/security.md).
            let phoneHeaders = "User-Agent: sipsak-interop (a phone's REGISTER)\\n"
                + "Allow: INVITE, ACK, CANCEL, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, OPTIONS, UPDATE\\n"
                + "Supported: replaces, path, gruu, outbound\\nAccept: application/sdp\\n"
            let run = try await runSipsak(
                sipsak, ["-U", "-u", "100", "-a", password, "-s", "sip:100@\(Loopback.host):\(server.port)", "-x", "3600", "-vv",
                         "--headers", phoneHeaders],
                in: workspace, name: "sipsak-register")
            #expect(run.status == 0, "\(run.output)\n--- serve ---\n\(server.log.suffix(2000))")
            #expect(server.log.contains("registered"), "\(server.log.suffix(2000))")

            let query = try await runSIPp(
                sipp, scenario: "register_query_bound.xml", users: [("100", password)], server: server, in: workspace,
                rate: 10, limit: 1, name: "query")
            #expect(query.status == 0 && query.failed == 0 && query.successful == 1, "\(query)")
        }
    }

    /// sipsak's default mode sends an OPTIONS and exits 0 on a 200.
    @Test func sipsakOptionsPing() async throws {
        let sipsak = try requirePeer("sipsak", debianPackage: "sipsak")
        let workspace = try Workspace("sipsak-options")
        defer { workspace.remove() }
        let bundle = try await compileBundle(Users(count: 1).manifest(), in: workspace)

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let run = try await runSipsak(sipsak, ["-s", "sip:\(Loopback.host):\(server.port)", "-vv"], in: workspace, name: "sipsak-options")
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("SIP/2.0 200"), "\(run.output)")
        }
    }

    // MARK: Challenge

    /// SIPp 3.6.1 and sipsak 0.9.8 answer only the first challenge of a 401 and know only MD5:
    /// offered SHA-256 first, SIPp stops with "createAuthHeader: authentication must use MD5 or
    /// AKAv1-MD5" and sipsak with "unsupported authentication algorithm" (RFC 8760 §2.4 says a
    /// client must skip what it does not support; they do not, and neither do many phones). So the
    /// default challenge must keep MD5 first; SHA-256 is still offered, second.
    @Test func defaultChallengeOffersMD5FirstThenSHA256() async throws {
        let workspace = try Workspace("challenge")
        defer { workspace.remove() }
        let users = Users(count: 1)
        let bundle = try await compileBundle(users.manifest(), in: workspace)

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let challenges = await server.challenges(for: users.numbers[0])
            #expect(challenges.map(digestAlgorithm(of:)) == ["MD5", "SHA-256"], "\(challenges)")
            #expect(challenges.allSatisfy { $0.contains("realm=\"\(Loopback.host)\"") && $0.contains("qop=\"auth\"") }, "\(challenges)")
        }
    }

    // MARK: SIGHUP reload

    /// A reloaded bundle without an extension: that extension's credentials are refused (401 to
    /// the authenticated REGISTER), the others still register.
    @Test func reloadWithoutAnExtensionStopsItsRegistrations() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("reload")
        defer { workspace.remove() }
        let users = Users(count: 5)
        let bundle = try await compileBundle(users.manifest(), in: workspace)
        let removed = users.numbers[4], kept = users.numbers[0]

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            let before = try await runSIPp(
                sipp, scenario: "register_auth.xml", users: [(removed, Users.password(removed))],
                server: server, in: workspace, rate: 10, limit: 1, name: "before")
            #expect(before.status == 0 && before.successful == 1, "\(before)")

            try await compileBundle(users.manifest(except: [removed]), in: workspace)
            server.process.send(SIGHUP)
            #expect(await server.waitForLog("reloaded"), "no reload in the log:\n\(server.log.suffix(2000))")

            let after = try await runSIPp(
                sipp, scenario: "register_rejected.xml", users: [(removed, Users.password(removed))],
                server: server, in: workspace, rate: 10, limit: 1, name: "after")
            #expect(after.status == 0 && after.successful == 1, "the removed extension still registers:\n\(after)")
            let others = try await runSIPp(
                sipp, scenario: "register_auth.xml", users: [(kept, Users.password(kept))],
                server: server, in: workspace, rate: 10, limit: 1, name: "others")
            #expect(others.status == 0 && others.successful == 1, "\(others)")
        }
    }

    /// An invalid bundle on SIGHUP is refused with "reload refused" in the log, and the server
    /// keeps serving the bundle it had: registrations still work.
    @Test func invalidBundleOnReloadIsRefusedAndServingContinues() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("reload-invalid")
        defer { workspace.remove() }
        let users = Users(count: 3)
        let bundle = try await compileBundle(users.manifest(), in: workspace)
        let user = users.numbers[2]

        try await withRegistrar(bundle: bundle, in: workspace) { server in
            // Not JSON at all, then JSON whose digest does not match its content.
            let valid = try String(contentsOf: bundle, encoding: .utf8)
            let tampered = valid.replacingOccurrences(of: Users.password(users.numbers[0]), with: "tampered")
            #expect(tampered != valid)
            for (index, invalid) in ["{ this is not a bundle", tampered].enumerated() {
                try Data(invalid.utf8).write(to: bundle)
                server.process.send(SIGHUP)
                #expect(await server.waitForLog(occurrence: index + 1, of: "reload refused"),
                        "no refusal in the log:\n\(server.log.suffix(2000))")
                #expect(server.process.isRunning)
                #expect(await server.waitUntilAnswering(seconds: 5), "serve stopped answering OPTIONS")
            }
            #expect(!server.log.contains("reloaded"))

            let run = try await runSIPp(
                sipp, scenario: "register_auth.xml", users: [(user, Users.password(user))],
                server: server, in: workspace, rate: 10, limit: 1, name: "after-refusal")
            #expect(run.status == 0 && run.successful == 1, "\(run)")
        }
    }
}

extension RunningRegistrar {
    /// Log lines at level error or critical (swift-log's stream format: `<time> <level> <label>: …`).
    var errorLines: [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            let fields = line.split(separator: " ", maxSplits: 2)
            return fields.count > 1 && (fields[1] == "error" || fields[1] == "critical")
        }
    }

    /// Waits until `text` occurs at least `occurrence` times in the log.
    func waitForLog(occurrence: Int, of text: String, seconds: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if log.components(separatedBy: text).count - 1 >= occurrence { return true }
            try? await Task.sleep(for: .milliseconds(25))
        } while Date() < deadline
        return false
    }
}
