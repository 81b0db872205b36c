import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `switchboard` executable, next to the test bundle (as in SwitchboardCLITests), or
/// the one named by `SWITCHBOARD_EXECUTABLE` (to run this suite against another build).
var switchboardExecutable: URL {
    if let path = ProcessInfo.processInfo.environment["SWITCHBOARD_EXECUTABLE"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return testBinary.deletingLastPathComponent().appendingPathComponent("switchboard")
}

/// The SIPp scenarios this suite drives, kept in `Tests/InteropTests/Peers`.
let peersFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Peers")

/// Extension numbers and passwords for a generated manifest: `count` numeric users from `first`
/// (extension numbers are digits only), password `pw-<number>`.
struct Users {
    var first = 100_000
    var count: Int

    var numbers: [String] { (first..<first + count).map(String.init) }
    static func password(_ number: String) -> String { "pw-\(number)" }

    /// A manifest with these extensions. Inline passwords compile with a warning (SB2050), which
    /// is fine for a test; `except` leaves numbers out (a bundle that lost an extension).
    func manifest(except: Set<String> = []) -> String {
        var text = "version: 1\nextensions:\n"
        for number in numbers where !except.contains(number) {
            text += "  - number: \"\(number)\"\n    password: \(Self.password(number))\n"
        }
        return text
    }

    /// A SIPp injection file (`user;password;domain`), read in order.
    static func injectionFile(_ rows: [(user: String, password: String)], domain: String = Loopback.host) -> String {
        "SEQUENTIAL\n" + rows.map { "\($0.user);\($0.password);\(domain)\n" }.joined()
    }
}

/// A temporary folder per test, removed at the end.
final class Workspace: @unchecked Sendable {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-interop-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

enum InteropError: Error, CustomStringConvertible {
    case compileFailed(String)
    case serveDidNotStart(String)
    case missingPeer(String)

    var description: String {
        switch self {
        case .compileFailed(let output): "switchboard compile failed:\n\(output)"
        case .serveDidNotStart(let output): "switchboard serve did not answer OPTIONS:\n\(output)"
        case .missingPeer(let message): message
        }
    }
}

/// Compiles `manifest` with the built executable into `workspace/<bundle>`. The bundle is written
/// atomically by `compile`, so a running server never reads half a file on SIGHUP.
@discardableResult
func compileBundle(_ manifest: String, in workspace: Workspace, manifestName: String = "manifest/switchboard.yaml",
                   bundle: String = "bundle.json") async throws -> URL {
    try await compileBundle(from: try workspace.write(manifestName, manifest), in: workspace, bundle: bundle)
}

/// Compiles the manifest file or folder at `source` into `workspace/<bundle>`.
@discardableResult
func compileBundle(from source: URL, in workspace: Workspace, bundle: String = "bundle.json") async throws -> URL {
    let output = workspace.file(bundle)
    let compile = try ChildProcess(
        switchboardExecutable, ["compile", source.path, "-o", output.path, "--color", "never"],
        in: workspace.url, log: workspace.file("compile-\(UUID().uuidString.prefix(6)).log"))
    let status = await compile.wait(seconds: 60)
    guard status == 0 else { throw InteropError.compileFailed("exit \(status.map(String.init) ?? "killed")\n\(compile.output)") }
    return output
}

/// One `switchboard serve` on 127.0.0.1 and a free port, started and stopped by the test.
final class RunningRegistrar: @unchecked Sendable {
    let process: ChildProcess
    let port: UInt16
    let bundle: URL

    private init(process: ChildProcess, port: UInt16, bundle: URL) {
        self.process = process
        self.port = port
        self.bundle = bundle
    }

    /// Starts `serve` on a free port and waits until it answers an OPTIONS over UDP. Another
    /// process may take the port between the probe and the bind: then it retries on another one.
    /// Unless `arguments` say otherwise, the status endpoint gets any free port
    /// (`--control 127.0.0.1:0`, see ``controlAddress``), so servers never contend for 5065.
    static func start(bundle: URL, in workspace: Workspace, arguments: [String] = [],
                      environment: [String: String] = [:]) async throws -> RunningRegistrar {
        var lastOutput = ""
        let control = arguments.contains("--control") ? [] : ["--control", "\(Loopback.host):0"]
        for attempt in 1...5 {
            guard let port = Loopback.freePort() else { continue }
            let process = try ChildProcess(
                switchboardExecutable,
                ["serve", bundle.path, "--listen", "\(Loopback.host):\(port)"] + control + arguments,
                in: workspace.url, log: workspace.file("serve-\(attempt).log"), environment: environment)
            let server = RunningRegistrar(process: process, port: port, bundle: bundle)
            if await server.waitUntilAnswering(seconds: 15) { return server }
            await process.stop()
            lastOutput = process.output
            // Only a lost race for the port is worth another try.
            guard lastOutput.contains("cannot listen") else { break }
        }
        throw InteropError.serveDidNotStart(lastOutput)
    }

    /// Polls with OPTIONS until a 200 comes back, the process exits, or the time is up.
    func waitUntilAnswering(seconds: Double) async -> Bool {
        await Loopback.waitUntilAnswering(port: port, process: process, seconds: seconds)
    }

    var log: String { process.output }

    /// The status endpoint's `host:port`, from the `control=` of the log line `serving`; nil
    /// when it is off or the line does not come within `seconds`.
    func controlAddress(seconds: Double = 10) async -> String? {
        guard await waitForLog("control=\(Loopback.host):", seconds: seconds) else { return nil }
        let field = log.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("control=") }
        return field.map { String($0.dropFirst("control=".count)) }
    }

    /// Waits until the log contains `text` (e.g. after a SIGHUP), at most `seconds`.
    func waitForLog(_ text: String, seconds: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if log.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return log.contains(text)
    }

    /// The WWW-Authenticate values of the challenge a REGISTER for `user` gets, in order.
    func challenges(for user: String) async -> [String] {
        let response = await Loopback.exchange(port: port, timeout: 3) { local in
            Loopback.register(user: user, to: port, from: local, tag: "c\(UInt32.random(in: 0...UInt32.max))")
        } ?? ""
        return response.split(separator: "\r\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "www-authenticate" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }

    /// SIGTERM by pid, then wait (SIGKILL after a grace period). Returns the exit status.
    @discardableResult
    func stop() async -> Int32? {
        await process.stop()
    }
}

/// The `algorithm` of a digest challenge the way SIPp reads it (the first `algorithm=`; none
/// means MD5), uppercased.
func digestAlgorithm(of challenge: String) -> String {
    guard let range = challenge.range(of: "algorithm=", options: .caseInsensitive) else { return "MD5" }
    let value = challenge[range.upperBound...].drop { $0 == "\"" }.prefix { $0 != "," && $0 != "\"" && $0 != " " }
    return value.uppercased()
}

/// Starts `serve`, runs `body`, and always stops the server by its pid; a clean SIGTERM
/// shutdown (exit 0) is part of what is checked.
func withRegistrar(
    bundle: URL, in workspace: Workspace, arguments: [String] = [], environment: [String: String] = [:],
    _ body: (RunningRegistrar) async throws -> Void
) async throws {
    let server = try await RunningRegistrar.start(bundle: bundle, in: workspace, arguments: arguments, environment: environment)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    let status = await server.stop()
    #expect(status == 0, "serve did not exit cleanly on SIGTERM:\n\(server.log.suffix(2000))")
}
