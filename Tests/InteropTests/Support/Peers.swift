import Foundation

/// A peer program the suite needs, found in PATH; missing, the test fails with the command that
/// installs it (scripts/test installs them through scripts/ensure-packages).
func requirePeer(_ program: String, debianPackage: String) throws -> URL {
    guard let url = findProgram(program) else {
        throw InteropError.missingPeer("""
            `\(program)` is not installed, and these interoperability tests need it: run \
            `scripts/ensure-packages \(debianPackage)` as root (scripts/test does), or \
            `sudo apt-get install -y \(debianPackage)`
            """)
    }
    return url
}

/// What one SIPp run did, from its exit status and the last line of its `-trace_stat` file.
struct SIPpResult: CustomStringConvertible {
    var status: Int32?
    var successful = 0
    var failed = 0
    var retransmissions = 0
    var commandLine: String
    var screen: String
    var errors: String
    var messages: String

    var description: String {
        """
        sipp exit \(status.map(String.init) ?? "killed at the deadline"): \(successful) successful, \(failed) failed, \
        \(retransmissions) retransmissions
        $ \(commandLine)
        --- errors (tail) ---
        \(errors.suffix(3000))
        --- messages (tail) ---
        \(messages.suffix(4000))
        --- screen (tail) ---
        \(screen.suffix(2000))
        """
    }
}

/// Runs SIPp as a UAC against the registrar: `calls` scenario runs (`-m`) at `rate` per second,
/// at most `limit` at once, each call bounded by the scenario's timeouts and the whole run by
/// `-timeout` and a process deadline. Every file goes to the workspace.
func runSIPp(
    _ sipp: URL, scenario: String, users: [(user: String, password: String)], server: RunningRegistrar,
    in workspace: Workspace, transport: String = "u1", calls: Int? = nil, rate: Int = 200, limit: Int = 50,
    localHost: String = Loopback.host, domain: String = Loopback.host, extraArguments: [String] = [], name: String
) async throws -> SIPpResult {
    try await runSIPp(
        sipp, scenario: scenario, users: users, port: server.port, in: workspace, transport: transport, calls: calls,
        rate: rate, limit: limit, localHost: localHost, domain: domain, extraArguments: extraArguments, name: name)
}

/// The same against any SIP server on 127.0.0.1:`port` (a Kamailio playing the provider, say).
func runSIPp(
    _ sipp: URL, scenario: String, users: [(user: String, password: String)], port: UInt16,
    in workspace: Workspace, transport: String = "u1", calls: Int? = nil, rate: Int = 200, limit: Int = 50,
    localHost: String = Loopback.host, domain: String = Loopback.host, extraArguments: [String] = [], name: String
) async throws -> SIPpResult {
    let inject = try workspace.write("\(name)-users.csv", Users.injectionFile(users, domain: domain))
    let stat = workspace.file("\(name)-stat.csv")
    let errors = workspace.file("\(name)-errors.log")
    let messages = workspace.file("\(name)-messages.log")
    let calls = calls ?? users.count
    guard let localPort = Loopback.freePort() else { throw InteropError.missingPeer("no free local port for SIPp") }
    let seconds = 20
    let arguments = [
        "\(Loopback.host):\(port)",
        "-sf", peersFolder.appendingPathComponent(scenario).path,
        "-inf", inject.path,
        "-t", transport,
        "-i", localHost, "-p", String(localPort),
        "-r", String(rate), "-rp", "1000", "-m", String(calls), "-l", String(limit),
        "-timeout", "\(seconds)s", "-timeout_error",
        "-trace_stat", "-stf", stat.path, "-fd", "1",
        "-trace_err", "-error_file", errors.path,
        "-trace_msg", "-message_file", messages.path,
        "-nostdin",
    ] + extraArguments
    let process = try ChildProcess(sipp, arguments, in: workspace.url, log: workspace.file("\(name)-screen.log"))
    let status = await process.wait(seconds: Double(seconds + 10))
    var result = SIPpResult(
        status: status, commandLine: process.commandLine, screen: process.output,
        errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
        messages: (try? String(contentsOf: messages, encoding: .utf8)) ?? "")
    if let text = try? String(contentsOf: stat, encoding: .utf8) {
        let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        if let header = rows.first, let last = rows.last, rows.count > 1 {
            func value(_ column: String) -> Int {
                header.firstIndex(of: column).flatMap { $0 < last.count ? Int(last[$0]) : nil } ?? 0
            }
            result.successful = value("SuccessfulCall(C)")
            result.failed = value("FailedCall(C)")
            result.retransmissions = value("Retransmissions(C)")
        }
    }
    return result
}

/// Runs sipsak with `arguments`, bounded in time; returns its exit status (nil when killed at the
/// deadline) and its output.
func runSipsak(_ sipsak: URL, _ arguments: [String], in workspace: Workspace, name: String) async throws -> (status: Int32?, output: String) {
    let process = try ChildProcess(sipsak, arguments, in: workspace.url, log: workspace.file("\(name).log"))
    let status = await process.wait(seconds: 20)
    return (status, "$ \(process.commandLine)\n\(process.output)")
}

/// SIPp as a UAS on 127.0.0.1 (a mock provider): started by the test, bounded by `-timeout`
/// and a call count, stopped by its pid. Its `-trace_msg` file is what the test reads.
final class SIPpServer: @unchecked Sendable {
    let process: ChildProcess
    let port: UInt16
    let messageFile: URL

    /// Starts `scenario` on a free port and waits until the port is taken.
    init(_ sipp: URL, scenario: String, in workspace: Workspace, name: String, calls: Int = 20, seconds: Int = 40) async throws {
        guard let port = Loopback.freePort() else { throw InteropError.missingPeer("no free local port for SIPp") }
        self.port = port
        messageFile = workspace.file("\(name)-messages.log")
        process = try ChildProcess(
            sipp,
            [
                "-sf", peersFolder.appendingPathComponent(scenario).path, "-i", Loopback.host, "-p", String(port),
                "-m", String(calls), "-timeout", "\(seconds)s", "-deadcall_wait", "1",
                "-trace_msg", "-message_file", messageFile.path, "-nostdin",
            ],
            in: workspace.url, log: workspace.file("\(name)-screen.log"))
        guard await Loopback.waitUntilTaken(udpPort: port, seconds: 5) else {
            await process.stop()
            throw InteropError.missingPeer("SIPp did not bind 127.0.0.1:\(port):\n\(process.output)")
        }
    }

    /// The messages SIPp traced so far.
    var messages: String {
        (try? String(contentsOf: messageFile, encoding: .utf8)) ?? ""
    }

    /// The REGISTER requests SIPp received, each as its text, in order.
    var receivedRegisters: [String] {
        var requests: [String] = []
        var current: [Substring]?
        func flush() {
            if let lines = current, let first = lines.first(where: { !$0.isEmpty }), first.hasPrefix("REGISTER ") {
                requests.append(lines.joined(separator: "\n"))
            }
            current = nil
        }
        for line in messages.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-----") {
                flush()
            } else if line.contains("message received") {
                current = []
            } else {
                current?.append(line)
            }
        }
        flush()
        return requests
    }

    func stop() async {
        await process.stop()
    }
}
