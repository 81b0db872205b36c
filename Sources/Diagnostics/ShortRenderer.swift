/// One line per diagnostic, `file:line:col: error[SB2011]: message`: the form that gcc-style
/// editors, `grep`-style tools and CI problem matchers read.
///
/// Labels, related places, notes and help are left out. A message that spans several lines is
/// folded onto one, and control characters are made visible, so every diagnostic is exactly one
/// line whatever the input contained. Nothing else is printed (no summary line).
public struct ShortRenderer: DiagnosticRenderer, Sendable {
    public init() {}

    public func render(_ report: DiagnosticReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += render(diagnostic)
            output += "\n"
        }
        return output
    }

    /// The line for one diagnostic, without a line break.
    public func render(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        return "\(TerminalText.folded(span.file)):\(span.start.line):\(span.start.column): "
            + "\(diagnostic.severity.rawValue)[\(TerminalText.folded(diagnostic.code.id))]: "
            + TerminalText.folded(diagnostic.message)
    }
}
