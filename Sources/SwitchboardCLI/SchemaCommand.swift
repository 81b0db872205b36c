import ArgumentParser
import ManifestCompiler

/// `switchboard schema [--bundle]` — the JSON Schema editors use for manifest files, or the one
/// of the runtime bundle.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of manifest files (or, with --bundle, of the runtime bundle).",
        discussion: """
            The schema is JSON Schema draft-07, for editors. With the YAML extension of VS Code \
            (or another yaml-language-server client), a manifest that starts with

              # yaml-language-server: $schema=../schemas/manifest.schema.json

            gets completion, hover text and checks as you type. schemas/ in the repository holds \
            the same bytes this command prints. A schema cannot check everything: run \
            `switchboard check` for the full rules (see docs/schemas.md).

            Exit status: 0.
            """
    )

    @Flag(name: .customLong("bundle"), help: "Print the schema of the runtime bundle instead.")
    public var bundle = false

    public init() {}

    /// What the command prints: canonical JSON with a final line break.
    public var text: String {
        bundle ? BundleSchema.text : ManifestSchema.text
    }

    public func run() throws {
        run(console: .standard())
    }

    public func run(console: Console) {
        console.write(text)
    }
}
