import ArgumentParser
import Diagnostics

/// The `--format` of commands that report diagnostics.
public enum DiagnosticFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Source snippets with carets, for people.
    case human
    /// `file:line:col: error[CODE]: message`, one line each, for editors and problem matchers.
    case short
    /// One versioned JSON document, for programs.
    case json

    func renderer(colors: Bool) -> any DiagnosticRenderer {
        switch self {
        case .human: HumanRenderer(colors: colors, showsSummary: false)
        case .short: ShortRenderer()
        case .json: JSONRenderer()
        }
    }
}

/// `--color`: whether human output uses ANSI colours.
public enum ColorChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// On a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    case always
    case never
}
