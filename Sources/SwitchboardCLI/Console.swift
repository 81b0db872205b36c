#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a command's output goes. Commands write through it so tests can capture both streams
/// and so standard output stays machine-readable (summaries go to standard error).
public final class Console: @unchecked Sendable {
    public private(set) var output = ""
    public private(set) var errors = ""
    private let capturing: Bool

    /// Writes straight to the process's standard output and standard error.
    public static func standard() -> Console { Console(capturing: false) }

    /// Keeps everything in `output` and `errors`, for tests.
    public static func capturing() -> Console { Console(capturing: true) }

    private init(capturing: Bool) {
        self.capturing = capturing
    }

    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        if capturing { output += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    public func writeError(_ text: String) {
        guard !text.isEmpty else { return }
        if capturing { errors += text } else { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// True when standard output is a terminal (never when capturing).
    public var outputIsTerminal: Bool {
        !capturing && isatty(STDOUT_FILENO) == 1
    }
}
