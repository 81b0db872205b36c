import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process a test starts: its output goes to a file (never a pipe that could fill up), it is
/// always bounded by a deadline, and it is stopped by its own pid and waited for.
///
/// Spawned with `posix_spawn` directly rather than Foundation's `Process`, for two reasons found
/// with Kamailio: a test runs on a thread that blocks most signals, and `Process` passes that
/// mask on, so a daemon never sees SIGTERM (or its children's SIGCHLD); and `Process` learns of an
/// exit from a socket the child inherits, then waits for it with a blocking `waitpid` on its one
/// manager thread, so a daemon that closes inherited descriptors at start blocks the reaping of
/// every other process for as long as it runs. Here the child gets an empty signal mask, default
/// signal handlers and its own process group, and is reaped with `waitpid(WNOHANG)`.
final class ChildProcess: Sendable {
    let executable: URL
    let arguments: [String]
    let logFile: URL
    let pid: pid_t
    /// The exit status once reaped (the signal number for a process a signal ended).
    private let exitStatus = Mutex<Int32?>(nil)

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable` in `directory`; standard output and error both go to `logFile`.
    init(_ executable: URL, _ arguments: [String], in directory: URL, log logFile: URL, environment: [String: String] = [:]) throws {
        self.executable = executable
        self.arguments = arguments
        self.logFile = logFile
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard Self.spawnExtensions.changeDirectory(&actions, directory.path) == 0 else {
            throw SpawnError(description: "cannot start \(executable.path) in \(directory.path)")
        }
        _ = Self.spawnExtensions.closeFrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SpawnError(description: "cannot start \(executable.path): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    var isRunning: Bool {
        exitStatus.withLock { status in
            if status == nil { status = Self.reap(pid, blocking: false) }
            return status == nil
        }
    }

    /// What the process wrote so far.
    var output: String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// The command line, for failure messages.
    var commandLine: String {
        ([executable.path] + arguments).joined(separator: " ")
    }

    /// Waits until the process exits or `seconds` pass; on the deadline it is killed (SIGKILL to
    /// its process group, which is its pid) and reaped. Returns the exit status, or nil when it had
    /// to be killed.
    @discardableResult
    func wait(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            exitStatus.withLock { $0 = Self.reap(pid, blocking: true) }
            return nil
        }
        return exitStatus.withLock { $0 }
    }

    /// Sends `signal` to the process's pid (only while it runs: a reaped pid may be reused).
    func send(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// SIGTERM, then SIGKILL if it has not exited after `grace` seconds; always reaped.
    @discardableResult
    func stop(grace: Double = 5) async -> Int32? {
        send(SIGTERM)
        return await wait(seconds: grace)
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` and `…_addclosefrom_np` (2.29 and 2.34),
    /// which the Glibc module does not import; looked up once by name.
    private struct SpawnExtensions: @unchecked Sendable {
        typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        let changeDirectory: ChangeDirectory
        let closeFrom: CloseFrom?

        init() {
            let process = dlopen(nil, RTLD_NOW)
            guard let change = dlsym(process, "posix_spawn_file_actions_addchdir_np") else {
                preconditionFailure("this C library has no posix_spawn_file_actions_addchdir_np")
            }
            changeDirectory = unsafeBitCast(change, to: ChangeDirectory.self)
            closeFrom = dlsym(process, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: CloseFrom.self) }
        }
    }

    private static let spawnExtensions = SpawnExtensions()

    /// `waitpid` for `pid`: the exit status (the signal number when a signal ended it), or nil
    /// while it runs.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        } while result == -1 && errno == EINTR
        if result == 0 { return nil }
        if result == -1 { return -1 }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
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
