import ArgumentParser
import Diagnostics
import Foundation
import ManifestCompiler
import RuntimeBundle

/// `switchboard compile PATH... -o FILE` — manifests to the runtime bundle.
public struct CompileCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile manifests into the runtime bundle the registrar loads.",
        discussion: """
            The bundle is written atomically: on any error the old file is left untouched.
            With --check FILE nothing is written; the exit status says whether FILE is up to date
            (0) or would change (1), a drift gate for CI.
            Exit status: 0 written or up to date, 1 errors (or warnings with --strict) or drift,
            2 usage or I/O error.
            """
    )

    @OptionGroup public var options: ManifestOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write the bundle; - for standard output.")
    public var output: String?

    @Option(name: .customLong("check"), help: "Compare with this bundle instead of writing; exit 1 if it would change.")
    public var checkFile: String?

    public init() {}

    public func validate() throws {
        switch (output, checkFile) {
        case (nil, nil): throw ValidationError("name the bundle to write with -o FILE, or to compare with --check FILE")
        case (_?, _?): throw ValidationError("-o and --check exclude each other")
        default: break
        }
    }

    public func run() throws {
        let target: CompileRunner.Target = output.map(CompileRunner.Target.write) ?? .check(checkFile!)
        var runner = CompileRunner(format: options.format, strict: options.strict, color: options.color)
        runner.retention = .untilExit
        let status = runner.run(paths: options.paths, target: target, console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// The work of `compile`, apart from argument parsing so tests can run it with a captured console.
public struct CompileRunner {
    public enum Target: Sendable {
        /// Write the bundle to this path (`-` for standard output).
        case write(String)
        /// Compare with the bundle at this path.
        case check(String)
    }

    public var format: DiagnosticFormat
    public var strict: Bool
    public var color: ColorChoice
    public var environment: [String: String]
    public var finder: ManifestFileFinder
    /// Whether the manifest, the bundle and the sources are freed when `run` returns.
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

    public func run(paths: [String], target: Target, console: Console) -> ExitCode {
        let (found, result) = BundleCompiler().compile(finding: paths, with: finder)
        let report = DiagnosticReport(
            diagnostics: found.problems + result.check.diagnostics, sources: result.check.sources,
            fileCount: found.inputs.count)
        defer { retention.end((found, result, report)) }
        DiagnosticPrinter(format: format, color: color, environment: environment).print(report, to: console)
        let status = ExitStatus.forReport(report, ioProblems: !found.problems.isEmpty, strict: strict)
        guard status == ExitStatus.success, let bundle = result.bundle else {
            console.writeError(report.summary + "; no bundle written\n")
            return status == ExitStatus.success ? ExitStatus.findings : status
        }
        switch target {
        case .write("-"):
            let encoded = BundleEncoding.encode(bundle)
            console.write(String(decoding: encoded.bytes, as: UTF8.self))
            console.writeError("compiled \(BundleSummary(bundle: bundle, digest: encoded.digest))\n")
        case .write(let path):
            let digest: String
            do {
                // Written as it is encoded: the bundle is never held whole in memory.
                digest = try AtomicFile.write(to: path) { file in
                    let encoded = BundleEncoding.encode(bundle, emitting: file.append)
                    file.overwrite(encoded.header, at: 0)
                    return encoded.digest
                }
            } catch {
                console.writeError("switchboard: \(error)\n")
                return ExitStatus.usageOrIO
            }
            console.writeError("compiled \(BundleSummary(bundle: bundle, digest: digest)) → \(path)\n")
        case .check(let path):
            let encoded = BundleEncoding.encode(bundle)
            let summary = BundleSummary(bundle: bundle, digest: encoded.digest)
            guard let existing = FileManager.default.contents(atPath: path) else {
                console.writeError("\(path) does not exist; compiling would create it (\(summary))\n")
                return ExitStatus.findings
            }
            guard Array(existing) == encoded.bytes else {
                console.writeError("\(path) is out of date; compiling would change it to \(summary)\n")
                return ExitStatus.findings
            }
            console.writeError("\(path) is up to date (\(summary))\n")
        }
        return ExitStatus.success
    }
}

/// `3 providers, 4 extensions, 4 inbound rules (2 explicit, 2 generated), …, sha256:…`.
struct BundleSummary: CustomStringConvertible {
    var bundle: SwitchboardBundle
    var digest: String

    var description: String {
        let inboundGenerated = bundle.inbound.count { $0.generatedFor != nil }
        let outboundGenerated = bundle.outbound.count { $0.generatedFor != nil }
        return [
            Self.count(bundle.providers.count, "provider"),
            Self.count(bundle.extensions.count, "extension"),
            Self.count(bundle.inbound.count, "inbound rule")
                + " (\(bundle.inbound.count - inboundGenerated) explicit, \(inboundGenerated) generated)",
            Self.count(bundle.outbound.count, "outbound rule")
                + " (\(bundle.outbound.count - outboundGenerated) explicit, \(outboundGenerated) generated)",
            digest,
        ].joined(separator: ", ")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
