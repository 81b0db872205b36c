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

    @Argument(help: "Manifest files or folders (searched for *.yaml and *.yml); - reads standard input.")
    public var paths: [String]

    @Option(help: "Output format: human, short or json.")
    public var format: DiagnosticFormat = .human

    @Flag(help: "Fail on warnings too.")
    public var strict = false

    @Option(help: "Colours in human output: auto, always or never.")
    public var color: ColorChoice = .auto

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one manifest file or folder") }
    }

    public func run() throws {
        let status = CheckRunner(format: format, strict: strict, color: color).run(paths: paths, console: .standard())
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
        let found = finder.find(paths)
        let result = ManifestChecker().check(found.inputs)
        let report = DiagnosticReport(
            diagnostics: found.problems + result.diagnostics, sources: result.sources,
            fileCount: found.inputs.count)
        let colors = switch color {
        case .always: true
        case .never: false
        case .auto: HumanRenderer.shouldUseColors(isTTY: console.outputIsTerminal, environment: environment)
        }
        console.write(format.renderer(colors: colors).render(report))
        console.writeError(report.summary + "\n")
        if !found.problems.isEmpty { return ExitStatus.usageOrIO }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { return ExitStatus.findings }
        return ExitStatus.success
    }
}
