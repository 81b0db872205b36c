import Diagnostics
import Foundation

/// Prints a run's diagnostics in the chosen format, the way every command does: diagnostics to
/// standard output, colour decided by `--color` and the terminal.
struct DiagnosticPrinter {
    var format: DiagnosticFormat
    var color: ColorChoice
    var environment: [String: String]

    func print(_ report: DiagnosticReport, to console: Console) {
        let colors = color.enabled(isTTY: console.outputIsTerminal, environment: environment)
        console.write(format.renderer(colors: colors).render(report))
    }
}
