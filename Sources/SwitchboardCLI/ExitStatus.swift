import ArgumentParser
import Diagnostics

/// The exit statuses every command shares, documented in the README.
public enum ExitStatus {
    /// Clean: no errors (and no warnings with `--strict`); for `diff`, no changes.
    public static let success = ExitCode(0)
    /// The input has errors (or warnings with `--strict`); for `diff`, there are changes; for
    /// `compile --check`, the bundle would change.
    public static let findings = ExitCode(1)
    /// A usage error or an I/O error: a path that does not exist, a file that cannot be read or
    /// written.
    public static let usageOrIO = ExitCode(2)

    /// The status for a run that produced `report`.
    static func forReport(_ report: DiagnosticReport, ioProblems: Bool, strict: Bool) -> ExitCode {
        if ioProblems { return usageOrIO }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { return findings }
        return success
    }
}
