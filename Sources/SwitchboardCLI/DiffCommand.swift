import ArgumentParser
import BundleDiff
import Diagnostics
import Foundation
import ManifestCompiler
import RuntimeBundle

/// `switchboard diff OLD NEW` — what a change to the manifests really changes in the bundle.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changes between two versions of the manifests, by meaning rather than by text.",
        discussion: """
            OLD and NEW are each a manifest file or folder, a compiled bundle (.json), or a git \
            revision of the repository in the current folder (HEAD~1, origin/main, a commit id). \
            An existing path wins over a revision of the same name. A revision is read with git \
            without touching the working tree: the manifests below the current folder, or below \
            --path. Both sides are compiled, and the bundles are compared object by object: \
            renames, field changes with old and new values, generated rules that appear or \
            vanish and why, and changes of rule order with what they mean for calls. Secrets are \
            never printed: a password shows as its reference, a plaintext one as (secret).

            Exit status: 0 no changes, 1 changes, 2 usage or I/O error, an input that is neither \
            a path nor a revision, or manifests with errors (their diagnostics go to standard \
            error).
            """
    )

    @Argument(help: "The old version: manifest file or folder, bundle (.json), or git revision.")
    public var old: String

    @Argument(help: "The new version: manifest file or folder, bundle (.json), or git revision.")
    public var new: String

    @Option(help: "Output format: human, markdown or json.")
    public var format: DiffFormat = .human

    @Option(help: "Colours in human output: auto, always or never.")
    public var color: ColorChoice = .auto

    @Option(help: "For git revisions: the manifest folder, relative to the current folder (default: the current folder).")
    public var path: String?

    public init() {}

    public func run() throws {
        let runner = DiffRunner(format: format, color: color, path: path)
        let status = runner.run(old: old, new: new, console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// `--format` of `diff`.
public enum DiffFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// For people at a terminal; coloured only on a terminal (see `--color`).
    case human
    /// GitHub-flavoured Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
    case markdown
    /// One versioned JSON document, for programs.
    case json
}

/// The work of `diff`, apart from argument parsing so tests can run it with a captured console
/// and a repository of their own.
public struct DiffRunner {
    public var format: DiffFormat
    public var color: ColorChoice
    /// For git revisions: the manifest folder, relative to `directory`.
    public var path: String?
    public var environment: [String: String]
    /// Where relative paths are resolved and git runs; nil: the process's working directory.
    /// Tests pass a folder of their own instead of changing the shared working directory.
    public var directory: String?

    public init(
        format: DiffFormat = .human, color: ColorChoice = .auto, path: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, directory: String? = nil
    ) {
        self.format = format
        self.color = color
        self.path = path
        self.environment = environment
        self.directory = directory
    }

    public func run(old: String, new: String, console: Console) -> ExitCode {
        let loader = DiffInputLoader(path: path, environment: environment, directory: directory)
        let oldBundle = loader.load(old, side: "OLD", console: console)
        let newBundle = loader.load(new, side: "NEW", console: console)
        guard let oldBundle, let newBundle else { return ExitStatus.usageOrIO }

        let difference = BundleDiff.compare(old: oldBundle, new: newBundle)
        switch format {
        case .human:
            let colors = color.enabled(isTTY: console.outputIsTerminal, environment: environment)
            console.write(HumanDiffRenderer(colors: colors, oldLabel: old, newLabel: new).render(difference))
        case .markdown:
            console.write(MarkdownDiffRenderer(oldLabel: old, newLabel: new).render(difference))
            console.writeError(difference.summary + "\n")
        case .json:
            console.write(JSONDiffRenderer().render(difference))
            console.writeError(difference.summary + "\n")
        }
        return difference.isEmpty ? ExitStatus.success : ExitStatus.findings
    }
}
