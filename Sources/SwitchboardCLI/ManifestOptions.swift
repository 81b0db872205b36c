import ArgumentParser

/// The options of every command that reads manifests and reports diagnostics.
public struct ManifestOptions: ParsableArguments {
    @Argument(help: "Manifest files or folders (searched for *.yaml and *.yml); - reads standard input.")
    public var paths: [String] = []

    @Option(help: "Diagnostic format: human, short, json, sarif or github.")
    public var format: DiagnosticFormat = .human

    @Flag(help: "Treat warnings as errors.")
    public var strict = false

    @Option(help: "Colours in human output: auto, always or never.")
    public var color: ColorChoice = .auto

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one manifest file or folder") }
    }
}
