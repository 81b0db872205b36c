import ArgumentParser
import Foundation
import Registrar

/// `switchboard status` — what a running `switchboard serve` is doing, from its status endpoint.
public struct StatusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the providers of a running `switchboard serve`: registration state, last response, next attempt, lines.",
        discussion: """
            Asks the status endpoint of `switchboard serve` (GET /status on its --control \
            address, 127.0.0.1:5065 by default) and prints one line per provider, then a summary; \
            `--format json` prints the report as serve sent it (docs/status.md).

            Exit status: 0 every enabled standard provider is registered (or there is none), 1 \
            some are not (so the command works as a health check), 2 serve cannot be reached at \
            the address or did not answer with a status report, or a usage error.
            """
    )

    @Option(help: "Address of serve's status endpoint, host:port (the same as `serve --control`).")
    public var control: String = ControlOption.defaultValue

    @Option(help: "Output format: table or json.")
    public var format: StatusFormat = .table

    @Option(help: "Colours in the table: auto, always or never.")
    public var color: ColorChoice = .auto

    public init() {}

    public func validate() throws {
        guard ControlOption.parse(control) != nil else {
            throw ValidationError("--control \(control) is not host:port")
        }
    }

    public func run() async throws {
        guard let address = ControlOption.parse(control) else { throw ExitStatus.usageOrIO }
        let status = await StatusRunner(address: address, format: format, color: color).run(console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// `--format` of `status`.
public enum StatusFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// The list view, for people.
    case table
    /// The report as serve sent it: one versioned JSON document, for programs.
    case json
}

/// The work of `status`, apart from argument parsing so tests can run it with a captured console.
public struct StatusRunner {
    public var address: ListenAddress
    public var format: StatusFormat
    public var color: ColorChoice
    public var environment: [String: String]
    public var timeout: Duration

    public init(
        address: ListenAddress, format: StatusFormat = .table, color: ColorChoice = .auto,
        environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Duration = .seconds(10)
    ) {
        self.address = address
        self.format = format
        self.color = color
        self.environment = environment
        self.timeout = timeout
    }

    /// 0 when every enabled standard provider is registered, 1 when some are not, 2 when no
    /// report could be had.
    public func run(console: Console) async -> ExitCode {
        let fetched: StatusClient.Fetched
        do {
            fetched = try await StatusClient.fetch(from: address, timeout: timeout)
        } catch {
            console.writeError("""
                switchboard: \(error)
                  is `switchboard serve` running with its status endpoint there? Pass the address of \
                its --control with `switchboard status --control HOST:PORT`.

                """)
            return ExitStatus.usageOrIO
        }
        switch format {
        case .table:
            let colors = color.enabled(isTTY: console.outputIsTerminal, environment: environment)
            console.write(StatusTableRenderer(colors: colors).render(fetched.report))
        case .json:
            console.write(String(decoding: fetched.body, as: UTF8.self))
        }
        return fetched.report.unregisteredProviders.isEmpty ? ExitStatus.success : ExitStatus.findings
    }
}
