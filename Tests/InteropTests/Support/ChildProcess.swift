import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process a test starts: its output goes to a file (never a pipe that could fill up), it is
/// always bounded by a deadline, and it is stopped by its own pid and waited for.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let executable: URL
    let arguments: [String]
    let logFile: URL

    /// Starts `executable` in `directory`; standard output and error both go to `logFile`.
    init(_ executable: URL, _ arguments: [String], in directory: URL, log logFile: URL, environment: [String: String] = [:]) throws {
        self.executable = executable
        self.arguments = arguments
        self.logFile = logFile
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try handle.close()
    }

    var pid: pid_t { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// What the process wrote so far.
    var output: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The command line, for failure messages.
    var commandLine: String {
        ([executable.path] + arguments).joined(separator: " ")
    }

    /// Waits until the process exits or `seconds` pass; on the deadline it is killed (SIGKILL to
    /// its pid) and reaped. Returns the exit status, or nil when it had to be killed.
    @discardableResult
    func wait(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends `signal` to the process's pid (only while it runs: a reaped pid may be reused).
    func send(_ signal: Int32) {
        if process.isRunning { kill(pid, signal) }
    }

    /// SIGTERM, then SIGKILL if it has not exited after `grace` seconds; always reaped.
    @discardableResult
    func stop(grace: Double = 5) async -> Int32? {
        send(SIGTERM)
        return await wait(seconds: grace)
    }
}

/// Looks a program up in `PATH` (and the sbin folders, where Debian puts kamailio).
func findProgram(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/bin"]
    for folder in folders {
        let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
