import Diagnostics
@testable import ManifestCompiler

/// Checks YAML text as one manifest file named `test.yaml`.
func check(_ yaml: String, file: String = "test.yaml") -> ManifestChecker.Result {
    ManifestChecker().check([ManifestInput(name: file, text: yaml)])
}

/// `SB2005@4:14` for each diagnostic, in source order: compact to compare in expectations.
func locations(_ result: ManifestChecker.Result) -> [String] {
    result.diagnostics.sorted().map { "\($0.code.id)@\($0.span.start.line):\($0.span.start.column)" }
}

func codes(_ result: ManifestChecker.Result) -> [String] {
    result.diagnostics.sorted().map(\.code.id)
}

/// A valid standard provider with one field replaced or added; `field` is a full YAML line
/// fragment indented for the provider mapping (e.g. `lines: 4`).
func provider(_ fields: String...) -> String {
    providerOnly(fields) + dialPlan
}

/// The providers section alone, for tests that combine several files.
func providerOnly(_ fields: [String] = []) -> String {
    var lines = [
        "name: acme", "server: sip.acme.example", "login: \"100\"", "password: { env: ACME_PASSWORD }",
    ]
    for field in fields {
        let key = field.split(separator: ":", maxSplits: 1).first.map(String.init) ?? field
        if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[index] = field
        } else {
            lines.append(field)
        }
    }
    lines = lines.filter { !$0.hasSuffix(": <absent>") }
    return "providers:\n  - " + lines.joined(separator: "\n    ") + "\n"
}

/// Appended after the providers of test manifests, so the generated inbound rules have a
/// destination and line numbers of the provider stay as written.
let dialPlan = """
    defaults: { inbound_destination: { extensions: ["100"] } }
    extensions:
      - { number: "100", password: { env: EXT_100_PASSWORD } }

    """

/// Every field of the manifest as text, spans included, to compare two manifests whole. Sets
/// are listed sorted: two equal sets need not list their members in the same order.
func dumped(_ manifest: Manifest) -> String {
    var manifest = manifest
    var text = ""
    for position in manifest.providers.indices {
        text += manifest.providers[position].writtenKeys.names.joined(separator: ",") + "\n"
        manifest.providers[position].writtenKeys = []
    }
    dump(manifest, to: &text)
    return text
}
