import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never a part: the bytes
/// go to a temporary file in the same folder, are flushed to disk, and the temporary file is
/// renamed over the target. On any error the temporary file is removed and the target is untouched.
///
/// The temporary file is `.NAME.tmp-PID-RANDOM`: hidden, so manifest folders and shell globs skip
/// it, and never ending in the target's own extension, so it cannot be taken for a bundle. A
/// process killed before the rename (SIGKILL, power loss) leaves it behind; the next write to the
/// same target removes those whose process is gone, so they never accumulate.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32

        var description: String { "cannot write \(path): \(operation) failed: \(String(cString: strerror(code)))" }
    }

    /// Writes the file from the pieces `body` appends to it (and the stretch it overwrites once
    /// known), as they come: a bundle is written while it is still being encoded, never held whole.
    /// The first write error stops the file; it is thrown after `body` returns.
    static func write<Result>(to target: String, _ body: (StreamingFile) -> Result) throws(WriteError) -> Result {
        // Write through a symbolic link to the file it names, so the link stays a link.
        var path = target
        if let resolved = realpath(target, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFCHR, S_IFIFO:
                // `/dev/null`, `/dev/stdout`, a pipe: renaming over them would replace the device
                // with a file, so write to them directly, whole, as they cannot be overwritten.
                let file = StreamingFile(descriptor: nil)
                let result = body(file)
                try writeDirectly(file.buffered, to: path)
                return result
            default:
                throw WriteError(path: target, operation: "open (not a regular file)", code: EISDIR)
            }
        }
        return try replace(path, with: body)
    }

    private static func writeDirectly(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: path, operation: "open", code: errno) }
        defer { close(descriptor) }
        let code = bytes.withUnsafeBytes { StreamingFile.writeAll($0, to: descriptor, at: nil) }
        if let code { throw WriteError(path: path, operation: "write", code: code) }
    }

    /// Temporary file in the same folder, flushed, renamed over `path`.
    private static func replace<Result>(_ path: String, with body: (StreamingFile) -> Result) throws(WriteError) -> Result {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        removeStaleTemporaries(of: name, in: folder.isEmpty ? "/" : folder)
        let temporary = "\(folder.isEmpty ? "/" : folder)/\(temporaryPrefix(of: name))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, operation: "create", code: errno) }
        func fail(_ operation: String) -> WriteError {
            let error = WriteError(path: path, operation: operation, code: errno)
            close(descriptor)
            unlink(temporary)
            return error
        }
        let file = StreamingFile(descriptor: descriptor)
        let result = body(file)
        if let code = file.failure {
            errno = code
            throw fail("write")
        }
        guard fsync(descriptor) == 0 else { throw fail("fsync") }
        guard close(descriptor) == 0 else {
            let error = WriteError(path: path, operation: "close", code: errno)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = WriteError(path: path, operation: "rename", code: errno)
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable.
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
        return result
    }

    /// The start of the name of every temporary file for the target `name`; the writer's process
    /// id and a random number follow.
    static func temporaryPrefix(of name: String) -> String {
        ".\(name).tmp-"
    }

    /// Removes the temporary files of `name` left in `folder` by writers that no longer run (killed
    /// before they could rename or remove them). One whose process id is alive is left alone: it
    /// may be a write in progress, or the id was reused, and then it is removed by a later run.
    static func removeStaleTemporaries(of name: String, in folder: String) {
        let prefix = temporaryPrefix(of: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard rest.count == 2, let pid = pid_t(rest[0]), UInt32(rest[1]) != nil, pid > 0 else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder + "/" + entry)
            }
        }
    }
}
