import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bindings survive a crash: `serve` is killed with SIGKILL in the middle of a registration load
/// from SIPp, started again on the same bindings database, and every registration SIPp saw
/// acknowledged with a 200 must be there. On 127.0.0.1 only, bounded in time and count, every
/// process stopped by its pid.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BindingPersistenceInteropTests {
    /// 600 extensions register at 150/s; once serve has logged 120 to 300 registrations
    /// (chosen at random, so the kill falls at a different point of a request each run) it gets
    /// SIGKILL. SIPp's log lists each user whose 200 it received. serve starts again on the same
    /// bundle, so on the default database beside it, and a query REGISTER (RFC 3261 §10.2.3: no
    /// Contact, the 200 lists the current bindings) for each acknowledged user must find a
    /// binding.
    @Test func everyAcknowledgedBindingSurvivesAKillNineUnderLoad() async throws {
        let sipp = try requirePeer("sipp", debianPackage: "sip-tester")
        let workspace = try Workspace("kill-nine")
        defer { workspace.remove() }
        let users = Users(count: 600)
        // All of SIPp's load comes from one source: no per-source rate limit (docs/security.md),
        // or the load would be throttled before the kill.
        let manifest = users.manifest().replacingOccurrences(
            of: "version: 1\n", with: "version: 1\nregistrar:\n  limits: { requests_per_source: 0 }\n")
        let bundle = try await compileBundle(manifest, in: workspace)
        let rows = users.numbers.map { (user: $0, password: Users.password($0)) }
        let acknowledgedLog = workspace.file("acknowledged.log")
        let killAfter = Int.random(in: 120...300)

        let first = try await RunningRegistrar.start(bundle: bundle, in: workspace)
        async let load = runSIPp(
            sipp, scenario: "register_auth_acknowledged.xml", users: rows, server: first, in: workspace, rate: 150,
            limit: 600, extraArguments: ["-trace_logs", "-log_file", acknowledgedLog.path], name: "load")
        let reachedKillPoint = await first.waitForLog(occurrence: killAfter, of: "] registered", seconds: 20)
        first.process.send(SIGKILL)
        let killedStatus = await first.process.wait(seconds: 5)
        let run = try await load
        #expect(reachedKillPoint, "serve did not register \(killAfter) extensions:\n\(first.log.suffix(2000))")
        #expect(killedStatus == SIGKILL, "serve was not ended by SIGKILL")

        let acknowledged = ((try? String(contentsOf: acknowledgedLog, encoding: .utf8)) ?? "")
            .split(separator: "\n").compactMap { line in
                line.hasPrefix("acknowledged ") ? String(line.dropFirst("acknowledged ".count)) : nil
            }
        // The kill fell in the middle: many registrations were acknowledged, not all of them.
        // (SIPp may lag behind serve's log on a loaded machine, so not necessarily `killAfter`.)
        #expect(acknowledged.count >= 50, "\(run)")
        #expect(acknowledged.count < users.count, "the load ended before the kill:\n\(run)")
        #expect(Set(acknowledged).count == acknowledged.count)

        try await withRegistrar(bundle: bundle, in: workspace) { second in
            #expect(await second.waitForLog("bindings restored"), "\(second.log.suffix(2000))")
            let restored = second.logField("restored").flatMap(Int.init) ?? -1
            #expect(restored >= acknowledged.count, "restored \(restored) of \(acknowledged.count) acknowledged:\n\(second.log)")
            #expect(restored <= users.count)

            let query = try await runSIPp(
                sipp, scenario: "register_query_bound.xml", users: acknowledged.map { ($0, Users.password($0)) },
                server: second, in: workspace, rate: 200, limit: 100, name: "query")
            #expect(query.status == 0 && query.failed == 0 && query.successful == acknowledged.count,
                    "an acknowledged binding is missing after the restart:\n\(query)\n\(query.errors.suffix(2000))")
            #expect(second.errorLines.isEmpty, "serve logged errors:\n\(second.errorLines.joined(separator: "\n"))")
        }
    }

    /// A second serve on the same bundle (so the same default database) is refused at start
    /// with exit status 2 and a message that names the file; the first keeps serving.
    @Test func aSecondServeOnTheSameDatabaseIsRefused() async throws {
        let workspace = try Workspace("in-use")
        defer { workspace.remove() }
        let bundle = try await compileBundle(Users(count: 1).manifest(), in: workspace)

        try await withRegistrar(bundle: bundle, in: workspace) { first in
            guard let port = Loopback.freePort() else { throw InteropError.missingPeer("no free port") }
            let second = try ChildProcess(
                switchboardExecutable,
                ["serve", bundle.path, "--listen", "\(Loopback.host):\(port)", "--control", "none"],
                in: workspace.url, log: workspace.file("second.log"))
            let status = await second.wait(seconds: 15)
            #expect(status == 2, "\(second.output)")
            #expect(second.output.contains("the bindings database \(bundle.path).bindings.sqlite is in use by another process"),
                    "\(second.output)")
            #expect(await first.waitUntilAnswering(seconds: 5))
        }
    }
}

extension RunningRegistrar {
    /// The value of `name=` in the log (the first occurrence), e.g. `restored` of the line
    /// `bindings restored`.
    func logField(_ name: String) -> String? {
        let field = log.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("\(name)=") }
        return field.map { String($0.dropFirst(name.count + 1)) }
    }
}
