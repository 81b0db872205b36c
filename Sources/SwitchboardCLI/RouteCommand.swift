import ArgumentParser
import Registrar

/// `switchboard route BUNDLE NUMBER` — a dry run of the routing engine; `switchboard route
/// --control ADDRESS NUMBER` asks a running serve, with its providers' live registrations.
public struct RouteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Show which rule and provider a number takes, without placing a call.",
        discussion: """
            Outbound (the default): NUMBER is dialled by an extension. Prints the rule, the \
            provider, the number as sent, the caller ID, and why each earlier candidate was \
            skipped. Every standard provider counts as registered unless --unregistered names \
            it; every line is free unless --busy says otherwise.

            Inbound (--inbound PROVIDER): NUMBER is the called number of a call arriving \
            through PROVIDER, from --caller if given. Prints the rule and the extensions that \
            ring.

            NUMBER and --caller are digits, * and #, with an optional leading +. \
            The bundle's digest is verified, as `serve` does.

            Live (--control ADDRESS, then only NUMBER): asks a running `switchboard serve` at \
            its status address. The dry run is made on the bundle serve has in force, with \
            every standard provider that is not registered at that moment skipped; \
            --busy and --unregistered do not apply.

            Exit status: 0 routed, 1 no route (no rule matches, every candidate is busy or \
            unusable, or the provider refuses the call), 2 usage error or a bundle that cannot \
            be read.
            """
    )

    @Argument(help: ArgumentHelp(
        "The bundle written by `switchboard compile` and the dialled number (outbound) or the called number (with --inbound); with --control only the number.",
        valueName: "bundle> <number"))
    public var positionals: [String] = []  // `[BUNDLE] NUMBER`: ArgumentParser has no optional leading positional

    @Option(help: ArgumentHelp(
        "Ask a running `switchboard serve` at this status address (its --control) instead of reading a bundle.",
        valueName: "host:port"))
    public var control: String?

    @Option(help: ArgumentHelp("Lines busy on a provider, 0 ≤ n ≤ its lines (repeatable).", valueName: "provider=n"))
    public var busy: [String] = []

    @Option(help: ArgumentHelp("A standard provider to treat as not registered (repeatable).", valueName: "provider"))
    public var unregistered: [String] = []

    @Option(help: ArgumentHelp("Dry-run an inbound call arriving through this provider instead.", valueName: "provider"))
    public var inbound: String?

    @Option(help: ArgumentHelp("With --inbound: the caller's number (default: anonymous).", valueName: "number"))
    public var caller: String?

    @Option(help: "Output format: human or json.")
    public var format: RouteFormat = .human

    public init() {}

    public func validate() throws {
        if let control {
            guard ControlOption.parse(control) != nil else { throw ValidationError("--control \(control) is not host:port") }
            guard positionals.count == 1 else { throw ValidationError("with --control give only NUMBER (serve has the bundle)") }
            guard busy.isEmpty, unregistered.isEmpty else {
                throw ValidationError("--busy and --unregistered are for a bundle file; with --control serve's live state applies")
            }
        } else if positionals.count != 2 {
            throw ValidationError("give BUNDLE and NUMBER (or --control ADDRESS and NUMBER)")
        }
    }

    public func run() async throws {
        let status: ExitCode
        if let control, let address = ControlOption.parse(control) {
            let query = RouteQuery(number: positionals[0], inbound: inbound, caller: caller, json: format == .json)
            status = await LiveRouteRunner(address: address).run(query, console: .standard())
        } else {
            let request = RouteRequest(number: positionals[1], busy: busy, unregistered: unregistered, inbound: inbound, caller: caller)
            status = RouteRunner(format: format).run(bundlePath: positionals[0], request: request, console: .standard())
        }
        if status != ExitStatus.success { throw status }
    }
}

/// `route --control`: the dry run asked of a running serve, printed as serve wrote it.
public struct LiveRouteRunner {
    public var address: ListenAddress
    public var timeout: Duration

    public init(address: ListenAddress, timeout: Duration = .seconds(10)) {
        self.address = address
        self.timeout = timeout
    }

    /// 0 routed, 1 no route, 2 a refused query or no answer.
    public func run(_ query: RouteQuery, console: Console) async -> ExitCode {
        let answer: RouteAnswer
        do {
            answer = try await StatusClient.route(query, from: address, timeout: timeout)
        } catch {
            console.writeError("""
                switchboard: \(error)
                  is `switchboard serve` running with its status endpoint there? Pass the address of \
                its --control with `switchboard route --control HOST:PORT NUMBER`.

                """)
            return ExitStatus.usageOrIO
        }
        switch answer.outcome {
        case .routed:
            console.write(answer.text)
            return ExitStatus.success
        case .notRouted:
            console.write(answer.text)
            return ExitStatus.findings
        case .refused:
            console.writeError(answer.text)
            return ExitStatus.usageOrIO
        }
    }
}

/// `--format` of `route`.
public enum RouteFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned lines for people.
    case human
    /// One versioned JSON document, for programs.
    case json
}
