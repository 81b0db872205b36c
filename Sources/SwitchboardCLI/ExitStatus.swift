import ArgumentParser

/// The exit statuses every command shares, documented in the README.
public enum ExitStatus {
    /// Clean: no errors (and no warnings with `--strict`); for `diff`, no changes.
    public static let success = ExitCode(0)
    /// The input has errors (or warnings with `--strict`); for `diff`, there are changes.
    public static let findings = ExitCode(1)
    /// A usage error or an I/O error: a path that does not exist, a file that cannot be read.
    public static let usageOrIO = ExitCode(2)
}
