import ArgumentParser

/// The `switchboard` command: checks, compiles, diffs and serves telephony-provider manifests.
public struct Switchboard: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Check and compile the telephony-provider settings of a PBX, kept as YAML in git.",
        subcommands: [
            CheckCommand.self, CompileCommand.self, DiffCommand.self, SchemaCommand.self, ExplainCommand.self,
            ServeCommand.self, RouteCommand.self, StatusCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, with usage errors exiting 2 (ArgumentParser's default is 64) so
    /// every command shares the documented statuses.
    public static func runMain(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Self.exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.standard().writeError(fullMessage(for: error) + "\n")
                Self.exit(withError: ExitStatus.usageOrIO)
            }
            Self.exit(withError: error)
        }
    }
}
