import ArgumentParser

/// `switchboard route BUNDLE NUMBER` — a dry run of the routing engine.
public struct RouteCommand: ParsableCommand {
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

            Exit status: 0 routed, 1 no route (no rule matches, every candidate is busy or \
            unusable, or the provider refuses the call), 2 usage error or a bundle that cannot \
            be read.
            """
    )

    @Argument(help: "The bundle written by `switchboard compile`.")
    public var bundle: String

    @Argument(help: "The dialled number (outbound) or the called number (with --inbound).")
    public var number: String

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

    public func run() throws {
        let request = RouteRequest(number: number, busy: busy, unregistered: unregistered, inbound: inbound, caller: caller)
        let status = RouteRunner(format: format).run(bundlePath: bundle, request: request, console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// `--format` of `route`.
public enum RouteFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned lines for people.
    case human
    /// One versioned JSON document, for programs.
    case json
}
