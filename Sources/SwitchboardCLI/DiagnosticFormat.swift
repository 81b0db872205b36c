import ArgumentParser
import Diagnostics
import ManifestCompiler

/// The `--format` of commands that report diagnostics.
public enum DiagnosticFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Source snippets with carets, for people.
    case human
    /// `file:line:col: error[CODE]: message`, one line each, for editors and problem matchers.
    case short
    /// One versioned JSON document, for programs.
    case json
    /// A SARIF 2.1.0 log, for code scanning (GitHub's upload-sarif action and other SARIF viewers).
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::message`), one annotation per diagnostic.
    case github

    func renderer(colors: Bool) -> any DiagnosticRenderer {
        switch self {
        case .human: HumanRenderer(colors: colors, showsSummary: false)
        case .short: ShortRenderer()
        case .json: JSONRenderer()
        case .sarif: SARIFRenderer(ruleHelp: Self.ruleHelp)
        case .github: GitHubRenderer()
        }
    }
}

extension DiagnosticFormat {
    /// The long text of every code, from the `explain` catalogue, for SARIF rule descriptions.
    static let ruleHelp: [String: String] = Dictionary(
        DiagnosticCatalog.all.map { ($0.code.id, $0.summary) }, uniquingKeysWith: { first, _ in first })
}

/// `--color`: whether human output uses ANSI colours.
public enum ColorChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    case always
    case never

    /// Whether output to a console whose standard output is (or is not) a terminal is coloured.
    func enabled(isTTY: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: HumanRenderer.shouldUseColors(isTTY: isTTY, environment: environment)
        }
    }
}
