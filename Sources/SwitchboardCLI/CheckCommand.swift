import ArgumentParser
import Diagnostics
import Foundation
import ManifestCompiler

/// `switchboard check PATH...` — the pre-commit hook and CI gate.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check manifest files and folders; report every problem with its location.",
        discussion: """
            Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.
            Diagnostics go to standard output; the one-line summary to standard error.
            """
    )

    @OptionGroup public var options: ManifestOptions

    public init() {}

    public func run() throws {
        var runner = CheckRunner(format: options.format, strict: options.strict, color: options.color)
        runner.retention = .untilExit
        let status = runner.run(paths: options.paths, console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// The work of `check`, apart from argument parsing so tests can run it with a captured console.
public struct CheckRunner {
    public var format: DiagnosticFormat
    public var strict: Bool
    public var color: ColorChoice
    public var environment: [String: String]
    public var finder: ManifestFileFinder
    /// Whether the manifest and the sources are freed when `run` returns.
    public var retention = ResultRetention.free

    public init(
        format: DiagnosticFormat = .human, strict: Bool = false, color: ColorChoice = .auto,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        finder: ManifestFileFinder = ManifestFileFinder()
    ) {
        self.format = format
        self.strict = strict
        self.color = color
        self.environment = environment
        self.finder = finder
    }

    public func run(paths: [String], console: Console) -> ExitCode {
        let (found, result) = ManifestChecker().check(finding: paths, with: finder)
        let report = DiagnosticReport(
            diagnostics: found.problems + result.diagnostics, sources: result.sources,
            fileCount: found.inputs.count)
        defer { retention.end((found, result, report)) }
        DiagnosticPrinter(format: format, color: color, environment: environment).print(report, to: console)
        console.writeError(report.summary + "\n")
        return ExitStatus.forReport(report, ioProblems: !found.problems.isEmpty, strict: strict)
    }
}
