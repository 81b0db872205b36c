import Foundation
import Testing

/// `switchboard status` against a real `switchboard serve` started by the test (127.0.0.1, the
/// status endpoint on a free port): the providers of the compiled multi-provider sample with
/// their types and limits, the JSON form, the exit statuses, and an endpoint nobody serves.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct StatusInteropTests {
    /// The shipped samples, found from this file.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// The multi-provider sample, copied into the workspace, with what a test machine cannot
    /// have changed and nothing else: the secrets under `/run/secrets` become environment
    /// variables, and acme's proxy (a DNS name serve would look up) becomes a closed port on
    /// 127.0.0.1, so every REGISTER stays on loopback. (budget-voip's server is an IPv6
    /// documentation address, which the IPv4 client socket on 127.0.0.1 cannot send to.)
    static func multiProviderSample(in workspace: Workspace, closedPort: UInt16) throws -> URL {
        let source = samples.appendingPathComponent("multi-provider")
        let copy = workspace.file("multi-provider")
        try FileManager.default.copyItem(at: source, to: copy)
        try replace(in: copy.appendingPathComponent("dialplan.yaml"), [
            "{ file: /run/secrets/ext-200 }": "{ env: EXT_200_PASSWORD }",
        ])
        try replace(in: copy.appendingPathComponent("providers/acme.yaml"), [
            "{ file: /run/secrets/acme-password }": "{ env: ACME_PASSWORD }",
            "proxy: sbc.acme.example:5070": "proxy: 127.0.0.1:\(closedPort)",
        ])
        return copy
    }

    /// Replaces each key of `changes` in the file; each must be there.
    static func replace(in file: URL, _ changes: [String: String]) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in changes {
            try #require(text.contains(old), "\(file.lastPathComponent) no longer has \(old); update this test")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try Data(text.utf8).write(to: file)
    }

    static let passwords = [
        "EXT_100_PASSWORD": "a1", "EXT_101_PASSWORD": "b2", "EXT_102_PASSWORD": "c3", "EXT_200_PASSWORD": "d4",
        "ACME_PASSWORD": "e5", "BUDGET_PASSWORD": "f6", "LEGACY_PASSWORD": "g7",
    ]

    /// Runs the built `switchboard status` with `arguments`; its exit status and output.
    static func status(_ arguments: [String], in workspace: Workspace, name: String) async throws -> (status: Int32?, output: String) {
        try await run(["status"] + arguments, in: workspace, name: name)
    }

    /// Runs the built `switchboard` with `arguments`; its exit status and output.
    static func run(_ arguments: [String], in workspace: Workspace, name: String) async throws -> (status: Int32?, output: String) {
        let process = try ChildProcess(
            switchboardExecutable, arguments, in: workspace.url, log: workspace.file("\(name).log"),
            environment: ["NO_COLOR": "1"])
        let status = await process.wait(seconds: 20)
        return (status, process.output)
    }

    @Test func statusListsTheSamplesProvidersWithTheirLimits() async throws {
        let workspace = try Workspace("status")
        defer { workspace.remove() }
        let closedPort = try #require(Loopback.freePort())
        let bundle = try await compileBundle(from: try Self.multiProviderSample(in: workspace, closedPort: closedPort), in: workspace)
        try await withRegistrar(bundle: bundle, in: workspace, environment: Self.passwords) { server in
            let control = try #require(await server.controlAddress(), "no control= in the log:\n\(server.log)")
            // acme's proxy refuses the connection and budget-voip's server cannot be reached from
            // 127.0.0.1: both back off after their first attempt (spread over the first 100 ms).
            var table = try await Self.status(["--control", control], in: workspace, name: "status-table")
            for attempt in 1...40 where table.output.components(separatedBy: "backing off").count < 3 {
                try await Task.sleep(for: .milliseconds(100))
                table = try await Self.status(["--control", control], in: workspace, name: "status-table-\(attempt)")
            }
            // Enabled standard providers that are not registered: the health check fails.
            #expect(table.status == 1, "\(table.output)")
            let rows = table.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            func row(_ name: String) -> [String] { rows.first { $0.first == name } ?? [] }
            // A DETAIL column follows LINES when a row has a detail (the reason of backing off).
            #expect(Array(rows.first ?? []) == ["PROVIDER", "TYPE", "STATE", "LAST", "NEXT", "LINES", "DETAIL"], "\(table.output)")
            #expect(Array(row("acme").prefix(4)) == ["acme", "standard", "backing", "off"], "\(table.output)")
            #expect(row("acme").contains("0/8"), "\(table.output)")
            #expect(Array(row("budget-voip").prefix(4)) == ["budget-voip", "standard", "backing", "off"], "\(table.output)")
            #expect(row("budget-voip").contains("0/unlimited"), "\(table.output)")
            #expect(row("legacy") == ["legacy", "standard", "disabled", "-", "-", "0/unlimited"], "\(table.output)")
            #expect(row("northwind") == ["northwind", "trunk", "trunk", "-", "-", "0/30"], "\(table.output)")
            #expect(table.output.contains("4 providers: 2 backing off, 1 disabled, 1 trunk"), "\(table.output)")
            #expect(table.output.contains("not registered: acme, budget-voip"), "\(table.output)")

            // The live dry run skips the standard providers that are not registered right now.
            // A Russian mobile number goes through acme only; acme is backing off, and so is
            // budget-voip, so the call falls through to the generated rule of the trunk.
            let live = try await Self.run(["route", "--control", control, "89161234567"], in: workspace, name: "route-live")
            #expect(live.status == 0, "\(live.output)")
            #expect(live.output.contains("routed: 89161234567 → northwind"), "\(live.output)")
            #expect(live.output.contains("russia-mobile → acme: the provider is not registered"), "\(live.output)")
            #expect(live.output.contains("budget-voip: the provider is not registered"), "\(live.output)")
            let inbound = try await Self.run(["route", "--control", control, "--inbound", "northwind", "+4930123457"], in: workspace, name: "route-in")
            #expect(inbound.status == 0, "\(inbound.output)")
            let refused = try await Self.run(["route", "--control", control, "12x"], in: workspace, name: "route-bad")
            #expect(refused.status == 2 && refused.output.contains("is not a number"), "\(refused.output)")
            #expect(table.output.contains("SIP on \(Loopback.host):\(server.port); 0 extensions registered (0 bindings)"), "\(table.output)")

            let json = try await Self.status(["--control", control, "--format", "json"], in: workspace, name: "status-json")
            #expect(json.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json.output)")
            #expect(object["format"] as? String == "switchboard-status" && object["format_version"] as? Int == 1)
            let digest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundle)) as? [String: Any])["digest"] as? String
            #expect((object["bundle"] as? [String: Any])?["digest"] as? String == digest)
            let providers = try #require(object["providers"] as? [[String: Any]])
            #expect(providers.map { $0["name"] as? String } == ["acme", "budget-voip", "legacy", "northwind"])
            #expect(providers.map { ($0["lines"] as? [String: Any])?["limit"] as? String } == [nil, "unlimited", "unlimited", nil])
            #expect(providers.map { ($0["lines"] as? [String: Any])?["limit"] as? Int } == [8, nil, nil, 30])
        }
    }

    @Test func statusExitsZeroWhenNoStandardProviderNeedsRegistering() async throws {
        let workspace = try Workspace("status-trunk")
        defer { workspace.remove() }
        let manifest = """
            version: 1
            providers:
              - name: northwind
                type: trunk
                server: 198.51.100.7
                lines: 2
                rules: { inbound: none }
            extensions:
              - number: "100"
                password: { env: EXT_100_PASSWORD }
            """
        let bundle = try await compileBundle(manifest, in: workspace)
        try await withRegistrar(bundle: bundle, in: workspace, environment: ["EXT_100_PASSWORD": "x"]) { server in
            let control = try #require(await server.controlAddress(), "no control= in the log:\n\(server.log)")
            let run = try await Self.status(["--control", control], in: workspace, name: "status")
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.hasPrefix("PROVIDER   TYPE   STATE  LAST  NEXT  LINES\nnorthwind  trunk  trunk  -     -     0/2\n"), "\(run.output)")
        }
    }

    @Test func statusExitsTwoWhenServeIsNotThere() async throws {
        let workspace = try Workspace("status-unreachable")
        defer { workspace.remove() }
        let port = try #require(Loopback.freePort())
        let run = try await Self.status(["--control", "\(Loopback.host):\(port)"], in: workspace, name: "status")
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("cannot reach switchboard serve at \(Loopback.host):\(port)"), "\(run.output)")
        #expect(run.output.contains("--control"), "\(run.output)")
    }

    /// A second serve asking for the status address the first one holds stops at start with the
    /// address and how to choose another, exit 2.
    @Test func serveStopsWhenTheStatusAddressIsTaken() async throws {
        let workspace = try Workspace("status-taken")
        defer { workspace.remove() }
        let bundle = try await compileBundle(Users(count: 1).manifest(), in: workspace)
        try await withRegistrar(bundle: bundle, in: workspace) { first in
            let control = try #require(await first.controlAddress(), "no control= in the log:\n\(first.log)")
            let port = try #require(Loopback.freePort())
            // `--bindings none`: the first serve holds the bundle's bindings database, which
            // would refuse the second before it reaches the status address.
            let second = try ChildProcess(
                switchboardExecutable,
                ["serve", bundle.path, "--listen", "\(Loopback.host):\(port)", "--control", control, "--bindings", "none"],
                in: workspace.url, log: workspace.file("second.log"))
            #expect(await second.wait(seconds: 15) == 2, "\(second.output)")
            #expect(second.output.contains("cannot listen on the status address \(control)"), "\(second.output)")
            #expect(second.output.contains("--control none"), "\(second.output)")
        }
    }

    @Test func serveWithControlNoneHasNoEndpoint() async throws {
        let workspace = try Workspace("status-none")
        defer { workspace.remove() }
        let bundle = try await compileBundle(Users(count: 1).manifest(), in: workspace)
        try await withRegistrar(bundle: bundle, in: workspace, arguments: ["--control", "none"]) { server in
            #expect(server.log.contains("control=none"), "\(server.log)")
        }
    }
}
